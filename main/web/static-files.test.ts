import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, lookupStatic } from './static-files';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'wirebench-static-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the root');
  await symlink(join(base, 'secret.txt'), join(root, 'link-out.txt'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('lookupStatic', () => {
  it('maps / and folder paths to index.html, and finds nested files', async () => {
    expect(await lookupStatic(root, '/')).toMatchObject({ kind: 'file', path: join(root, 'index.html') });
    expect(await lookupStatic(root, '/assets/app.js')).toMatchObject({ kind: 'file', size: 14 });
    expect(await lookupStatic(root, '/assets/%61pp.js')).toMatchObject({ kind: 'file' });
  });

  it('never leaves the root, however the path is spelled', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/link-out.txt']) {
      expect(await lookupStatic(root, path), path).toEqual({ kind: 'not_found' });
    }
  });

  it('refuses malformed escapes, NUL bytes and backslashes', async () => {
    for (const path of ['/%E0%A4%A', '/index.html%00.js', '/..%5csecret.txt', 'index.html']) {
      expect(await lookupStatic(root, path), path).toEqual({ kind: 'bad_request' });
    }
  });

  it('reports missing files and folders without index.html as not found', async () => {
    expect(await lookupStatic(root, '/missing.js')).toEqual({ kind: 'not_found' });
    expect(await lookupStatic(root, '/assets')).toEqual({ kind: 'not_found' });
    expect(await lookupStatic(root, '/assets/')).toEqual({ kind: 'not_found' });
  });
});

describe('contentTypeFor', () => {
  it('names what the renderer ships, and falls back to bytes', () => {
    expect(contentTypeFor('/a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/a/b.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/a/b.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/a/b.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/a/b.unknown')).toBe('application/octet-stream');
  });
});
