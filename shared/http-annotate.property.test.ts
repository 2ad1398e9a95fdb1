// Property tests of the annotator over 1,000,000+ generated inputs (the sum of NUM_RUNS below):
// random bytes, HTTP-shaped token soup, and well-formed messages mutated (bytes deleted, inserted,
// replaced, ranges repeated, CRLF made LF, cut short). For each input, on either side, with or
// without a request-method list and the FIN:
//   - it never throws;
//   - every byte is attributed exactly once: spans contiguous from 0 to the length, none empty,
//     each in a message that exists, a field's spans inside that field, problems inside the bytes;
//   - fed in pieces cut anywhere (from a buffer the feeder overwrites after each push), the
//     annotation is exactly the one it gives fed whole.
// In a file of their own: they take a while (see the report in the commit), the other tests don't.
// A failure prints fast-check's seed and the shrunk counterexample: `fc.assert(..., { seed })` replays it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Side } from './annotation';
import { MAX_LINE_BYTES } from './http-annotate';
import { join, requestCorpus, responseCorpus } from './http-annotate.test-corpus';
import { coverageError, feedPieces, latin1Bytes } from './http-annotate.test-support';

const NUM_RUNS = { noise: 250_000, tokens: 400_000, mutated: 350_000 } as const;
const TIMEOUT = 300_000;

/** Pieces of HTTP, and of broken HTTP: start lines, framing fields, chunk lines, line ends, odd bytes. */
const TOKENS = [
  'GET', 'HEAD', 'POST', ' ', '  ', '/', '/a?b=c', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', '\r\n', '\n', '\r', '\t', ':', ';', ',',
  'Host: a', 'Host:', 'Content-Length: ', 'Content-Length: 3', 'content-length: 0', 'Content-Length: 1, 2', 'Content-Length: 2, 2', 'Content-Length: x',
  'Transfer-Encoding: chunked', 'Transfer-Encoding: gzip', 'transfer-encoding: gzip, chunked', 'Connection: close',
  '0', '1', '3', 'a', 'F', 'ff', '10', 'abc', ';x=y', ' ;ext', 'zz', 'X: y', 'X : y', ' folded', 'no colon',
  'HTTP/1.1 200 OK', 'HTTP/1.1 200', 'HTTP/1.0 404 Not Found', 'HTTP/1.1 100 Continue', 'HTTP/1.1 101 Switching Protocols',
  'HTTP/1.1 204 No Content', 'HTTP/1.1 304 Not Modified', '\r\n\r\n', '0\r\n\r\n', '\x00', '\x7f', '\x80', '\xe9', '\xff',
];

const SIDES: readonly Side[] = ['request', 'response'];
const METHODS = ['GET', 'HEAD', 'POST', undefined] as const;

/** Small well-formed messages (and the lessons' malformed ones) for the mutations to start from. */
const SEEDS: Uint8Array[] = [
  ...requestCorpus().map((c) => c.bytes),
  ...responseCorpus(latin1Bytes('\xff\xd8\xff\xe0JFIF\x00\xff\xd9')).map((c) => join(c.exchanges.map((e) => e.bytes))),
  latin1Bytes('HTTP/1.1 200 OK\n\nHello, World!'),
  latin1Bytes('GET /hello HTTP/1.1\r\n'),
].filter((b) => b.length <= 400);

interface Context {
  side: Side;
  methods: (string | undefined)[] | undefined;
  cuts: number[];
  ended: boolean;
}

/** The rest of a case: which side, which requests the responses answer, where to cut, whether the FIN comes. */
const context: fc.Arbitrary<Context> = fc.record({
  side: fc.constantFrom(...SIDES),
  methods: fc.option(fc.array(fc.constantFrom(...METHODS), { maxLength: 4 }), { nil: undefined }),
  cuts: fc.array(fc.nat(), { maxLength: 6 }),
  ended: fc.boolean(),
});

type Mutation = { op: 'delete' | 'insert' | 'replace' | 'repeat' | 'lf' | 'cut'; at: number; byte: number; span: number };
const mutation = fc.record({
  op: fc.constantFrom('delete', 'insert', 'replace', 'repeat', 'lf', 'cut'),
  at: fc.nat(),
  byte: fc.constantFrom(0x0d, 0x0a, 0x20, 0x09, 0x3a, 0x3b, 0x30, 0x61, 0x00, 0x80, 0xff),
  span: fc.integer({ min: 1, max: 40 }),
}) as fc.Arbitrary<Mutation>;

function mutate(seed: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
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

/** The three properties for one input; throws (with what went wrong) when one fails. */
function check(bytes: Uint8Array, c: Context): void {
  const options = c.methods ? { requestMethod: (index: number) => c.methods?.[index] } : {};
  const whole = feedPieces(bytes, c.side, [], options, c.ended);
  const covered = coverageError(whole, bytes.length);
  if (covered) throw new Error(`coverage: ${covered}`);
  const cuts = c.cuts.map((n) => n % (bytes.length + 1)).sort((x, y) => x - y);
  // From a buffer overwritten after every push: nothing of a piece may be used once push returns.
  const split = feedPieces(bytes, c.side, cuts, options, c.ended, true);
  if (JSON.stringify(split) !== JSON.stringify(whole)) throw new Error(`cut at ${cuts.join(',')}: not the whole-feed annotation`);
}

describe('annotator properties: never throws, every byte once, any split = whole', () => {
  it(`random bytes (${NUM_RUNS.noise.toLocaleString('en')} runs)`, () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 48 }),
      // Bytes HTTP gives meaning to, so random input reaches past the start line now and then.
      fc.array(fc.constantFrom(...latin1Bytes('GET /HTP1.\r\n\r\n: \t;0aF\x00\x80\xff')), { maxLength: 64 }).map((a) => Uint8Array.from(a)),
    );
    fc.assert(fc.property(bytes, context, (b, c) => check(b, c)), { numRuns: NUM_RUNS.noise });
  }, TIMEOUT);

  it(`HTTP-shaped token soup (${NUM_RUNS.tokens.toLocaleString('en')} runs)`, () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 28 }).map((t) => latin1Bytes(t.join('')));
    fc.assert(fc.property(soup, context, (b, c) => check(b, c)), { numRuns: NUM_RUNS.tokens });
  }, TIMEOUT);

  it(`well-formed messages, mutated (${NUM_RUNS.mutated.toLocaleString('en')} runs over ${SEEDS.length} seeds)`, () => {
    const mutated = fc.tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { maxLength: 4 })).map(([seed, ms]) => mutate(seed, ms));
    fc.assert(fc.property(mutated, context, (b, c) => check(b, c)), { numRuns: NUM_RUNS.mutated });
  }, TIMEOUT);

  it('lines about the 64 KiB limit, cut anywhere (line_too_long is found the same way in pieces)', () => {
    const long = fc.record({
      before: fc.constantFrom('', 'GET / HTTP/1.1\r\n', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'),
      size: fc.integer({ min: MAX_LINE_BYTES - 3, max: MAX_LINE_BYTES + 3 }),
      end: fc.constantFrom('', '\n', '\r\n', '\r\n\r\n'),
    }).map(({ before, size, end }) => latin1Bytes(before + 'X'.repeat(size) + end));
    fc.assert(fc.property(long, context, (b, c) => check(b, c)), { numRuns: 200 });
  }, TIMEOUT);

  it('sums to at least 1,000,000 runs', () => {
    expect(NUM_RUNS.noise + NUM_RUNS.tokens + NUM_RUNS.mutated).toBeGreaterThanOrEqual(1_000_000);
  });
});
