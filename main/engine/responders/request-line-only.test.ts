// Answer timing "on the first chunk" is the lessons' single recv(): a person typing in telnet sends
// `GET /pic.jpg HTTP/1.0` and Enter, and that line arrives alone. The lessons' servers take the path
// from the first line they receive, and so do the static and routes responders: a complete request
// line is enough to choose the file (issue 14, item 7); bytes that cannot be a request line get 400
// with the reason in the journal.
import { connect } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ServerSettingsPatch } from '../../../shared/server/settings';
import { EngineProbe, notes } from '../../host/testing/engine-probe';

const PIC = Uint8Array.from({ length: 300 }, (_, i) => (i * 13) % 256);
// Made when the file loads: it.each reads the responders before any beforeAll runs.
const dir = mkdtempSync(join(tmpdir(), 'wirebench-line-only-'));
writeFileSync(join(dir, 'pic.jpg'), PIC);
let probe: EngineProbe;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => probe?.engine.close());

/** Sends `text` as one write, as telnet sends a typed line, and reads until the server closes. */
function typeLine(port: number, text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: true }, () => socket.write(text));
    socket.on('data', (c: Buffer) => parts.push(c));
    socket.on('end', () => {
      socket.end();
      resolve(Buffer.concat(parts));
    });
    socket.on('error', reject);
  });
}

const responders = (): [string, ServerSettingsPatch['responder']][] => [
  ['static', { kind: 'static', root: dir }],
  ['routes', { kind: 'routes', routes: [{ method: 'GET', path: '/pic.jpg', response: { kind: 'file', path: join(dir, 'pic.jpg'), contentType: 'image/jpeg' } }] }],
];

describe('on the first chunk, a request line alone', () => {
  for (const line of ['GET /pic.jpg HTTP/1.0\r\n', 'GET /pic.jpg HTTP/1.0\n', 'GET /pic.jpg HTTP/1.1\r\nHost: x\r\n']) {
    it.each(responders())(`%s answers ${JSON.stringify(line)} with the file`, async (_name, responder) => {
      probe = new EngineProbe();
      const { port } = await probe.startServer({ responder, answerWhen: 'first_chunk', after: 'close' });
      const answer = await typeLine(port, line);
      expect(answer.subarray(0, 15).toString('latin1')).toBe('HTTP/1.1 200 OK');
      expect(Buffer.compare(answer.subarray(answer.length - PIC.length), Buffer.from(PIC))).toBe(0);
    });
  }

  it.each(responders())('%s still answers bytes that cannot be a request line with 400, saying why', async (_name, responder) => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ responder, answerWhen: 'first_chunk', after: 'close' });
    const answer = await typeLine(port, '\x16\x03\x01 hello\r\n');
    expect(answer.subarray(0, 24).toString('latin1')).toBe('HTTP/1.1 400 Bad Request');
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    expect(notes(events).some((n) => n.startsWith('request_invalid'))).toBe(true);
  });
});

