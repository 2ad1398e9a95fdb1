// The server frames pipelined requests by shared/http/framing.ts (RFC 9112 section 6.3), the same
// decision the annotator shows the learner: over a real socket, a keep-alive server answers each
// request it can frame and stops at one it cannot, with the verdict code in its journal, and the
// annotator, reading the bytes the journal recorded, finds the same messages and the same code.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { annotate } from '../../shared/http/annotate/annotator';
import { ascii, EngineProbe, notes, payload } from '../host/testing/engine-probe';

const ANSWER = ascii('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
const NEXT = 'GET /next HTTP/1.1\r\nHost: a\r\n\r\n';

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

/** Writes `text` in one piece; what came back once `answers` answers are in, or the server closed (5 s at most). */
async function exchange(port: number, text: string, answers: number): Promise<string> {
  const socket = connect({ port, host: '127.0.0.1' });
  let got = '';
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 5000);
    const check = (): void => {
      if (got.split('HTTP/1.1 200 OK').length - 1 < answers) return;
      clearTimeout(timer);
      resolve();
    };
    socket.on('data', (b: Buffer) => ((got += b.toString('latin1')), check()));
    socket.on('close', () => (clearTimeout(timer), resolve()));
    socket.on('error', () => resolve());
  });
  await new Promise((r) => socket.once('connect', r));
  socket.write(Buffer.from(text, 'latin1'));
  await done;
  socket.destroy();
  return got;
}

describe('the server frames pipelined requests as the annotator reads them', () => {
  it.each([
    ['chunked;x=1: refused (chunked has no parameters, RFC 9112 section 7.1)', 'Transfer-Encoding: chunked;x=1', 'chunked_with_parameters'],
    ['chunked, chunked: refused (chunked at most once, section 6.1)', 'Transfer-Encoding: chunked, chunked', 'repeated_chunked'],
    ['gzip, chunked , (an empty element is ignored, RFC 9110 section 5.6.1): both answered', 'Transfer-Encoding: gzip, chunked ,', null],
  ])('%s', async (_name, field, verdict) => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'request_end', after: 'keep_alive', responder: { kind: 'canned', bytes: ANSWER } });
    const answers = verdict === null ? 2 : 1;
    const got = await exchange(port, `POST /a HTTP/1.1\r\nHost: a\r\n${field}\r\n\r\n3\r\nabc\r\n0\r\n\r\n${NEXT}`, answers);
    expect(got.split('HTTP/1.1 200 OK').length - 1, 'answers').toBe(answers);

    const conn = await probe.serverConn();
    const events = verdict === null ? await probe.events(conn.connId) : await probe.waitForKind(conn.connId, 'closed');
    const invalid = notes(events).filter((n) => n.startsWith('request_invalid'));
    expect(invalid).toEqual(verdict === null ? [] : [`request_invalid reason=${verdict}`]);

    // The learner's view of the same bytes, as the journal kept them.
    const bytes = new Uint8Array(payload(events, 'in'));
    const a = annotate(bytes, 'request', { ended: false });
    expect(a.messages.filter((m) => m.complete).length, 'messages the annotator completes').toBe(verdict === null ? 2 : 0);
    if (verdict !== null) expect(a.problems.map((p) => p.code)).toContain(verdict);
  });
});
