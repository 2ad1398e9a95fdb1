// The engine's framer and the annotator read the same request bytes into the same messages, with
// the same verdicts (DESIGN.md, "What a teaching tool owes: the truth"; issue 14 item 5): both call
// shared/http/framing.ts for where a body ends. Fed: the two cases the issue found, every request case of
// the golden files, the differential corpus, and the property tests' generators (token soup,
// mutated messages, random bytes). What "the same" means, message by message: `disagreement` in
// shared/http/testing/framing-support.ts.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestCorpus } from './annotate/testing/corpus';
import { mutate, mutation, SEEDS, TOKENS } from './annotate/testing/generators';
import { parseGolden } from './annotate/testing/golden';
import { latin1Bytes } from './annotate/testing/support';
import { annotatorFrames, disagreement, engineFrames } from './testing/framing-support';

const NEXT = 'GET /next HTTP/1.1\r\nHost: a\r\n\r\n';
const NUM_RUNS = { tokens: 30_000, mutated: 20_000, noise: 10_000 } as const;

describe('the engine and the annotator agree on Transfer-Encoding lists (issue 14 item 5)', () => {
  it.each([
    ['chunked, chunked (chunked at most once: RFC 9112 section 6.1)', 'chunked, chunked', 'repeated_chunked'],
    ['chunked;x=1 (chunked takes no parameters: RFC 9112 section 7.1)', 'chunked;x=1', 'chunked_with_parameters'],
  ])('%s', (_name, value, code) => {
    const bytes = latin1Bytes(`POST /a HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ${value}\r\n\r\n3\r\nabc\r\n0\r\n\r\n${NEXT}`);
    expect(engineFrames(bytes)).toEqual([{ verdict: 'invalid', codes: [code] }]);
    expect(annotatorFrames(bytes)).toEqual([{ verdict: 'invalid', codes: [code] }]);
  });

  it('frames a pipelined stream of edge cases into the same messages', () => {
    const bytes = latin1Bytes(
      'POST /1 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked ,\r\n\r\n3\r\nabc\r\n0\r\nX: 1\r\n\r\n' +
        'POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 2, 2\r\n\r\nok' +
        'POST /3 HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n' +
        NEXT,
    );
    const engine = engineFrames(bytes);
    expect(engine.map((f) => f.verdict)).toEqual(['complete', 'complete', 'complete', 'complete']);
    expect(annotatorFrames(bytes).map(({ verdict, end }) => ({ verdict, end }))).toEqual(engine.map(({ verdict, end }) => ({ verdict, end })));
  });
});

describe('the same messages and verdicts from both, for every request the tests know', () => {
  const dir = new URL('./annotate/fixtures/', import.meta.url);
  const golden = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .flatMap((f) => parseGolden(readFileSync(new URL(f, dir), 'utf8')).map((c) => ({ ...c, name: `${f}: ${c.name}` })))
    .filter((c) => c.side === 'request');

  it(`the golden files' ${golden.length} request cases`, () => {
    expect(golden.length).toBeGreaterThan(30);
    const failures = golden.flatMap((c) => {
      const d = disagreement(c.bytes);
      return d === null ? [] : [`${c.name}: ${d}`];
    });
    expect(failures).toEqual([]);
  });

  it('a GET line with no version after a body of known length (a mutation CI once found)', () => {
    const bytes = new TextEncoder().encode(
      'GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\nGET 127.0.0.1:9000\r\nContent-Length: 20\r\n\r\nname=romeo&city=rome',
    );
    expect(disagreement(bytes)).toBeNull();
  });

  it('the differential corpus (lessons, RFC examples, generated, pipelined)', () => {
    const failures = requestCorpus().flatMap((c) => {
      const d = disagreement(c.bytes);
      return d === null ? [] : [`${c.name}: ${d}`];
    });
    expect(failures).toEqual([]);
  });

  const agree = (bytes: Uint8Array): void => {
    const d = disagreement(bytes);
    if (d !== null) throw new Error(d);
  };

  it(`HTTP-shaped token soup (${NUM_RUNS.tokens.toLocaleString('en')} runs)`, () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 28 }).map((t) => latin1Bytes(t.join('')));
    fc.assert(fc.property(soup, agree), { numRuns: NUM_RUNS.tokens });
  }, 120_000);

  it(`well-formed messages, mutated (${NUM_RUNS.mutated.toLocaleString('en')} runs)`, () => {
    const mutated = fc.tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { maxLength: 4 })).map(([seed, ms]) => mutate(seed, ms));
    fc.assert(fc.property(mutated, agree), { numRuns: NUM_RUNS.mutated });
  }, 120_000);

  it(`random bytes (${NUM_RUNS.noise.toLocaleString('en')} runs)`, () => {
    const noise = fc.array(fc.constantFrom(...latin1Bytes('GET /HTP1.\r\n\r\n: \t;0aF\x00\x80\xff')), { maxLength: 64 }).map((a) => Uint8Array.from(a));
    fc.assert(fc.property(noise, agree), { numRuns: NUM_RUNS.noise });
  }, 120_000);
});
