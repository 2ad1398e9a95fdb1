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
import { MAX_LINE_BYTES } from './annotator';
import { mutate, mutation, SEEDS, TOKENS } from './testing/generators';
import { coverageError, feedPieces, latin1Bytes } from './testing/support';

const NUM_RUNS = { noise: 250_000, tokens: 400_000, mutated: 350_000 } as const;
const TIMEOUT = 300_000;

const SIDES: readonly Side[] = ['request', 'response'];
const METHODS = ['GET', 'HEAD', 'POST', undefined] as const;

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
