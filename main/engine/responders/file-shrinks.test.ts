// A static file that shrinks while it is being sent (a learner's editor saving over it, a log
// rotated): Content-Length promised more than the file now holds, so the server says why
// (file_unreadable, ESHRUNK) and closes, and the journal shows exactly what went out before.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { EngineProbe, payload } from '../../host/testing/engine-probe';

const SIZE = 64 * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'wirebench-file-shrinks-'));
const file = join(dir, 'big.bin');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

it('a file cut short midway: the note says so, the connection closes, every byte sent is journaled', async () => {
  writeFileSync(file, '');
  truncateSync(file, SIZE); // sparse: no disk, reads as zeros
  probe = new EngineProbe();
  const { port } = await probe.startServer({ responder: { kind: 'static', root: dir }, answerWhen: 'request_end', after: 'close', idleTimeoutMs: 0 });
  // A client that asks, then reads nothing: the server sends until the socket is full and waits.
  const client = connect({ host: '127.0.0.1', port }, () => client.write('GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n'));
  client.pause();
  let received = 0;
  const closed = new Promise<void>((resolve) => client.on('close', () => resolve()));
  client.on('error', () => undefined);
  const { connId } = await probe.serverConn();
  await probe.waitFor('the first chunk out', async () => ((await probe.conn(connId)).bytesOut > 1024 * 1024 ? true : undefined));
  // Now the file is cut to 1 MiB, and the client starts reading.
  truncateSync(file, 1024 * 1024);
  client.on('data', (chunk: Buffer) => (received += chunk.length));
  client.resume();
  await probe.waitForKind(connId, 'closed');
  await closed;
  const events = await probe.events(connId);
  expect(events).toContainEqual(expect.objectContaining({ kind: 'note', code: 'file_unreadable', params: { file: 'big.bin', code: 'ESHRUNK' } }));
  const sent = payload(events, 'out').length;
  // Fewer bytes than promised went out, and the client got every one of them.
  expect(sent).toBeLessThan(SIZE);
  expect(received).toBe(sent);
}, 60_000);
