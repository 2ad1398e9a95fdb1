// Settings kept across a restart of the real `wirebench web` process: saved over its WebSocket
// door, the process killed, a new one started on the same config directory. Run from source (as
// wirebench.test.ts does), so the test needs no build and always tests the code beside it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { StoredSettings } from '../../shared/contract/app-settings';
import { decodeWire, encodeWire, WS_PATH } from '../../shared/contract/wire-codec';

const ENTRY = 'main/cli/wirebench.ts';
const running: ChildProcessWithoutNullStreams[] = [];
let configDir: string;

beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'wirebench-config-'));
});

afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(configDir, { recursive: true, force: true });
});

/** Starts `wirebench web --port 0 --json` on the config directory; resolves with its door's URL. */
async function startWeb(): Promise<{ child: ChildProcessWithoutNullStreams; door: string }> {
  const env = { ...process.env, WIREBENCH_CONFIG_DIR: configDir };
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'web', '--port', '0', '--json'], { env });
  running.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('close', (code) => reject(new Error(`wirebench web exited with ${code} before printing its URL`)));
  });
  const page = new URL((JSON.parse(line) as { url: string }).url);
  return { child, door: `ws://${page.host}${WS_PATH}?token=${page.searchParams.get('token') ?? ''}` };
}

/** Kills without a chance to clean up: what a crash or a power cut leaves behind. */
async function kill(child: ChildProcessWithoutNullStreams): Promise<void> {
  const closed = new Promise((resolve) => child.once('close', resolve));
  child.kill('SIGKILL');
  await closed;
}

/** One WebSocket to the door; invoke() waits for its command's result among the events. */
async function openDoor(url: string) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on('message', (data) => {
    const message = decodeWire((data as Buffer).toString('utf8')) as { type?: string; id?: number; result?: unknown };
    if (message.type === 'result' && typeof message.id === 'number') waiting.get(message.id)?.(message.result);
  });
  return {
    invoke(name: string, input: unknown): Promise<unknown> {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        ws.send(encodeWire({ type: 'invoke', id, name, input }));
      });
    },
    close: () => ws.close(),
  };
}

const SAVED: StoredSettings = {
  response: { text: 'HTTP/1.1 204 No Content\\r\\n\\r\\n', body: null, enter: 'lf' },
  presets: { presets: [{ id: 'mine', name: 'Empty', text: '', body: null }] },
  server: { draft: { port: '8081', responder: 'echo' } },
  client: { sessions: [{ targetText: 'localhost 8081', timeoutText: '3', mode: 'char', ending: 'lf' }] },
  layout: { journalView: 'bytes', journalLarge: false },
};

describe('wirebench web keeps settings across restarts', () => {
  it('loads after a restart what was saved before it, from the file in WIREBENCH_CONFIG_DIR', async () => {
    const first = await startWeb();
    const door = await openDoor(first.door);
    expect(await door.invoke('settings.load', {})).toEqual({
      ok: true,
      value: { settings: {}, notices: [], file: join(configDir, 'settings.json') },
    });
    for (const [section, value] of Object.entries(SAVED)) {
      expect(await door.invoke('settings.save', { section, value })).toEqual({ ok: true, value: {} });
    }
    // The door checks what is saved: a section that fails its schema is refused, not written.
    expect(await door.invoke('settings.save', { section: 'layout', value: { journalView: [1] } })).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    door.close();
    await kill(first.child);

    const second = await startWeb();
    const again = await openDoor(second.door);
    expect(await again.invoke('settings.load', {})).toEqual({
      ok: true,
      value: { settings: SAVED, notices: [], file: join(configDir, 'settings.json') },
    });
    again.close();
  });

  it('reports a corrupt file after a restart, sets it aside, starts from defaults and keeps answering', async () => {
    const first = await startWeb();
    const door = await openDoor(first.door);
    await door.invoke('settings.save', { section: 'layout', value: { journalView: 'bytes' } });
    door.close();
    await kill(first.child);
    const file = join(configDir, 'settings.json');
    await writeFile(file, '{"format":1,"sections":{"layout":');

    const second = await startWeb();
    const again = await openDoor(second.door);
    const loaded = (await again.invoke('settings.load', {})) as {
      ok: true;
      value: { settings: StoredSettings; notices: Array<{ code: string; params: Record<string, string> }> };
    };
    expect(loaded.value.settings).toEqual({});
    expect(loaded.value.notices).toHaveLength(1);
    const [notice] = loaded.value.notices;
    expect(notice?.code).toBe('corrupt');
    expect(notice?.params.file).toBe(file);
    const setAside = notice?.params.setAside ?? '';
    expect(setAside.startsWith(`${file}.corrupt-`)).toBe(true);
    expect(await readFile(setAside, 'utf8')).toBe('{"format":1,"sections":{"layout":');
    expect(await readdir(configDir)).toEqual([setAside.slice(configDir.length + 1)]);
    // Still the app: other commands answer, and a new save makes a new, sound file.
    expect(await again.invoke('app.info', {})).toMatchObject({ ok: true, value: { host: 'web' } });
    expect(await again.invoke('settings.save', { section: 'layout', value: { journalView: 'events' } })).toEqual({ ok: true, value: {} });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ format: 1, sections: { layout: { journalView: 'events' } } });
    again.close();
  });
});
