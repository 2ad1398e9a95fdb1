// The property tests' generators (shared/http/annotate/annotator.property.test.ts), shared with the framing agreement
// test (http-framing.agreement.test.ts), which feeds the same inputs to the engine's framer too:
// HTTP-shaped token soup, and well-formed messages mutated.
import fc from 'fast-check';
import { join, requestCorpus, responseCorpus } from './corpus';
import { latin1Bytes } from './support';

/** Pieces of HTTP, and of broken HTTP: start lines, framing fields, chunk lines, line ends, odd bytes. */
export const TOKENS = [
  'GET', 'HEAD', 'POST', ' ', '  ', '/', '/a?b=c', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', '\r\n', '\n', '\r', '\t', ':', ';', ',',
  'Host: a', 'Host:', 'Content-Length: ', 'Content-Length: 3', 'content-length: 0', 'Content-Length: 1, 2', 'Content-Length: 2, 2', 'Content-Length: x',
  'Transfer-Encoding: chunked', 'Transfer-Encoding: gzip', 'transfer-encoding: gzip, chunked', 'Connection: close',
  '0', '1', '3', 'a', 'F', 'ff', '10', 'abc', ';x=y', ' ;ext', 'zz', 'X: y', 'X : y', ' folded', 'no colon',
  'HTTP/1.1 200 OK', 'HTTP/1.1 200', 'HTTP/1.0 404 Not Found', 'HTTP/1.1 100 Continue', 'HTTP/1.1 101 Switching Protocols',
  'HTTP/1.1 204 No Content', 'HTTP/1.1 304 Not Modified', '\r\n\r\n', '0\r\n\r\n', '\x00', '\x7f', '\x80', '\xe9', '\xff',
  // Framing's edge cases (shared/http/framing.ts): Transfer-Encoding lists, empty and listed Content-Length, the switches.
  'Transfer-Encoding: chunked, chunked', 'Transfer-Encoding: chunked;x=1', 'Transfer-Encoding: chunked ,', 'Transfer-Encoding:', 'TE: chunked',
  'Content-Length:', 'Content-Length: 3, 3', 'CONNECT', 'HTTP/1.1 200 Connection established', 'Upgrade: websocket',
];

/** Small well-formed messages (and the lessons' malformed ones) for the mutations to start from. */
export const SEEDS: Uint8Array[] = [
  ...requestCorpus().map((c) => c.bytes),
  ...responseCorpus(latin1Bytes('\xff\xd8\xff\xe0JFIF\x00\xff\xd9')).map((c) => join(c.exchanges.map((e) => e.bytes))),
  latin1Bytes('HTTP/1.1 200 OK\n\nHello, World!'),
  latin1Bytes('GET /hello HTTP/1.1\r\n'),
].filter((b) => b.length <= 400);

export type Mutation = { op: 'delete' | 'insert' | 'replace' | 'repeat' | 'lf' | 'cut'; at: number; byte: number; span: number };
export const mutation = fc.record({
  op: fc.constantFrom('delete', 'insert', 'replace', 'repeat', 'lf', 'cut'),
  at: fc.nat(),
  byte: fc.constantFrom(0x0d, 0x0a, 0x20, 0x09, 0x3a, 0x3b, 0x30, 0x61, 0x00, 0x80, 0xff),
  span: fc.integer({ min: 1, max: 40 }),
}) as fc.Arbitrary<Mutation>;

export function mutate(seed: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let b = Array.from(seed);
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    if (m.op === 'delete') b.splice(at, m.span);
    else if (m.op === 'insert') b.splice(at, 0, m.byte);
    else if (m.op === 'replace') b[Math.min(at, b.length - 1)] = m.byte;
    else if (m.op === 'repeat') b.splice(at, 0, ...b.slice(at, at + m.span));
    else if (m.op === 'cut') b = b.slice(0, at);
    // A CRLF turned into a bare LF: the next CR from `at` on loses its place.
    else if (m.op === 'lf') {
      const cr = b.indexOf(0x0d, at);
      if (cr >= 0) b.splice(cr, 1);
    }
  }
  return Uint8Array.from(b);
}
