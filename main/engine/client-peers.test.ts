// The client (the telnet emulator) against real peers: lesson-style python servers that report in
// hex what they sent and received, and `nc -l`. What the user types is encoded by the console's own
// functions (shared/client/typed-input.ts), so these tests check the real path from keystrokes to the wire.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { decodeHex, encodeLines, keyBytes, type Encoded } from '../../shared/client/typed-input';
import { EngineProbe, kinds, payload, wireKinds } from '../host/testing/engine-probe';
import { startNc, typed } from './testing/client-peers';
import {
  CHUNK_RECORDER,
  counts,
  L1_SERVER,
  L2_SERVER,
  L4_STATIC_SERVER,
  READ_TO_EOF_SERVER,
  RESET_WATCHER,
  reported,
  startPythonServer,
} from './testing/peers';

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** Connects, sends what was typed, waits for the server's FIN, closes, and waits for `closed`. */
async function exchange(port: number, request: Uint8Array): Promise<{ connId: string; events: JournalEvent[] }> {
  const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
  await probe.call('client.send', { connId, bytes: request });
  await probe.waitForKind(connId, 'peer_fin');
  await probe.call('client.close', { connId });
  return { connId, events: await probe.waitForKind(connId, 'closed') };
}

describe('the client against the lessons’ servers: it receives exactly what they sent', () => {
  it('L1: one sendall, the server’s FIN (shutdown SHUT_WR), and it waits for our close', async () => {
    probe = new EngineProbe();
    const server = await startPythonServer(L1_SERVER);
    const request = typed(encodeLines('GET http://127.0.0.1/romeo.txt HTTP/1.0\n', 'crlf'));
    expect(text(request)).toBe('GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n');

    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port: server.port });
    await probe.call('client.send', { connId, bytes: request });
    await probe.waitForKind(connId, 'peer_fin');
    // The server has hung up its half only: we are still open, and it still waits for us.
    expect(await probe.conn(connId)).toMatchObject({ finReceived: true, finSent: false, closed: false });
    await probe.call('client.close', { connId });

    const python = await server.done;
    const events = await probe.waitForKind(connId, 'closed');
    expect(python.code).toBe(0);
    expect(python.stderr).toContain('request line GET http://127.0.0.1/romeo.txt HTTP/1.0\n');
    expect(payload(events, 'in')).toEqual(reported(python.stderr, 'sent'));
    expect(payload(events, 'out')).toEqual(reported(python.stderr, 'received'));
    expect(reported(python.stderr, 'late')).toEqual(Buffer.alloc(0)); // our close carried no data
    expect(text(payload(events, 'in'))).toBe(
      'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>Hello World</body></html>\r\n\r\n',
    );
    // Two hang-ups: the server's FIN first, then ours when we close.
    const wire = wireKinds(events).filter((k) => k !== 'data in');
    expect(wire).toEqual(['opened', 'data out', 'peer_fin', 'fin_sent', 'closed']);
    expect(kinds(events).indexOf('peer_fin')).toBeGreaterThan(kinds(events).lastIndexOf('data in'));
  });

  it('L2: the bare-LF answer with no headers, then the server closes', async () => {
    probe = new EngineProbe();
    const server = await startPythonServer(L2_SERVER, ['127.0.0.1']);
    // What the learner types at telnet, then Enter.
    const { events } = await exchange(server.port, typed(encodeLines('GET /hello HTTP/1.1', 'crlf')));
    const python = await server.done;
    expect(python.code).toBe(0);
    expect(text(reported(python.stderr, 'received'))).toBe('GET /hello HTTP/1.1\r\n');
    expect(payload(events, 'in')).toEqual(reported(python.stderr, 'sent'));
    expect(text(payload(events, 'in'))).toBe('HTTP/1.1 200 OK\n\nHello, World!');
  });

  describe('L4: the static file server, three clients in turn', () => {
    let root = '';
    // Every byte value once: a binary file the text path must not touch.
    const image = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const index = '<html><body><h1>Index</h1><img src="test.jpg"></body></html>\n';
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'wirebench-l4-'));
      await writeFile(join(root, 'index.html'), index);
      await writeFile(join(root, 'test.jpg'), image);
    });
    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('/ is index.html, a binary file arrives whole, a missing one is a 404', async () => {
      probe = new EngineProbe();
      const server = await startPythonServer(L4_STATIC_SERVER, [root, 3]);
      const paths = ['/', '/test.jpg', '/missing.html'];
      const received: Buffer[] = [];
      for (const [i, path] of paths.entries()) {
        const request = typed(encodeLines(`GET ${path} HTTP/1.1\nHost: 127.0.0.1\n`, 'crlf'));
        const { events } = await exchange(server.port, request);
        await server.said(`sent${i + 1}`, (stderr) => stderr.includes(`sent${i + 1} `));
        received.push(payload(events, 'in'));
      }
      const python = await server.done;
      expect(python.code).toBe(0);
      received.forEach((bytes, i) => expect(bytes).toEqual(reported(python.stderr, `sent${i + 1}`)));

      const [home, jpg, missing] = received.map((b) => text(b));
      expect(home).toBe(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${index.length}\r\n\r\n${index}`);
      expect(jpg?.startsWith('HTTP/1.1 200 OK\r\nContent-Type: image/jpg\r\nContent-Length: 256\r\n\r\n')).toBe(true);
      expect(received[1]?.subarray(-256)).toEqual(image);
      expect(missing).toBe('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n\r\n404 Not Found\r\n');
    });
  });
});

describe('what the user types arrives exactly: nc -l as the peer', () => {
  const cases: [string, Encoded, string][] = [
    ['lines ending in CRLF', encodeLines('GET / HTTP/1.1\nHost: localhost\n', 'crlf'), 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'],
    ['lines ending in LF', encodeLines('GET / HTTP/1.1\nHost: localhost\n', 'lf'), 'GET / HTTP/1.1\nHost: localhost\n\n'],
    ['lines with no ending', encodeLines('GET / HTTP/1.1\nHost: localhost\n', 'none'), 'GET / HTTP/1.1Host: localhost'],
    ['escapes', encodeLines(String.raw`a\rb\nc\td\0e\x7F\xffg\\h`, 'none'), 'a\rb\nc\td\0e\x7f\xffg\\h'],
    ['hex', decodeHex('47 45 54 20 2f\n0d 0a 00 80 ff'), 'GET /\r\n\0\x80\xff'],
  ];

  it.each(cases)('%s', async (_, encoded, expected) => {
    probe = new EngineProbe();
    const bytes = typed(encoded);
    expect(text(bytes)).toBe(expected);
    const nc = await startNc();
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port: nc.port });
    await probe.call('client.send', { connId, bytes });
    // Our FIN ends nc's input: it writes out what it got, exits, and its exit closes its side.
    await probe.call('client.halfClose', { connId });
    const finished = await nc.done;
    expect(finished.code).toBe(0);
    expect(finished.stdout).toEqual(Buffer.from(expected, 'latin1'));
    await probe.waitForKind(connId, 'peer_fin');
    await probe.call('client.close', { connId });
    const events = await probe.waitForKind(connId, 'closed');
    expect(payload(events, 'out')).toEqual(Buffer.from(expected, 'latin1'));
    expect(wireKinds(events)).toEqual(['opened', 'data out', 'fin_sent', 'peer_fin', 'closed']);
  });
});

describe('character mode, half-close and reset, as the peer sees them', () => {
  it('three keys, three sends: the peer reads three chunks of one byte', async () => {
    probe = new EngineProbe();
    const peer = await startPythonServer(CHUNK_RECORDER);
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port: peer.port });
    const chunksSaid = (n: number) => (stderr: string) => (stderr.match(/^chunk \d+$/gm) ?? []).length >= n;
    for (const [i, key] of ['G', 'E', 'T'].entries()) {
      const bytes = keyBytes(key, 'crlf');
      if (!bytes) throw new Error(`${key} sends nothing`);
      await probe.call('client.send', { connId, bytes });
      // A typist's pace (~50 ms); and the next key only once the peer has read this one, so that
      // a slow machine cannot make two keystrokes wait in the peer's buffer together.
      await Promise.all([peer.said(`chunk ${i + 1}`, chunksSaid(i + 1)), new Promise((r) => setTimeout(r, 50))]);
    }
    await probe.call('client.halfClose', { connId });
    const python = await peer.done;
    expect(python.stderr).toContain('lengths 1 1 1\n');
    await probe.waitForKind(connId, 'peer_fin');
    await probe.call('client.close', { connId });
    const events = await probe.waitForKind(connId, 'closed');
    const out = events.flatMap((e) => (e.kind === 'data' && e.dir === 'out' ? [text(e.bytes ?? new Uint8Array())] : []));
    expect(out).toEqual(['G', 'E', 'T']);
  });

  it('half-close: a server that answers only after our FIN still gets its answer to us', async () => {
    probe = new EngineProbe();
    const server = await startPythonServer(READ_TO_EOF_SERVER);
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port: server.port });
    const request = typed(encodeLines('GET / HTTP/1.0\n', 'crlf'));
    await probe.call('client.send', { connId, bytes: request });
    await probe.call('client.halfClose', { connId });
    // Both FINs exchanged: nothing is left to carry either way, so the socket closes by itself
    // (Node destroys a stream whose two halves have ended); client.close is then done already.
    const events = await probe.waitForKind(connId, 'closed');
    expect(await probe.conn(connId)).toMatchObject({ finSent: true, finReceived: true, closed: true });
    expect(await probe.dispatch('client.close', { connId })).toEqual({ ok: true, value: {} });

    const python = await server.done;
    expect(python.code).toBe(0);
    expect(counts(python.stderr)).toMatchObject({ received: request.length, sent: payload(events, 'in').length });
    expect(text(payload(events, 'in'))).toBe(
      `HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nYou sent ${request.length} bytes, then your FIN.\r\n`,
    );
    const k = wireKinds(events);
    expect(k.indexOf('fin_sent')).toBeLessThan(k.indexOf('data in'));
    expect(k.lastIndexOf('data in')).toBeLessThan(k.indexOf('peer_fin'));
    expect(k.slice(-2)).toEqual(['peer_fin', 'closed']);
    expect(events.at(-1)).toMatchObject({ kind: 'closed', hadError: false });
  });

  it('reset: the peer’s recv() raises ConnectionResetError; we journal rst_sent, then closed', async () => {
    probe = new EngineProbe();
    const peer = await startPythonServer(RESET_WATCHER);
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port: peer.port });
    await probe.call('client.send', { connId, bytes: typed(encodeLines('hello', 'none')) });
    await peer.said('got 5', (stderr) => stderr.includes('got 5\n'));
    await probe.call('client.reset', { connId });

    const python = await peer.done;
    expect(python.code).toBe(0);
    expect(python.stderr).toContain('reset ConnectionResetError\n');
    const events = await probe.waitForKind(connId, 'closed');
    expect(wireKinds(events)).toEqual(['opened', 'data out', 'rst_sent', 'closed']);
    expect(await probe.conn(connId)).toMatchObject({ reset: true, finSent: false, closed: true });
  });
});
