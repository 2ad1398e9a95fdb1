// The file store against a real file system: a temporary directory per test, real renames.
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SectionSave, StoredSettings } from '../../shared/contract/app-settings';
import { CommandError } from '../engine/command-error';
import { FileSettingsStore, SETTINGS_FILE_NAME } from './file-settings-store';

const AT = new Date('2026-12-01T10:58:43.123Z');
const SET_ASIDE = `${SETTINGS_FILE_NAME}.corrupt-2026-12-01T10-58-43.123Z`;

/** One value for every section, each as its schema allows. */
const EVERY_SECTION: StoredSettings = {
  response: { text: 'HTTP/1.1 200 OK\\r\\n\\r\\n', body: { name: 'cat.png', type: 'image/png', base64: 'iVBORw0KGgo=' }, enter: 'crlf' },
  presets: { presets: [{ id: 'p1', name: 'Not found', text: 'HTTP/1.1 404 Not Found\\r\\n\\r\\n', body: null }] },
  server: { draft: { host: '127.0.0.1', port: '8080', expose: false, routes: [{ method: 'GET', path: '/' }] } },
  client: { sessions: [{ targetText: 'localhost 8080', timeoutText: '5', mode: 'hex' }] },
  layout: { journalView: 'bytes', journalLarge: false, clientActive: 0 },
};

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirebench-settings-'));
});

afterEach(async () => {
  await chmod(dir, 0o700).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

function store(at: string = dir): FileSettingsStore {
  return new FileSettingsStore({ dir: at, now: () => AT });
}

async function saveAll(s: FileSettingsStore, settings: StoredSettings): Promise<void> {
  for (const [section, value] of Object.entries(settings)) await s.save({ section, value } as SectionSave);
}

describe('FileSettingsStore', () => {
  it('starts empty without a word when there is no file yet, and does not make one by loading', async () => {
    const loaded = await store().load();
    expect(loaded).toEqual({ settings: {}, notices: [], file: join(dir, SETTINGS_FILE_NAME) });
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps every section across a restart (a new store on the same directory)', async () => {
    await saveAll(store(), EVERY_SECTION);
    const loaded = await store().load();
    expect(loaded.settings).toEqual(EVERY_SECTION);
    expect(loaded.notices).toEqual([]);
    const onDisk = JSON.parse(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8')) as unknown;
    expect(onDisk).toEqual({ format: 1, sections: EVERY_SECTION });
  });

  it('makes a missing directory, readable by its owner only, and the file too', async () => {
    const nested = join(dir, 'a', 'wirebench');
    await store(nested).save({ section: 'layout', value: { journalView: 'events' } });
    expect((await stat(nested)).mode & 0o777).toBe(0o700);
    expect((await stat(join(nested, SETTINGS_FILE_NAME))).mode & 0o777).toBe(0o600);
  });

  it('sets a file that is not JSON aside under the name it reports, keeping its bytes, and loads defaults', async () => {
    const original = Buffer.from('{"format":1,"sections":{"layout":{"journalView":"by\x00\xff', 'latin1');
    await writeFile(join(dir, SETTINGS_FILE_NAME), original);
    const loaded = await store().load();
    expect(loaded.settings).toEqual({});
    expect(loaded.notices).toEqual([
      { code: 'corrupt', params: { file: join(dir, SETTINGS_FILE_NAME), setAside: join(dir, SET_ASIDE) } },
    ]);
    expect(await readdir(dir)).toEqual([SET_ASIDE]);
    expect(await readFile(join(dir, SET_ASIDE))).toEqual(original);
    // The next start finds no file, hence no notice: the person is told once.
    expect((await store().load()).notices).toEqual([]);
  });

  it('treats JSON that is not the settings object as corrupt too, and never reuses a set-aside name', async () => {
    for (const text of ['[1,2]', 'null', '{"format":2,"sections":{}}', '{"format":1,"sections":[]}']) {
      await writeFile(join(dir, SETTINGS_FILE_NAME), text);
      expect((await store().load()).notices.map((n) => n.code)).toEqual(['corrupt']);
    }
    const names = await readdir(dir);
    expect(names.sort()).toEqual([SET_ASIDE, `${SET_ASIDE}-1`, `${SET_ASIDE}-2`, `${SET_ASIDE}-3`].sort());
    expect(await readFile(join(dir, `${SET_ASIDE}-3`), 'utf8')).toBe('{"format":1,"sections":[]}');
  });

  it('resets only a section that fails its schema, keeps the others, and copies the file aside once', async () => {
    const text = JSON.stringify({
      format: 1,
      sections: { ...EVERY_SECTION, layout: { journalView: { nested: 'no' } }, client: { sessions: 'all' }, later: { kept: true } },
    });
    await writeFile(join(dir, SETTINGS_FILE_NAME), text);
    const s = store();
    const loaded = await s.load();
    const { layout: _layout, client: _client, ...sound } = EVERY_SECTION;
    expect(loaded.settings).toEqual(sound);
    const file = join(dir, SETTINGS_FILE_NAME);
    expect(loaded.notices).toEqual([
      { code: 'section_reset', params: { file, section: 'client', setAside: join(dir, SET_ASIDE) } },
      { code: 'section_reset', params: { file, section: 'layout', setAside: join(dir, SET_ASIDE) } },
    ]);
    expect(await readFile(join(dir, SET_ASIDE), 'utf8')).toBe(text);

    // Saving another section writes the file without the damaged ones; a section this version
    // does not know ("later") survives.
    await s.save({ section: 'layout', value: { journalView: 'bytes' } });
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { sections: Record<string, unknown> };
    expect(Object.keys(onDisk.sections).sort()).toEqual(['later', 'layout', 'presets', 'response', 'server']);
    expect(onDisk.sections.later).toEqual({ kept: true });
    expect(await store().load()).toMatchObject({ notices: [], settings: { ...sound, layout: { journalView: 'bytes' } } });
  });

  it('never leaves a partial file: it is whole JSON at every moment while 50 saves race', async () => {
    const s = store();
    const file = join(dir, SETTINGS_FILE_NAME);
    const big = 'x'.repeat(256 * 1024); // large enough that a plain write would be seen half done
    await s.save({ section: 'server', value: { draft: { cannedText: big } } });
    let reads = 0;
    let racing = true;
    const reader = (async () => {
      while (racing) {
        const text = await readFile(file, 'utf8');
        JSON.parse(text); // throws on a torn file
        reads++;
      }
    })();
    const saves = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? s.save({ section: 'server', value: { draft: { cannedText: big, n: i } } })
        : s.save({ section: 'layout', value: { n: i } }),
    );
    await Promise.all(saves);
    racing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    // Queued, not interleaved: each section holds its last save, neither lost the other's.
    expect((await store().load()).settings).toEqual({ server: { draft: { cannedText: big, n: 48 } }, layout: { n: 49 } });
    expect((await readdir(dir)).filter((n) => n !== SETTINGS_FILE_NAME)).toEqual([]); // no temporary files left
  });

  it('fails a save it cannot write with settings_unwritable, naming the file and the errno', async () => {
    // root ignores permission bits, so a directory made read-only would not stop it: a path
    // under a regular file fails for everyone (ENOTDIR). Otherwise the read-only directory is the
    // case people meet.
    const asRoot = process.getuid?.() === 0;
    let target: string;
    if (asRoot) {
      await writeFile(join(dir, 'plain-file'), 'not a directory');
      target = join(dir, 'plain-file', 'wirebench');
    } else {
      target = join(dir, 'locked');
      await mkdir(target);
      await chmod(target, 0o500);
    }
    const s = store(target);
    const err = await s.save({ section: 'layout', value: { journalView: 'bytes' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandError);
    expect(err).toMatchObject({
      code: 'settings_unwritable',
      params: { file: join(target, SETTINGS_FILE_NAME), code: asRoot ? 'ENOTDIR' : 'EACCES' },
    });
    // The queue goes on after a failure.
    expect(await s.load()).toMatchObject({ settings: {} });
  });

  it('refuses to overwrite a file it could not read, and reports it as unreadable', async () => {
    // A directory where the file should be: readFile fails with EISDIR, for root as well.
    await mkdir(join(dir, SETTINGS_FILE_NAME));
    const s = store();
    const loaded = await s.load();
    expect(loaded.notices).toEqual([{ code: 'unreadable', params: { file: join(dir, SETTINGS_FILE_NAME), code: 'EISDIR' } }]);
    await expect(s.save({ section: 'layout', value: {} })).rejects.toMatchObject({
      code: 'settings_unwritable',
      params: { code: 'EISDIR' },
    });
  });

  it('checks a section against its schema before writing it', async () => {
    const s = store();
    const bad = { section: 'layout', value: { journalView: ['not', 'allowed'] } } as unknown as SectionSave;
    await expect(s.save(bad)).rejects.toMatchObject({ code: 'bad_input' });
    expect(await readdir(dir)).toEqual([]);
  });
});
