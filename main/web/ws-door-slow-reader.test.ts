// A page that stops reading (issue 15, item 4): only events used to check how much waited for a
// page; results did not, and 60 large results to a client that never read took the host from
// 160 MB to 2.4 GB. Now one bound covers everything sent on a door, and the door is closed with a
// reason (1008) once it is crossed.
import { connect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { PAYLOAD_PAGE_MAX } from '../../shared/contract/contract';
import { decodeWire, encodeWire, WS_PATH } from '../../shared/contract/wire-codec';
import { startWebHost, type WebHost } from './web-host';

const MAX_BUFFERED = 4 * 1024 * 1024;
let base: string;
let host: WebHost;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'wirebench-slow-reader-'));
  host = await startWebHost({ rendererDir: base, version: 'test', maxBufferedBytes: MAX_BUFFERED });
});
afterAll(async () => {
  await host?.close();
  await rm(base, { recursive: true, force: true });
});

async function openDoor(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${WS_PATH}?token=${host.token}`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

function invoke(ws: WebSocket, id: number, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer): void => {
      const message = decodeWire(data.toString('utf8')) as { type: string; id?: number; result?: { ok: boolean; value?: unknown } };
      if (message.type === 'result' && message.id === id && message.result) {
        ws.off('message', onMessage);
        resolve(message.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(encodeWire({ type: 'invoke', id, name, input }));
  });
}

describe('a page that stops reading', () => {
  it('is closed with 1008 and a reason once large results wait for it; other pages go on', async () => {
    // One server connection that carried 1 MiB, so journal.payload has 1 MiB pages to give.
    const page = await openDoor();
    const started = (await invoke(page, 1, 'server.start', { port: 0, settings: { responder: { kind: 'echo' }, answerWhen: 'peer_fin', after: 'close' } })) as {
      value: { port: number };
    };
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: started.value.port }, () => socket.end(Buffer.alloc(PAYLOAD_PAGE_MAX, 0x61)));
      socket.resume();
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    const snapshot = (await invoke(page, 2, 'journal.snapshot', {})) as { value: { conns: { connId: string; role: string }[] } };
    const connId = snapshot.value.conns.find((c) => c.role === 'server')?.connId;
    expect(connId).toBeDefined();

    // Stop reading: the socket under the page is paused, so what the host sends piles up.
    const closed = new Promise<{ code: number; reason: string }>((resolve) => page.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    (page as unknown as { _socket: { pause(): void } })._socket.pause();
    for (let i = 0; i < 60; i++) {
      page.send(encodeWire({ type: 'invoke', id: 100 + i, name: 'journal.payload', input: { connId, dir: 'in', offset: 0, length: PAYLOAD_PAGE_MAX } }));
    }
    // Let the host write until the bound; then read again, to see the close frame it sent.
    await new Promise((resolve) => setTimeout(resolve, 300));
    (page as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closed).toEqual({ code: 1008, reason: 'the page stopped reading' });

    const other = await openDoor();
    expect(await invoke(other, 1, 'app.info', {})).toMatchObject({ ok: true });
    other.close();
  }, 90_000);
});
