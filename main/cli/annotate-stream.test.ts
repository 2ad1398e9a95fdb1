// `wirebench annotate` streamed (issue 15, item 3), in-process: the input read in pieces cut at
// random points, the annotator's finished parts printed as they come, against the dump of the
// whole input at once (annotationLines over annotate(), what the command printed before) on the
// golden cases, the differential corpus, mutated seeds and random bytes:
//   - held (small inputs): the text and the JSON byte for byte the whole dump's;
//   - streamed from the first span: the same lines but for the columns' padding, and the same JSON
//     document with `length` and `ended` last;
//   - a message too long to hold, problems past the spill's memory, output waiting for 'drain'.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Annotation, Side } from '../../shared/http/annotate/annotation';
import { annotate } from '../../shared/http/annotate/annotator';
import { join, requestCorpus, responseCorpus } from '../../shared/http/annotate/testing/corpus';
import { mutate, SEEDS, type Mutation } from '../../shared/http/annotate/testing/generators';
import { parseGolden } from '../../shared/http/annotate/testing/golden';
import { latin1Bytes } from '../../shared/http/annotate/testing/support';
import { createI18n } from '../../shared/i18n/catalog';
import { annotateStream, type Choices } from './annotate-stream';
import { annotationLines } from './annotate-lines';
import { BatchWriter } from './annotate-output';
import { Spill } from './annotate-spill';

const i18n = createI18n();
const t = (key: string, params?: Record<string, unknown>): string => i18n.t(key, params ?? {});

/** A small deterministic generator (mulberry32): the same cuts every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  name: string;
  side: Side;
  bytes: Uint8Array;
  ended: boolean;
}

function corpus(): Case[] {
  const dir = new URL('../../shared/http/annotate/fixtures/', import.meta.url);
  const golden = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .flatMap((f) => parseGolden(readFileSync(new URL(f, dir), 'utf8')))
    .filter((c) => c.requestMethods === undefined)
    .map((c) => ({ name: `golden: ${c.name}`, side: c.side, bytes: c.bytes, ended: c.ended }));
  const jpeg = new Uint8Array(readFileSync(new URL('../../app/docroot/test.jpg', import.meta.url)));
  const requests = requestCorpus().map((c) => ({ name: `corpus: ${c.name}`, side: 'request' as const, bytes: c.bytes, ended: true }));
  const responses = responseCorpus(jpeg)
    .filter((c) => c.exchanges.every((e) => e.method !== 'HEAD' && e.method !== 'CONNECT'))
    .map((c) => ({ name: `corpus: ${c.name}`, side: 'response' as const, bytes: join(c.exchanges.map((e) => e.bytes)), ended: true }));
  const next = random(15);
  const ops: Mutation['op'][] = ['delete', 'insert', 'replace', 'repeat', 'lf', 'cut'];
  const mutated = Array.from({ length: 300 }, (_, i) => {
    const seed = SEEDS[i % SEEDS.length] as Uint8Array;
    const ms = Array.from({ length: 1 + Math.floor(next() * 4) }, () => ({
      op: ops[Math.floor(next() * ops.length)] as Mutation['op'],
      at: Math.floor(next() * 1000),
      byte: [0x0d, 0x0a, 0x20, 0x3a, 0x00, 0xff][Math.floor(next() * 6)] as number,
      span: 1 + Math.floor(next() * 40),
    }));
    return { name: `mutated ${i}`, side: i % 2 === 0 ? ('request' as const) : ('response' as const), bytes: mutate(seed, ms), ended: next() < 0.8 };
  });
  const noise = Array.from({ length: 20 }, (_, i) => ({
    name: `random bytes ${i}`,
    side: 'request' as const,
    bytes: Uint8Array.from({ length: Math.floor(next() * 3000) }, () => Math.floor(next() * 256)),
    ended: true,
  }));
  return [...golden, ...requests, ...responses, ...mutated, ...noise];
}

const CASES = corpus();

/** Collects what is written, string by string; `slow`: each write is taken a turn later, and the stream says it is full past `highWaterMark`. */
function sink(slow = false, highWaterMark = 16_384): { stream: Writable; text: () => string; writes: () => number; maxHeld: () => number } {
  const chunks: string[] = [];
  let maxHeld = 0;
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      maxHeld = Math.max(maxHeld, stream.writableLength);
      if (slow) setImmediate(done);
      else done();
    },
  });
  return { stream, text: () => chunks.join(''), writes: () => chunks.length, maxHeld: () => maxHeld };
}

/** The bytes in pieces cut at `count` random points, as a stream of reads gives them. */
function* pieces(bytes: Uint8Array, count: number, seed: number): Generator<Uint8Array> {
  const next = random(seed);
  const cuts = Array.from({ length: count }, () => Math.floor(next() * (bytes.length + 1))).sort((a, b) => a - b);
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut > at) yield bytes.slice(at, cut);
    at = cut;
  }
}

async function streamed(c: Case, seed: number, choices: Partial<Choices> = {}, target = sink()): Promise<string> {
  const out = new BatchWriter(target.stream);
  await annotateStream({ t, err: () => undefined }, pieces(c.bytes, 1 + (seed % 6), seed), out, { side: c.side, ended: c.ended, json: false, ...choices });
  return target.text();
}

function whole(c: Case): Annotation {
  return annotate(c.bytes, c.side, { ended: c.ended });
}

/** The lines with runs of spaces (the columns' padding) as one. */
function squeezed(text: string): string {
  return text.replace(/ {2,}/g, ' ');
}

describe('annotate streamed, small inputs held: exactly the whole dump', () => {
  it(`text, for ${CASES.length} cases cut at random points`, async () => {
    for (const [i, c] of CASES.entries()) {
      expect(await streamed(c, i), c.name).toBe(`${annotationLines(t, c.bytes, whole(c)).join('\n')}\n`);
    }
  });

  it('JSON, byte for byte', async () => {
    for (const [i, c] of CASES.entries()) {
      expect(await streamed(c, i, { json: true }), c.name).toBe(`${JSON.stringify(whole(c))}\n`);
    }
  });
});

describe('annotate streamed from the first span (hold 0)', () => {
  it('text: the same lines but for the padding of the columns', async () => {
    for (const [i, c] of CASES.entries()) {
      const got = await streamed(c, i, { hold: 0 });
      expect(squeezed(got), c.name).toBe(squeezed(`${annotationLines(t, c.bytes, whole(c)).join('\n')}\n`));
    }
  });

  it('JSON: the same document, "length" and "ended" last', async () => {
    for (const [i, c] of CASES.entries()) {
      const got = await streamed(c, i, { json: true, hold: 0 });
      const doc = JSON.parse(got) as Annotation;
      expect(JSON.stringify({ side: doc.side, length: doc.length, spans: doc.spans, messages: doc.messages, problems: doc.problems, ended: doc.ended }), c.name).toBe(
        JSON.stringify(whole(c)),
      );
      expect(Object.keys(doc)).toEqual(['side', 'spans', 'messages', 'problems', 'length', 'ended']);
    }
  });

  it('a body of 1 MB in 1,000 pieces: its span shown from its start, counted whole', async () => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n';
    const body = 'x'.repeat(1_000_000);
    const c: Case = { name: 'long body', side: 'response', bytes: latin1Bytes(head + body), ended: true };
    const target = sink();
    const out = new BatchWriter(target.stream);
    function* thousand(): Generator<Uint8Array> {
      for (let at = 0; at < c.bytes.length; at += 1000) yield c.bytes.slice(at, at + 1000);
    }
    await annotateStream({ t, err: () => undefined }, thousand(), out, { side: 'response', ended: true, json: false, hold: 0 });
    expect(squeezed(target.text())).toBe(squeezed(`${annotationLines(t, c.bytes, whole(c)).join('\n')}\n`));
    expect(target.text()).toContain(`${head.length}+1000000`);
  });
});

describe('annotate streamed: what is too long to hold', () => {
  it('200,000 empty lines read at once: 200,000 spans in one part, one bare LF problem counting them all', async () => {
    const c: Case = { name: 'empty lines', side: 'request', bytes: new Uint8Array(200_000).fill(0x0a), ended: true };
    const target = sink();
    await annotateStream({ t, err: () => undefined }, [c.bytes][Symbol.iterator](), new BatchWriter(target.stream), { side: 'request', ended: true, json: false });
    expect(target.text()).toBe(`${annotationLines(t, c.bytes, whole(c)).join('\n')}\n`);
    const json = sink();
    await annotateStream({ t, err: () => undefined }, [c.bytes][Symbol.iterator](), new BatchWriter(json.stream), { side: 'request', ended: true, json: true, hold: 0 });
    expect((JSON.parse(json.text()) as Annotation).problems).toEqual(whole(c).problems);
  });

  it('a message of more spans than are held: its heading as it stands, its spans, then its full heading', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => `1\r\n${String.fromCharCode(97 + (i % 26))}\r\n`).join('');
    const bytes = latin1Bytes(`POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n`);
    const c: Case = { name: 'many chunks', side: 'request', bytes, ended: true };
    const lines = (await streamed(c, 3, { hold: 0, messageHold: 20 })).split('\n');
    const first = lines.findIndex((l) => l.startsWith('message 1 ·'));
    expect(lines[first]).toMatch(/^message 1 · request · POST \/ HTTP\/1.1 · 2 fields · body: chunked, \d+ chunks?, \d+ bytes of data \(not complete yet\) · so far: too long to hold/);
    const end = lines.findIndex((l) => l.startsWith('end of message 1 ·'));
    expect(lines[end]).toBe('end of message 1 · request · POST / HTTP/1.1 · 2 fields · body: chunked, 41 chunks, 40 bytes of data (complete)');
    expect(lines.slice(first + 1, end).every((l) => l.startsWith('  '))).toBe(true);
    // The request line (6 spans), two fields (5 each), the blank line, 40 chunks (4 each), the last chunk and its blank line.
    expect(lines.slice(first + 1, end)).toHaveLength(6 + 5 + 5 + 1 + 40 * 4 + 3);
    expect(lines[end + 1]).toBe('message 2 · request · GET / HTTP/1.1 · 1 field · body: none (complete)');
  });

  it('problems past the spill memory go to a temporary file and come back in order, one still changing rendered last', async () => {
    const tmp = mkdtempSync(joinPath(tmpdir(), 'wirebench-spill-test-'));
    try {
      const live = { n: 0 };
      const spill = new Spill<{ n: number }>(',', (x) => `live${x.n}`, tmp, 100);
      const expected: string[] = [];
      for (let i = 0; i < 5000; i++) {
        if (i === 2500) {
          spill.addLive(live);
          expected.push('live7');
        } else {
          spill.add(`entry${i}`);
          expected.push(`entry${i}`);
        }
      }
      live.n = 7;
      // Removed as soon as it is open: nothing of it in the folder, even before close().
      expect(readdirSync(tmp)).toEqual([]);
      const target = sink();
      const out = new BatchWriter(target.stream);
      await spill.copyTo(out);
      await out.flushed();
      spill.close();
      expect(target.text()).toBe(expected.join(','));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('waits for drain: a slow reader never has more than a few batches waiting, and each write is a batch', async () => {
    const request = 'GET /x HTTP/1.1\r\nHost: a\r\n\r\n';
    const c: Case = { name: 'pipelined', side: 'request', bytes: latin1Bytes(request.repeat(40_000)), ended: true };
    const target = sink(true);
    const text = await streamed(c, 5, { hold: 0 }, target);
    expect(text.length).toBeGreaterThan(15_000_000);
    expect(target.writes()).toBeLessThan(text.length / 60_000);
    // What one read of input makes (its lines) may go past the mark before the next wait; no more.
    expect(target.maxHeld()).toBeLessThan(4_000_000);
    expect(text).toMatch(/1,120,000 bytes, 40,000 requests; the end of the input counts as the client's FIN\.\n$/);
  });
});
