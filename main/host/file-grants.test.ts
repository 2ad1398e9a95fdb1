// FileGrants on a real file system: what a page may have a server serve (issue 15). Folders made
// in a temp dir, with real symlinks, since the check is about what the OS would open.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileGrants, MAX_GRANTS } from './file-grants';
import { readGrantedPaths, writeGrantedPaths } from './granted-paths-file';

let base: string;
let sample: string;
let chosen: string;
let outside: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'wirebench-grants-'));
  sample = join(base, 'docroot');
  chosen = join(base, 'chosen');
  outside = join(base, 'outside');
  for (const dir of [sample, join(chosen, 'deep'), outside]) await mkdir(dir, { recursive: true });
  await writeFile(join(sample, 'index.html'), 'sample');
  await writeFile(join(chosen, 'deep', 'page.html'), 'chosen');
  await writeFile(join(outside, 'secret.txt'), 'secret');
  await symlink(outside, join(chosen, 'link-out'));
  await symlink(join(chosen, 'deep'), join(outside, 'link-in'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('FileGrants', () => {
  it('allows the sample site, and paths relative to it that stay inside', async () => {
    const grants = new FileGrants({ sampleRoot: sample });
    expect(await grants.allows(sample)).toBe(true);
    expect(await grants.allows(join(sample, 'index.html'))).toBe(true);
    expect(await grants.allows('index.html')).toBe(true);
    expect(await grants.allows('images/not-yet.jpg')).toBe(true);
    expect(await grants.allows('../outside/secret.txt')).toBe(false);
    expect(await grants.allows('../../../../etc/passwd')).toBe(false);
  });

  it('refuses any other absolute path until it is granted, then allows it and what is below it', async () => {
    const grants = new FileGrants({ sampleRoot: sample });
    expect(await grants.allows(chosen)).toBe(false);
    expect(await grants.allows('/etc')).toBe(false);
    await grants.grant(chosen);
    expect(await grants.allows(chosen)).toBe(true);
    expect(await grants.allows(join(chosen, 'deep', 'page.html'))).toBe(true);
    expect(await grants.allows(join(chosen, 'deep', 'missing', 'file.txt'))).toBe(true);
    // A sibling whose name starts the same is not inside.
    expect(await grants.allows(`${chosen}-other`)).toBe(false);
    expect(await grants.allows(join(chosen, '..', 'outside'))).toBe(false);
    expect(await grants.list()).toEqual([chosen]);
  });

  it('follows symlinks: a link in a granted folder to elsewhere is refused, a link to a granted folder is allowed', async () => {
    const grants = new FileGrants({ sampleRoot: null });
    await grants.grant(chosen);
    expect(await grants.allows(join(chosen, 'link-out'))).toBe(false);
    expect(await grants.allows(join(chosen, 'link-out', 'secret.txt'))).toBe(false);
    expect(await grants.allows(join(outside, 'link-in', 'page.html'))).toBe(true);
  });

  it('a single granted file allows that file only', async () => {
    const grants = new FileGrants({ sampleRoot: null });
    await grants.grant(join(outside, 'secret.txt'));
    expect(await grants.allows(join(outside, 'secret.txt'))).toBe(true);
    expect(await grants.allows(outside)).toBe(false);
    expect(await grants.allows(join(outside, 'other.txt'))).toBe(false);
  });

  it('with no sample root, relative paths have nothing to resolve against and are refused', async () => {
    const grants = new FileGrants({ sampleRoot: null });
    expect(await grants.allows('index.html')).toBe(false);
  });

  it('unrestricted (the CLI, where the person typed the path) allows anything', async () => {
    const grants = new FileGrants({ sampleRoot: null, unrestricted: true });
    expect(await grants.allows('/etc/passwd')).toBe(true);
  });

  it('earlier grants arrive as a promise and are in force before any check answers', async () => {
    let give: (paths: string[]) => void = () => {};
    const grants = new FileGrants({ sampleRoot: null, granted: new Promise((resolve) => (give = resolve)) });
    const answer = grants.allows(join(chosen, 'deep'));
    give([chosen, 'not/absolute']);
    expect(await answer).toBe(true);
    expect(await grants.list()).toEqual([chosen]);
  });

  it('keeps the newest MAX_GRANTS, tells the host after each grant, and a grant given twice moves to the end', async () => {
    const told: (readonly string[])[] = [];
    const grants = new FileGrants({ sampleRoot: null, onGrant: (paths) => told.push([...paths]) });
    for (let i = 0; i < MAX_GRANTS + 5; i++) await grants.grant(join(base, `g${i}`));
    await grants.grant(join(base, 'g10'));
    const list = await grants.list();
    expect(list).toHaveLength(MAX_GRANTS);
    expect(list.at(-1)).toBe(join(base, 'g10'));
    expect(list[0]).toBe(join(base, 'g5'));
    expect(told).toHaveLength(MAX_GRANTS + 6);
    await expect(grants.grant('relative/path')).rejects.toThrow(/absolute/);
  });
});

describe('the granted paths file (Electron keeps the dialog choices there)', () => {
  it('round-trips what was written', async () => {
    const file = join(base, 'granted-paths.json');
    await writeGrantedPaths(file, [chosen, sample]);
    expect(await readGrantedPaths(file)).toEqual([chosen, sample]);
  });

  it('a missing, damaged or foreign file grants nothing', async () => {
    expect(await readGrantedPaths(join(base, 'none.json'))).toEqual([]);
    for (const [name, text] of [
      ['garbage.json', '{not json'],
      ['wrong-shape.json', '{"version":1,"paths":"/"}'],
      ['wrong-version.json', '{"version":2,"paths":["/"]}'],
      ['too-many.json', JSON.stringify({ version: 1, paths: Array.from({ length: MAX_GRANTS + 1 }, (_, i) => `/p${i}`) })],
    ] as const) {
      await writeFile(join(base, name), text);
      expect(await readGrantedPaths(join(base, name)), name).toEqual([]);
    }
    expect(await readGrantedPaths(base)).toEqual([]); // a folder where the file should be
  });
});
