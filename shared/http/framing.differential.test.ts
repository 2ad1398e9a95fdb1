// Framing's edge cases against Node's own parser (llhttp), over real sockets on 127.0.0.1:0, as
// shared/http/annotate/annotator.differential.test.ts does for well-formed traffic: Transfer-Encoding lists, on
// HTTP/1.0 too, Content-Length lists and empty values, framing fields on 1xx/204/304 answers, and
// the switches (101, CONNECT). Each case is written down as what we do; where llhttp does
// otherwise, the case says what llhttp does and why we follow RFC 9112 instead (the comments in
// shared/http/framing.ts and shared/http/transfer-coding.ts), so a change on either side shows here.
// An outcome is the messages as `start [body]`, `tunnel [bytes]` for what follows a switch, and
// `refused` where the framing cannot go on. Requests: ours is the annotator's reading, which the
// engine's framer must share (disagreement() of shared/http/testing/framing-support.ts).
import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotate } from './annotate/annotator';
import { latin1Bytes, latin1Text, parsedMessages } from './annotate/testing/support';
import { disagreement } from './testing/framing-support';

/** What we do, and what llhttp does if that is not the same. */
type Expect = { ours: string; llhttp?: string };

const NEXT = 'GET /next HTTP/1.1\r\nHost: a\r\n\r\n';
const post = (version: string, fields: string, body: string): string => `POST /a ${version}\r\nHost: a\r\n${fields}\r\n${body}${NEXT}`;
const CHUNKS = '3\r\nabc\r\n0\r\n\r\n';
const BOTH = 'POST /a [abc] | GET /next []';

const REQUESTS: [name: string, bytes: string, expect: Expect][] = [
  ['TE chunked, chunked', post('HTTP/1.1', 'Transfer-Encoding: chunked, chunked\r\n', CHUNKS), { ours: 'refused' }],
  ['TE chunked;x=1', post('HTTP/1.1', 'Transfer-Encoding: chunked;x=1\r\n', CHUNKS), { ours: 'refused' }],
  ['TE chunked, gzip', post('HTTP/1.1', 'Transfer-Encoding: chunked, gzip\r\n', CHUNKS), { ours: 'refused' }],
  ['TE gzip', post('HTTP/1.1', 'Transfer-Encoding: gzip\r\n', CHUNKS), { ours: 'refused' }],
  ['TE gzip, chunked', post('HTTP/1.1', 'Transfer-Encoding: gzip, chunked\r\n', CHUNKS), { ours: BOTH }],
  ['TE gzip and chunked in two fields', post('HTTP/1.1', 'Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n', CHUNKS), { ours: BOTH }],
  ['TE chunked in two fields', post('HTTP/1.1', 'Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n', CHUNKS), { ours: 'refused' }],
  ['TE CHUNKED', post('HTTP/1.1', 'Transfer-Encoding: CHUNKED\r\n', CHUNKS), { ours: BOTH }],
  ['TE with an empty element first', post('HTTP/1.1', 'Transfer-Encoding: , chunked\r\n', CHUNKS), { ours: BOTH }],
  // RFC 9110 section 5.6.1: empty list elements are ignored.
  ['TE with an empty element last', post('HTTP/1.1', 'Transfer-Encoding: chunked ,\r\n', CHUNKS), { ours: BOTH, llhttp: 'refused' }],
  // RFC 9112 section 6.3 rule 4: Transfer-Encoding is there, chunked is not its final coding.
  ['TE empty', post('HTTP/1.1', 'Transfer-Encoding:\r\n', ''), { ours: 'refused', llhttp: 'POST /a [] | GET /next []' }],
  // RFC 9112 section 6.1: faulty framing on HTTP/1.0; llhttp decodes it, then ends the connection.
  ['TE chunked on HTTP/1.0', post('HTTP/1.0', 'Transfer-Encoding: chunked\r\n', CHUNKS), { ours: 'refused', llhttp: 'POST /a [abc] | refused' }],
  // Rule 3: Transfer-Encoding wins (with an error said); llhttp refuses the pair.
  ['TE and CL', post('HTTP/1.1', 'Transfer-Encoding: chunked\r\nContent-Length: 3\r\n', CHUNKS), { ours: BOTH, llhttp: 'refused' }],
  // Rule 5 allows reading identical values as one; llhttp refuses them.
  ['CL 3, 3', post('HTTP/1.1', 'Content-Length: 3, 3\r\n', 'abc'), { ours: BOTH, llhttp: 'refused' }],
  ['CL 3 in two fields', post('HTTP/1.1', 'Content-Length: 3\r\nContent-Length: 3\r\n', 'abc'), { ours: BOTH, llhttp: 'refused' }],
  ['CL 3, 4', post('HTTP/1.1', 'Content-Length: 3, 4\r\n', 'abc'), { ours: 'refused' }],
  ['CL empty', post('HTTP/1.1', 'Content-Length:\r\n', 'abc'), { ours: 'refused' }],
  ['CL 003', post('HTTP/1.1', 'Content-Length: 003\r\n', 'abc'), { ours: BOTH }],
];

const RESPONSES: [name: string, method: string, bytes: string, expect: Expect][] = [
  ['204 with CL', 'GET', 'HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n', { ours: '204 []' }],
  ['204 with TE chunked', 'GET', 'HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n', { ours: '204 []' }],
  ['304 with CL', 'GET', 'HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n', { ours: '304 []' }],
  ['100 with CL, then 200', 'POST', 'HTTP/1.1 100 Continue\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok', { ours: '100 [] | 200 [ok]' }],
  ['HEAD answered with CL', 'HEAD', 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n', { ours: '200 []' }],
  ['101, then a WebSocket frame', 'GET', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x81\x02hi', { ours: '101 [] | tunnel [\x81\x02hi]' }],
  ['2xx to CONNECT, then tunnel bytes', 'CONNECT', 'HTTP/1.1 200 Connection Established\r\n\r\nSSH-2.0-x\r\n', { ours: '200 [] | tunnel [SSH-2.0-x\r\n]' }],
  ['2xx to CONNECT with CL', 'CONNECT', 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef', { ours: '200 [] | tunnel [abcdef]' }],
  // RFC 9112 section 6.3 rule 2: only a 2xx switches; Node's client treats every answer to CONNECT as one.
  ['407 to CONNECT', 'CONNECT', 'HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 3\r\n\r\nabc', { ours: '407 [abc]', llhttp: '407 [] | tunnel [abc]' }],
  // RFC 9112 section 6.1: faulty framing; read until the close, as Chromium does. llhttp decodes the chunks.
  ['TE chunked on HTTP/1.0', 'GET', `HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${CHUNKS}`, { ours: `200 [${CHUNKS}]`, llhttp: '200 [abc]' }],
  ['TE chunked, chunked', 'GET', `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n${CHUNKS}`, { ours: '200 [abc]' }],
  ['TE chunked;x=1', 'GET', `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked;x=1\r\n\r\n${CHUNKS}`, { ours: `200 [${CHUNKS}]` }],
  ['TE gzip', 'GET', `HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n${CHUNKS}`, { ours: `200 [${CHUNKS}]` }],
  ['TE chunked, gzip', 'GET', `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n${CHUNKS}`, { ours: `200 [${CHUNKS}]` }],
  ['TE with an empty element last', 'GET', `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked ,\r\n\r\n${CHUNKS}`, { ours: '200 [abc]', llhttp: `200 [${CHUNKS}]` }],
  ['TE empty', 'GET', 'HTTP/1.1 200 OK\r\nTransfer-Encoding:\r\n\r\nabc', { ours: '200 [abc]' }],
  ['CL 3, 3', 'GET', 'HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\n\r\nabc', { ours: '200 [abc]', llhttp: 'refused' }],
  ['CL empty', 'GET', 'HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\nabc', { ours: 'refused' }],
  ['TE and CL', 'GET', `HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n${CHUNKS}`, { ours: '200 [abc]', llhttp: 'refused' }],
];

/** Our outcome: the annotator's messages (complete ones), what follows a switch, and where it stops reading HTTP. */
function ours(bytes: Uint8Array, side: 'request' | 'response', method?: string): string {
  const a = annotate(bytes, side, method === undefined ? {} : { requestMethod: () => method });
  const parts = parsedMessages(a, bytes)
    .filter((m) => m.complete)
    .map((m) => `${side === 'request' ? m.start.replace(/ HTTP\/1\.\d$/, '') : m.start.split(' ')[1]} [${m.body}]`);
  const tunnel = a.spans.toArray().filter((s) => s.kind === 'tunnel').map((s) => latin1Text(bytes.subarray(s.offset, s.offset + s.length)));
  if (tunnel.length > 0) parts.push(`tunnel [${tunnel.join('')}]`);
  if (a.spans.toArray().some((s) => s.kind === 'unparsed')) parts.push('refused');
  return parts.join(' | ');
}

const expected = (e: Expect): string => e.llhttp ?? e.ours;

describe('framing edge cases: requests, against a node:http server', () => {
  let server: Server;
  const seen = new Map<number, string[]>();
  beforeAll(async () => {
    server = createServer({ keepAlive: true }, (req: IncomingMessage, res) => {
      const body: Buffer[] = [];
      req.on('data', (b: Buffer) => body.push(b));
      req.on('end', () => {
        seen.get(req.socket.remotePort ?? -1)?.push(`${req.method} ${req.url} [${Buffer.concat(body).toString('latin1')}]`);
        res.end();
      });
    });
    server.on('clientError', (_err, socket: Socket) => {
      seen.get(socket.remotePort ?? -1)?.push('refused');
      socket.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** What llhttp made of the bytes: done when it has said as much as expected, or refused, or 2 s passed. */
  async function llhttp(bytes: Uint8Array, parts: number): Promise<string> {
    const socket = connect({ port: (server.address() as AddressInfo).port, host: '127.0.0.1' });
    socket.resume();
    await new Promise((r) => socket.once('connect', r));
    const log: string[] = [];
    seen.set(socket.localPort ?? -1, log);
    const closed = new Promise((r) => socket.once('close', r));
    socket.write(bytes);
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline && log.length < parts) await new Promise((r) => setTimeout(r, 5));
    // A refusal after the messages (as after HTTP/1.0's chunked body) comes as the socket closes.
    if (!log.includes('refused')) await Promise.race([closed, new Promise((r) => setTimeout(r, 50))]);
    socket.destroy();
    seen.delete(socket.localPort ?? -1);
    // Node may report the refusal before the last message's 'end' (that is emitted later): the refusal goes last.
    return [...log.filter((l) => l !== 'refused'), ...log.filter((l) => l === 'refused')].join(' | ');
  }

  for (const [name, text, expect_] of REQUESTS) {
    it(`${name}: ${expect_.llhttp === undefined ? 'as llhttp does' : 'by RFC 9112, not as llhttp does'}`, async () => {
      const bytes = latin1Bytes(text);
      expect(ours(bytes, 'request'), 'ours').toBe(expect_.ours);
      expect(disagreement(bytes), 'the engine frames it as the annotator reads it').toBeNull();
      expect(await llhttp(bytes, expected(expect_).split(' | ').length), 'llhttp').toBe(expected(expect_));
    });
  }
});

describe('framing edge cases: responses, against the node:http client', () => {
  let server: NetServer;
  let answer: Uint8Array = new Uint8Array(0);
  beforeAll(async () => {
    server = createNetServer((socket) => {
      socket.once('data', () => socket.end(answer));
      socket.on('error', () => socket.destroy());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** One request with `method`; what Node's client reports: 1xx, the response and its body, a switch, or an error. */
  function llhttp(method: string): Promise<string> {
    const log: string[] = [];
    return new Promise((resolve) => {
      const done = (): void => resolve(log.join(' | '));
      const path = method === 'CONNECT' ? '127.0.0.1:1' : '/';
      const req = request({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, method, path, agent: new Agent() }, (res) => {
        const body: Buffer[] = [];
        res.on('data', (b: Buffer) => body.push(b));
        res.on('end', () => (log.push(`${res.statusCode} [${Buffer.concat(body).toString('latin1')}]`), done()));
        res.on('error', () => (log.push('refused'), done()));
      });
      req.on('information', (info) => log.push(`${info.statusCode} []`));
      const switched = (res: IncomingMessage, socket: Socket, head: Buffer): void => {
        const rest: Buffer[] = [head];
        socket.on('data', (b: Buffer) => rest.push(b));
        socket.on('end', () => (log.push(`${res.statusCode} []`, `tunnel [${Buffer.concat(rest).toString('latin1')}]`), socket.destroy(), done()));
      };
      req.on('upgrade', switched);
      req.on('connect', switched);
      req.on('error', () => (log.push('refused'), done()));
      req.end();
    });
  }

  for (const [name, method, text, expect_] of RESPONSES) {
    it(`${name}: ${expect_.llhttp === undefined ? 'as llhttp does' : 'by RFC 9112, not as llhttp does'}`, async () => {
      const bytes = latin1Bytes(text);
      expect(ours(bytes, 'response', method), 'ours').toBe(expect_.ours);
      answer = bytes;
      expect(await llhttp(method), 'llhttp').toBe(expected(expect_));
    });
  }
});
