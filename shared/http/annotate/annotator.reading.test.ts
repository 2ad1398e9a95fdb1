// The annotator's shortcuts against its plain reading (issue 19): QuickLines reads the usual lines
// from their bytes, takes a field line the message before had byte for byte as it was read then
// (seen-lines.ts), and a head like the one decided last keeps its framing decision
// (LastDecision in framing.ts). With all of them switched off every line is read as text
// (text-lines.ts) and every head decided afresh, the reading the shortcuts must give exactly.
// Inputs: keep-alive streams of 1 to 6 well-formed messages (requests, or responses), repeated
// and mutated (bytes deleted, inserted, replaced, ranges repeated, CRLF made LF, cut short), fed
// in random pieces, with or without the FIN and a request-method list.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation, Side } from './annotation';
import { HttpAnnotator, type AnnotateOptions } from './annotator';
import { mutate, mutation, SEEDS } from './testing/generators';

const NUM_RUNS = 20_000;
const TIMEOUT = 300_000;

interface Case {
  side: Side;
  bytes: Uint8Array;
  cuts: number[];
  ended: boolean;
  methods: (string | undefined)[] | undefined;
}

/** The annotation of `c`, with the shortcuts (`plain` false) or without them. */
function read(c: Case, plain: boolean): Annotation {
  const options: AnnotateOptions = c.methods ? { requestMethod: (index) => c.methods?.[index] } : {};
  const annotator = new HttpAnnotator(c.side, options);
  if (plain) {
    // The parts are private; switched off here, on this annotator only, to have the plain reading.
    const parts = annotator as unknown as { quick: { read: () => boolean }; model: { lastDecision: { sameAs: () => undefined } } };
    parts.quick.read = () => false;
    parts.model.lastDecision.sameAs = () => undefined;
  }
  let at = 0;
  for (const cut of [...c.cuts.map((n) => n % (c.bytes.length + 1)).sort((x, y) => x - y), c.bytes.length]) {
    annotator.push(c.bytes.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  if (c.ended) annotator.end();
  return annotator.result();
}

const join = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** A message from the seeds, now and then mutated, and now and then sent twice in a row (a head like the one before). */
const message = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { maxLength: 2 }), fc.boolean())
  .map(([seed, ms, twice]) => {
    const m = mutate(seed, ms);
    return twice ? join([m, m]) : m;
  });

const stream: fc.Arbitrary<Case> = fc.record({
  side: fc.constantFrom<Side>('request', 'response'),
  bytes: fc.array(message, { minLength: 1, maxLength: 6 }).map(join),
  cuts: fc.array(fc.nat(), { maxLength: 4 }),
  ended: fc.boolean(),
  methods: fc.option(fc.array(fc.constantFrom('GET', 'HEAD', 'POST', 'CONNECT', undefined), { maxLength: 6 }), { nil: undefined }),
});

describe('the annotator with its shortcuts reads as it reads without them', () => {
  it(`keep-alive streams of seeds, repeated and mutated (${NUM_RUNS.toLocaleString('en')} runs)`, () => {
    fc.assert(
      fc.property(stream, (c) => {
        expect(read(c, false)).toStrictEqual(read(c, true));
      }),
      { numRuns: NUM_RUNS },
    );
  }, TIMEOUT);
});
