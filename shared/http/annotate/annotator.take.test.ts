// HttpAnnotator.takeFinished (issue 15, item 3): a reader of a long stream takes the finished
// spans, messages and problems after each push, so the annotator holds only what may still change.
// For the golden cases, the corpus and mutated or random inputs, cut anywhere:
//   - the parts joined (then takeRest) are exactly the annotation of the bytes fed whole;
//   - what was handed over does not change afterwards, but for a problem mayChange() named;
//   - a long stream taken as it goes leaves nothing behind in the annotator.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation, Problem, Side, Span } from './annotation';
import { HttpAnnotator, type AnnotateOptions } from './annotator';
import { SpanTable } from './span-table';
import { mutate, mutation, SEEDS, TOKENS } from './testing/generators';
import { parseGolden } from './testing/golden';
import { feedPieces, latin1Bytes, methodsOption } from './testing/support';

const DIR = new URL('./fixtures/', import.meta.url);
const GOLDEN = readdirSync(DIR)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .flatMap((f) => parseGolden(readFileSync(new URL(f, DIR), 'utf8')));

/**
 * `bytes` pushed in pieces cut at `cuts`, taking after each push where `takes` says (every push when
 * it is empty), then the FIN if `ended`, then the rest: the parts joined as one annotation, and
 * what went wrong with what was handed over (null if nothing).
 */
function taken(bytes: Uint8Array, side: Side, cuts: readonly number[], options: AnnotateOptions, ended: boolean, takes: readonly boolean[] = []): { joined: Annotation; changed: string | null } {
  const annotator = new HttpAnnotator(side, options);
  const joined: Annotation = { side, length: 0, spans: SpanTable.of([]), messages: [], problems: [], ended };
  const spans: Span[] = [];
  // What each handed-over message and problem was when it was settled, to compare at the end.
  const settled = new Map<object, string>();
  const open: Problem[] = [];
  const collect = (part: ReturnType<HttpAnnotator['takeFinished']>): void => {
    spans.push(...part.spans);
    for (const m of part.messages) settled.set(m, JSON.stringify(m));
    joined.messages.push(...part.messages);
    joined.problems.push(...part.problems);
    open.push(...part.problems);
    for (let i = open.length - 1; i >= 0; i--) {
      const p = open[i] as Problem;
      if (annotator.mayChange(p)) continue;
      settled.set(p, JSON.stringify(p));
      open.splice(i, 1);
    }
  };
  let at = 0;
  [...cuts, bytes.length].forEach((cut, i) => {
    annotator.push(bytes.subarray(at, cut));
    at = cut;
    if (takes.length === 0 || takes[i % takes.length] === true) collect(annotator.takeFinished());
  });
  if (ended) annotator.end();
  collect(annotator.takeRest());
  // Joined as one table: SpanTable.of checks that each part starts where the one before ended.
  joined.spans = SpanTable.of(spans);
  joined.length = joined.spans.end;
  let changed: string | null = null;
  for (const [item, then] of settled) if (JSON.stringify(item) !== then) changed = `changed after it was settled: ${then} -> ${JSON.stringify(item)}`;
  return { joined, changed };
}

function expectSame(bytes: Uint8Array, side: Side, cuts: readonly number[], options: AnnotateOptions, ended: boolean, takes: readonly boolean[] = []): void {
  const { joined, changed } = taken(bytes, side, cuts, options, ended, takes);
  expect(changed).toBeNull();
  expect(JSON.stringify(joined)).toBe(JSON.stringify(feedPieces(bytes, side, [], options, ended)));
}

describe('takeFinished: the parts joined are the whole annotation', () => {
  it('for every golden case, taken after every push, and cut at (up to 150) split points', () => {
    for (const c of GOLDEN) {
      const options = methodsOption(c.requestMethods);
      expectSame(c.bytes, c.side, c.cuts, options, c.ended);
      const step = Math.max(1, Math.ceil(c.bytes.length / 150));
      for (let cut = 0; cut <= c.bytes.length; cut += step) expectSame(c.bytes, c.side, [cut], options, c.ended);
    }
  });

  it('for every seed and HTTP-shaped soup, mutated and cut anywhere, taken after some pushes', () => {
    const input = fc.oneof(
      fc.tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { maxLength: 4 })).map(([seed, ms]) => mutate(seed, ms)),
      fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => latin1Bytes(t.join(''))),
      fc.uint8Array({ maxLength: 64 }),
    );
    const feed = fc.record({
      side: fc.constantFrom<Side>('request', 'response'),
      methods: fc.option(fc.array(fc.constantFrom('GET', 'HEAD', 'CONNECT', 'POST'), { maxLength: 4 }), { nil: undefined }),
      cuts: fc.array(fc.nat(), { maxLength: 8 }),
      takes: fc.array(fc.boolean(), { maxLength: 4 }),
      ended: fc.boolean(),
    });
    fc.assert(
      fc.property(input, feed, (bytes, f) => {
        const cuts = f.cuts.map((n) => n % (bytes.length + 1)).sort((x, y) => x - y);
        expectSame(bytes, f.side, cuts, methodsOption(f.methods), f.ended, f.takes);
      }),
      { numRuns: 10_000 },
    );
  });

  it('bytes outside any message between messages: the bare LF problem they share grows to the end, and is said to', () => {
    const bytes = latin1Bytes('\nGET / HTTP/1.1\r\nHost: a\r\n\r\n\nGET /b HTTP/1.1\r\n\r\n\n\nPOST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nx');
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expectSame(bytes, 'request', cuts, {}, true);
    const annotator = new HttpAnnotator('request');
    annotator.push(bytes.subarray(0, 30));
    const [bareLf] = annotator.takeFinished().problems;
    expect(bareLf).toMatchObject({ code: 'bare_lf', message: -1 });
    expect(annotator.mayChange(bareLf as Problem)).toBe(true);
    annotator.push(bytes.subarray(30));
    annotator.end();
    expect(annotator.mayChange(bareLf as Problem)).toBe(false);
    expect(bareLf?.params.lines).toBe(4);
  });
});

describe('takeFinished: what the annotator still holds', () => {
  it('after 20,000 pipelined requests taken as they came: the last span, nothing else', () => {
    const request = latin1Bytes('GET /x HTTP/1.1\r\nHost: a\r\n\r\n');
    const annotator = new HttpAnnotator('request');
    let spans = 0;
    let messages = 0;
    for (let i = 0; i < 20_000; i++) {
      annotator.push(request);
      const part = annotator.takeFinished();
      spans += part.spans.length;
      messages += part.messages.length;
    }
    const left = annotator.result();
    expect(left.spans).toHaveLength(1);
    expect(left.messages).toHaveLength(0);
    expect(left.problems).toHaveLength(0);
    expect(messages).toBe(20_000);
    expect(spans + 1).toBe(20_000 * 12);
  });

  it('a body that runs to the close, taken as it grows: one span, handed over once, its length the whole', () => {
    const annotator = new HttpAnnotator('response');
    annotator.push(latin1Bytes('HTTP/1.1 200 OK\r\n\r\n'));
    const piece = new Uint8Array(65_536).fill(0x41);
    for (let i = 0; i < 100; i++) {
      annotator.push(piece);
      expect(annotator.takeFinished().spans.toArray().every((s) => s.kind !== 'body')).toBe(true);
    }
    annotator.end();
    const rest = annotator.takeRest();
    expect(rest.spans.at(-1)).toEqual({ offset: 19, length: 100 * 65_536, kind: 'body', message: 0 });
    expect(rest.messages).toHaveLength(1);
  });
});
