// `wirebench web --allow FOLDER` (issue 15): a page may have a server serve the sample site and the
// folders named on the command line, nothing else. The real process, its real WebSocket door, and a
// real HTTP request to the server the page started.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { decodeWire, encodeWire, WS_PATH } from '../../shared/contract/wire-codec';

const ENTRY = 'main/cli/wirebench.ts';
let base: string;
let allowed: string;
let outside: string;
const running: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'wirebench-allow-'));
  allowed = join(base, 'site');
  outside = join(base, 'private');
  await mkdir(allowed);
  await mkdir(outside);
  await writeFile(join(allowed, 'index.html'), 'the allowed page');
  await writeFile(join(outside, 'secret.txt'), 'not for the page');
});

afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(base, { recursive: true, force: true });
});

function wirebench(args: string[]): ChildProcessWithoutNullStreams {
  const env = { ...process.env, WIREBENCH_CONFIG_DIR: join(base, 'config') };
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { env });
  running.push(child);
  return child;
}

/** A door to a `wirebench web` page, as a page would hold it: invoke, answered by id. */
async function openDoor(url: string): Promise<{ invoke: (name: string, input: unknown) => Promise<unknown>; close: () => void }> {
  const page = new URL(url);
  const ws = new WebSocket(`ws://${page.host}${WS_PATH}?token=${page.searchParams.get('token') ?? ''}`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on('message', (data: Buffer) => {
    const msg = decodeWire(data.toString('utf8')) as { type: string; id?: number; result?: unknown };
    if (msg.type === 'result' && msg.id !== undefined) waiting.get(msg.id)?.(msg.result);
  });
  let id = 0;
  return {
    invoke: (name, input) =>
      new Promise((resolve) => {
        id++;
        waiting.set(id, resolve);
        ws.send(encodeWire({ type: 'invoke', id, name, input }));
      }),
    close: () => ws.close(),
  };
}

describe('wirebench web --allow', () => {
  it('a page may serve the folder named with --allow, and is refused any other', async () => {
    const child = wirebench(['web', '--port', '0', '--json', '--allow', allowed]);
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('close', (code) => reject(new Error(`wirebench web exited with ${code}`)));
    });
    const door = await openDoor((JSON.parse(line) as { url: string }).url);
    try {
      const granted = (await door.invoke('files.granted', {})) as { ok: boolean; value: { paths: string[]; canChoose: boolean } };
      expect(granted).toMatchObject({ ok: true, value: { paths: [allowed], canChoose: false } });
      expect(await door.invoke('files.choose', { what: 'folder' })).toMatchObject({ ok: false, error: { code: 'no_dialog' } });

      const refused = await door.invoke('server.start', { port: 0, settings: { responder: { kind: 'static', root: outside } } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'path_not_allowed', params: { path: outside, what: 'folder' } } });

      const started = (await door.invoke('server.start', { port: 0, settings: { responder: { kind: 'static', root: allowed } } })) as {
        ok: true;
        value: { serverId: string; port: number };
      };
      expect(started.ok).toBe(true);
      const res = await fetch(`http://127.0.0.1:${started.value.port}/`);
      expect(await res.text()).toBe('the allowed page');

      // A route's file outside, by an absolute path or by climbing out of the sample site: refused,
      // and the server keeps answering as before.
      for (const path of [join(outside, 'secret.txt'), '../../../../../../etc/passwd']) {
        const update = await door.invoke('server.update', {
          serverId: started.value.serverId,
          settings: { responder: { kind: 'routes', routes: [{ method: 'GET', path: '/', response: { kind: 'file', path, contentType: 'text/plain' } }] } },
        });
        expect(update).toMatchObject({ ok: false, error: { code: 'path_not_allowed', params: { path, what: 'file' } } });
      }
      const again = await fetch(`http://127.0.0.1:${started.value.port}/`);
      expect(await again.text()).toBe('the allowed page');
    } finally {
      door.close();
      child.kill('SIGTERM');
    }
  });

  it('a folder that does not exist is a mistake on the command line: a sentence and exit 2', async () => {
    const child = wirebench(['web', '--port', '0', '--allow', join(base, 'nowhere')]);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code).toBe(2);
    expect(err).toContain('--allow');
    expect(err).toContain('nowhere');
    expect(err).not.toMatch(/\n\s+at /);
  });
});
