import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDocRootFor } from './sample-doc-root';

const REPO = resolve(import.meta.dirname, '..', '..');

describe('sampleDocRootFor', () => {
  it('uses the resources folder electron-builder copies app/docroot into, once packaged', () => {
    const source = { isPackaged: true, resourcesPath: '/opt/Wirebench/resources', mainDir: '/anything' };
    expect(sampleDocRootFor(source)).toBe(join('/opt/Wirebench/resources', 'docroot'));
  });

  it("finds this checkout's app/docroot from the built main's folder", () => {
    const root = sampleDocRootFor({ isPackaged: false, resourcesPath: '/unused', mainDir: join(REPO, 'out', 'main') });
    expect(root).toBe(join(REPO, 'app', 'docroot'));
    expect(existsSync(join(root, 'index.html'))).toBe(true);
  });
});
