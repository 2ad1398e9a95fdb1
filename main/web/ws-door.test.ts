import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { decodeWire, encodeWire, WS_PATH, type WireToPage } from '../../shared/contract/wire-codec';
import { startWebHost, type WebHost } from './web-host';

let base: string;
let host: WebHost;
const open: WebSocket[] = [];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'wirebench-door-'));
  host = await startWebHost({ rendererDir: base, version: '1.2.3-test', maxPayloadBytes: 64 * 1024 });
});

afterEach(() => {
  for (const ws of open.splice(0)) {
    ws.on('error', () => {}); // terminating a refused handshake reports it as an error
    ws.terminate();
  }
});

afterAll(async () => {
  await host?.close();
  await rm(base, { recursive: true, force: true });
});

type Attempt = { opened: true; ws: WebSocket } | { opened: false; status: number };

/** Tries the upgrade with the given query and headers; reports whether a socket opened. */
function attempt(query: string, headers: Record<string, string> = {}): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${WS_PATH}${query}`, { headers });
    open.push(ws);
    ws.once('open', () => resolve({ opened: true, ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode ?? 0 });
      res.resume();
    });
    ws.once('error', (err) => reject(err));
  });
}

async function connectOk(headers: Record<string, string> = {}): Promise<Client> {
  const result = await attempt(`?token=${host.token}`, headers);
  if (!result.opened) throw new Error(`refused with ${result.status}`);
  return new Client(result.ws);
}

/** A page's side of the door: numbered invokes, results by id, events in arrival order. */
class Client {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  readonly events: Array<{ name: string; payload: unknown }> = [];
  private eventWaiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = decodeWire((data as Buffer).toString('utf8')) as WireToPage;
      if (msg.type === 'result') {
        this.waiting.get(msg.id)?.(msg.result);
        this.waiting.delete(msg.id);
      } else {
        this.events.push({ name: msg.name, payload: msg.payload });
        for (const wake of this.eventWaiters.splice(0)) wake();
      }
    });
  }

  send(raw: string | Buffer): void {
    this.ws.send(raw);
  }

  /** Sends a raw envelope and waits for the result carrying `id`. */
  resultFor(id: number, raw: string): Promise<unknown> {
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(raw);
    });
  }

  invoke(name: string, input: unknown): Promise<unknown> {
    const id = this.nextId++;
    return this.resultFor(id, encodeWire({ type: 'invoke', id, name, input }));
  }

  async waitForEvent(name: string): Promise<{ name: string; payload: unknown }> {
    for (;;) {
      const found = this.events.find((e) => e.name === name);
      if (found) return found;
      await new Promise<void>((wake) => this.eventWaiters.push(wake));
    }
  }
}

describe('the WebSocket door refuses', () => {
  it('an upgrade without the token (401)', async () => {
    expect(await attempt('')).toEqual({ opened: false, status: 401 });
  });

  it('an upgrade with a wrong token (401)', async () => {
    // One character off: the last one made another (a token that already ends in A would otherwise
    // be "changed" into itself, one run in 64).
    const last = host.token.slice(-1) === 'A' ? 'B' : 'A';
    expect(await attempt(`?token=${host.token.slice(0, -1)}${last}`)).toMatchObject({ opened: false, status: 401 });
    expect(await attempt('?token=guess')).toMatchObject({ opened: false, status: 401 });
  });

  it('an upgrade from a foreign Origin, even with the right token (403)', async () => {
    const result = await attempt(`?token=${host.token}`, { Origin: 'http://evil.example' });
    expect(result).toEqual({ opened: false, status: 403 });
  });

  it('an upgrade addressed to another Host name: DNS rebinding (403)', async () => {
    const result = await attempt(`?token=${host.token}`, { Host: `evil.example:${host.port}` });
    expect(result).toEqual({ opened: false, status: 403 });
  });

  it('an upgrade on another path (404)', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/other?token=${host.token}`);
    open.push(ws);
    const status = await new Promise<number>((resolve) => {
      ws.once('open', () => resolve(101));
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(404);
  });
});

describe('the WebSocket door, once open', () => {
  it('admits the page served by this host (same Origin, localhost or 127.0.0.1)', async () => {
    const a = await attempt(`?token=${host.token}`, { Origin: `http://127.0.0.1:${host.port}` });
    const b = await attempt(`?token=${host.token}`, { Host: `localhost:${host.port}`, Origin: `http://localhost:${host.port}` });
    expect(a.opened && b.opened).toBe(true);
  });

  it('answers app.info and server.start, and forwards server.changed', async () => {
    const client = await connectOk();
    expect(await client.invoke('app.info', {})).toEqual({ ok: true, value: { version: '1.2.3-test', host: 'web' } });

    const started = (await client.invoke('server.start', { port: 0 })) as { ok: boolean; value: { serverId: string; port: number } };
    expect(started.ok).toBe(true);
    expect(started.value.port).toBeGreaterThan(0);
    const changed = await client.waitForEvent('server.changed');
    const servers = (changed.payload as { servers: Array<{ serverId: string; port: number; listening: boolean }> }).servers;
    expect(servers).toContainEqual(expect.objectContaining({ serverId: started.value.serverId, port: started.value.port, listening: true }));

    expect(await client.invoke('server.stop', { serverId: started.value.serverId })).toEqual({ ok: true, value: {} });
  });

  it('forwards events to every open page', async () => {
    const first = await connectOk();
    const second = await connectOk();
    const started = (await first.invoke('server.start', { port: 0 })) as { value: { serverId: string } };
    await Promise.all([first.waitForEvent('server.changed'), second.waitForEvent('server.changed')]);
    await first.invoke('server.stop', { serverId: started.value.serverId });
  });

  it('answers invalid input with bad_input and unknown names with unknown_command', async () => {
    const client = await connectOk();
    expect(await client.invoke('server.start', { port: 'eighty' })).toMatchObject({
      ok: false,
      error: { code: 'bad_input', params: { command: 'server.start' } },
    });
    expect(await client.invoke('server.start', { port: 0, extra: true })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await client.invoke('shell.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });

  it('answers a malformed envelope that has an id with bad_input, and ignores garbage', async () => {
    const client = await connectOk();
    client.send('{ not json');
    client.send(Buffer.from([0xff, 0x00, 0x01]));
    client.send('[1,2,3]');
    client.send(JSON.stringify({ type: 'invoke', name: 'app.info' })); // no id: nothing to answer
    const answer = await client.resultFor(7, JSON.stringify({ type: 'invoke', id: 7, name: 42 }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const wrongType = await client.resultFor(8, JSON.stringify({ type: 'subscribe', id: 8, name: 'app.info' }));
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    // Still alive and answering.
    expect(await client.invoke('app.info', {})).toMatchObject({ ok: true });
  });

  it('closes a socket that sends a message over the size limit (1009), and stays up for others', async () => {
    const client = await connectOk();
    const closed = new Promise<number>((resolve) => client.ws.once('close', (code) => resolve(code)));
    client.send('x'.repeat(64 * 1024 + 1));
    expect(await closed).toBe(1009);
    const next = await connectOk();
    expect(await next.invoke('app.info', {})).toMatchObject({ ok: true });
  });
});

// Hostile messages (issue 15, item 1): one settings.save nested ~2,000 arrays deep overflowed the
// stack inside the schema parse, outside dispatch's try, and `void answer()` let the rejection
// kill the web host. Every message now gets an answer, and the host stays up.
describe('the WebSocket door answers hostile messages and stays up', () => {
  const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

  it('a settings.save nested 2,000 and 30,000 arrays deep: bad_input with the reason', async () => {
    const client = await connectOk();
    for (const [id, depth] of [[21, 2_000], [22, 30_000]] as const) {
      const raw = `{"type":"invoke","id":${id},"name":"settings.save","input":{"section":"server","value":{"draft":{"port":${nested(depth)}}}}}`;
      const answer = await client.resultFor(id, raw);
      expect(answer, `depth ${depth}`).toMatchObject({ ok: false, error: { code: 'bad_input', params: { command: 'settings.save' } } });
      expect(JSON.stringify(answer)).toContain('deep');
    }
    expect(await client.invoke('app.info', {})).toMatchObject({ ok: true });
  });

  it('an invalid $b64 and a $b64 nested too deep get an error reply, not silence', async () => {
    const client = await connectOk();
    const bad = await client.resultFor(31, '{"type":"invoke","id":31,"name":"client.send","input":{"connId":"c1","bytes":{"$b64":"@@@not base64"}}}');
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const deep = await client.resultFor(32, `{"type":"invoke","id":32,"name":"app.info","input":{"x":${'{"a":'.repeat(5_000)}{"$b64":"AA=="}${'}'.repeat(5_000)}}}`);
    expect(deep).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await client.invoke('app.info', {})).toMatchObject({ ok: true });
  });
});
