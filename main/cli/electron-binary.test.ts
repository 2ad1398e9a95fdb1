import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadElectronBinary, findElectronBinary, findElectronDownloader } from './electron-binary';

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'wirebench-electron-'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A package root whose node_modules/electron behaves like the real one: throws until path.txt exists. */
async function fakeApp(name: string, withBinary: boolean): Promise<string> {
  const root = join(base, name);
  const pkg = join(root, 'node_modules', 'electron');
  await mkdir(join(pkg, 'dist'), { recursive: true });
  await writeFile(join(root, 'package.json'), '{"name":"app"}');
  await writeFile(join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
  await writeFile(join(pkg, 'install.js'), '');
  await writeFile(
    join(pkg, 'index.js'),
    `const fs = require('fs'), path = require('path');
     const p = path.join(__dirname, 'path.txt');
     if (!fs.existsSync(p)) throw new Error('Electron failed to install correctly');
     module.exports = path.join(__dirname, 'dist', fs.readFileSync(p, 'utf8'));`,
  );
  if (withBinary) {
    await writeFile(join(pkg, 'path.txt'), 'electron');
    await writeFile(join(pkg, 'dist', 'electron'), '#!/bin/sh\n');
    await chmod(join(pkg, 'dist', 'electron'), 0o755);
  }
  return join(root, 'package.json');
}

async function script(name: string, body: string): Promise<string> {
  const path = join(base, name);
  await writeFile(path, body);
  return path;
}

describe('findElectronBinary / findElectronDownloader', () => {
  it('finds the binary when it was downloaded, and null when electron throws', async () => {
    const present = await fakeApp('present', true);
    const missing = await fakeApp('missing', false);
    expect(findElectronBinary(present)).toBe(join(base, 'present', 'node_modules', 'electron', 'dist', 'electron'));
    expect(findElectronBinary(missing)).toBeNull();
    expect(findElectronDownloader(missing)).toBe(join(base, 'missing', 'node_modules', 'electron', 'install.js'));
  });

  it('reports null when the electron package is not installed at all', async () => {
    const lonely = join(base, 'lonely', 'package.json');
    await mkdir(join(base, 'lonely'));
    await writeFile(lonely, '{}');
    // Resolution walks up from the folder; the temp dir has no node_modules/electron above it.
    expect(findElectronDownloader(lonely)).toBeNull();
  });
});

describe('downloadElectronBinary', () => {
  it('succeeds when the downloader exits 0', async () => {
    const ok = await script('ok.cjs', 'process.exit(0)');
    expect(await downloadElectronBinary(ok, 5_000, process.env)).toEqual({ ok: true });
  });

  it('says "no route" when the downloader could not reach its host', async () => {
    const offline = await script(
      'offline.cjs',
      "console.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at ClientRequest'); process.exit(1)",
    );
    expect(await downloadElectronBinary(offline, 5_000, process.env)).toEqual({
      ok: false,
      reason: { key: 'cli.start.reason.downloadUnreachable', params: {} },
    });
  });

  it('reports other failures with the exit code', async () => {
    const broken = await script('broken.cjs', "console.error('checksum mismatch'); process.exit(3)");
    expect(await downloadElectronBinary(broken, 5_000, process.env)).toEqual({
      ok: false,
      reason: { key: 'cli.start.reason.downloadFailed', params: { code: '3' } },
    });
  });

  it('gives up on a downloader that outlives its time limit', async () => {
    const slow = await script('slow.cjs', 'setTimeout(() => {}, 60_000)');
    const started = Date.now();
    expect(await downloadElectronBinary(slow, 300, process.env)).toEqual({
      ok: false,
      reason: { key: 'cli.start.reason.downloadTimeout', params: { seconds: '1' } },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
