// Settings files that used to brick or hang the app (issue 15, item 6): a section nested ~2,000
// deep made every load and save fail with an internal error and was never set aside; a FIFO at
// settings.json hung load, save and shutdown; 2 million keys blocked the event loop for 14 s.
// Each now costs at most its own section, or the file is set aside, and the app starts.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSettingsStore, SETTINGS_FILE_NAME } from './file-settings-store';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirebench-hostile-settings-'));
  file = join(dir, SETTINGS_FILE_NAME);
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const store = (maxFileBytes?: number) => new FileSettingsStore({ dir, now: () => new Date('2026-12-07T00:00:00Z'), maxFileBytes });
const fileWith = (sections: string) => `{"format":1,"sections":{${sections}}}`;

describe('a hostile settings file', () => {
  it('a file nested 2,000 deep is set aside; a section nested past the door bound resets alone', async () => {
    const tooDeep = '['.repeat(64) + ']'.repeat(64);
    await writeFile(file, fileWith(`"layout":{"journalView":"bytes"},"server":{"draft":{"port":${tooDeep}}}`));
    const sectionOnly = await store().load();
    expect(sectionOnly.settings).toEqual({ layout: { journalView: 'bytes' } });
    expect(sectionOnly.notices.map((n) => [n.code, n.params.section])).toEqual([['section_reset', 'server']]);
    await rm(file);

    const deep = '['.repeat(2000) + ']'.repeat(2000);
    await writeFile(file, fileWith(`"layout":{"journalView":"bytes"},"server":{"draft":{"port":${deep}}}`));
    const loaded = await store().load();
    expect(loaded.settings).toEqual({});
    expect(loaded.notices.map((n) => n.code)).toEqual(['corrupt']);
    await store().save({ section: 'layout', value: { journalView: 'events' } });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ format: 1, sections: { layout: { journalView: 'events' } } });
  });

  it('a FIFO in place of the file is set aside at once: load and save do not hang', async () => {
    execFileSync('mkfifo', [file]);
    const loaded = await store().load();
    expect(loaded.notices.map((n) => n.code)).toEqual(['corrupt']);
    expect((await readdir(dir)).some((name) => name.startsWith(`${SETTINGS_FILE_NAME}.corrupt-`))).toBe(true);
    await store().save({ section: 'layout', value: { journalView: 'events' } });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ sections: { layout: { journalView: 'events' } } });
  });

  it('2 million keys: the file is set aside without being parsed, not seconds of a blocked event loop', async () => {
    const keys = Array.from({ length: 2_000_000 }, (_, i) => `"k${i}":1`).join(',');
    await writeFile(file, fileWith(`"layout":{${keys}}`));
    // A timer that should fire every 50 ms: the longest gap between two firings is how long the
    // event loop was blocked by one step of the load.
    let last = performance.now();
    let longest = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 50);
    const loaded = await store().load();
    clearInterval(ticker);
    expect(loaded.notices.map((n) => n.code)).toEqual(['corrupt']);
    // JSON.parse of those keys alone took 12 s on a busy machine; the scan that refuses them is
    // one pass over 30 MB of text. Generous, for a loaded CI machine: the point is not seconds.
    expect(longest).toBeLessThan(3000);
  }, 60_000);

  it('a file over the size cap is set aside without being read whole', async () => {
    await writeFile(file, fileWith('"layout":{"journalView":"bytes"}'));
    await truncate(file, 2 * 1024 * 1024);
    const loaded = await store(1024 * 1024).load();
    expect(loaded.notices.map((n) => n.code)).toEqual(['corrupt']);
    expect(loaded.settings).toEqual({});
  });

  it('a save that would make the file larger than the cap is refused, and the file is kept', async () => {
    const s = store(64 * 1024);
    await s.save({ section: 'layout', value: { journalView: 'bytes' } });
    const big = { text: 'x'.repeat(100 * 1024), body: null, enter: 'crlf' as const };
    await expect(s.save({ section: 'response', value: big })).rejects.toMatchObject({ code: 'bad_input' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ format: 1, sections: { layout: { journalView: 'bytes' } } });
  });
});
