// The WebSocket bridge against a real WebSocket server on 127.0.0.1 (the `ws` package, as the web
// host uses): round trips, events, and what happens to waiting invokes when the socket drops.
import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { decodeWire, encodeWire, type WireInvoke } from '../../shared/contract/wire-codec';
import type { LinkState } from './bridge-types';
import { createWsBridge, type WebSocketLike, type WsBridge } from './ws-bridge';
import { cleanupsAfterEach, textOf, until } from './testing/support';

const connect = (url: string): WebSocketLike => new WebSocket(url) as unknown as WebSocketLike;

interface Door {
  wss: WebSocketServer;
  url: string;
  /** Invokes the door received and did not answer (names starting with "hold"). */
  held: WireInvoke[];
  close: () => Promise<void>;
}

async function startDoor(port = 0): Promise<Door> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((done) => wss.once('listening', () => done()));
  const held: WireInvoke[] = [];
  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      const invoke = decodeWire(textOf(data)) as WireInvoke;
      // app.info is held unanswered, to test what a drop does to a waiting invoke.
      if (invoke.name === 'app.info') {
        held.push(invoke);
        return;
      }
      ws.send(encodeWire({ type: 'result', id: invoke.id, result: { ok: true, value: { echo: invoke.input } } }));
    });
  });
  const actual = (wss.address() as { port: number }).port;
  return {
    wss,
    url: `ws://127.0.0.1:${actual}/ws?token=t`,
    held,
    close: () =>
      new Promise<void>((done) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => done());
      }),
  };
}

function linkLog(bridge: WsBridge): LinkState[] {
  const log: LinkState[] = [];
  bridge.onLink((s) => log.push(s));
  return log;
}

const cleanups = cleanupsAfterEach();

describe('ws-bridge', () => {
  it('sends invokes made before the socket opened, and carries bytes both ways', async () => {
    const door = await startDoor();
    cleanups.push(() => door.close());
    const bridge = createWsBridge({ url: door.url, connect });
    cleanups.push(() => bridge.dispose());
    const log = linkLog(bridge);
    // Invoked at once: the socket is still opening.
    const result = await bridge.invoke('client.send', { connId: 'c1', bytes: Uint8Array.of(13, 10) });
    expect(log).toEqual(['connecting', 'up']);
    expect(result.ok).toBe(true);
    const echo = (result as unknown as { value: { echo: { bytes: Uint8Array } } }).value.echo;
    expect(echo.bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(echo.bytes)).toEqual([13, 10]);
  });

  it('delivers events by name until unsubscribed', async () => {
    const door = await startDoor();
    cleanups.push(() => door.close());
    const bridge = createWsBridge({ url: door.url, connect });
    cleanups.push(() => bridge.dispose());
    const log = linkLog(bridge);
    const seen: unknown[] = [];
    const off = bridge.on('server.changed', (p) => seen.push(p));
    await until(() => door.wss.clients.size === 1 && log.at(-1) === 'up');
    const send = (payload: unknown): void => {
      for (const c of door.wss.clients) c.send(encodeWire({ type: 'event', name: 'server.changed', payload }));
    };
    send({ servers: [] });
    await until(() => seen.length === 1);
    off();
    send({ servers: [] });
    // A round trip after the second event proves it had arrived (and was ignored).
    await bridge.invoke('journal.snapshot', {});
    expect(seen).toEqual([{ servers: [] }]);
  });

  it('fails waiting invokes when the socket drops, then reconnects by itself', async () => {
    const door = await startDoor();
    const bridge = createWsBridge({ url: door.url, connect, initialBackoffMs: 20 });
    cleanups.push(() => bridge.dispose());
    const log = linkLog(bridge);
    const waiting = bridge.invoke('app.info', {});
    await until(() => door.held.length === 1);
    const port = Number(new URL(door.url).port);
    await door.close();
    expect(await waiting).toEqual({ ok: false, error: { code: 'disconnected', params: { command: 'app.info' } } });
    await until(() => log.at(-1) === 'down');
    // While down, an invoke does not hang: it fails at once.
    expect((await bridge.invoke('journal.snapshot', {})).ok).toBe(false);

    // The host comes back on the same port: the bridge finds it again.
    const again = await startDoor(port);
    cleanups.push(() => again.close());
    await until(() => log.at(-1) === 'up');
    expect(log.slice(-2)).toEqual(['down', 'up']);
    expect((await bridge.invoke('journal.snapshot', {})).ok).toBe(true);
  });

  it('stops retrying once disposed', async () => {
    const door = await startDoor();
    const bridge = createWsBridge({ url: door.url, connect, initialBackoffMs: 10 });
    const log = linkLog(bridge);
    await until(() => log.at(-1) === 'up');
    bridge.dispose();
    await door.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(log.at(-1)).toBe('up'); // no down/retry cycle after dispose
  });
});
