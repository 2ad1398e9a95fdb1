// One huge message keeps at most MAX_MESSAGE_RECORDS chunks, and as many fields and trailers, as
// records, and counts the rest (issue 15, item 3): 20 MB of 1-byte chunks in one response held
// 3.3 M chunk records (772 MB). Its spans, body, completeness and problems stay what they were.
import { describe, expect, it } from 'vitest';
import type { Annotation } from './annotation';
import { annotate, HttpAnnotator, MAX_MESSAGE_RECORDS } from './annotator';
import { coverageError, latin1Bytes } from './testing/support';

const N = 30_000;

/** A response of `n` one-byte chunks, then the last chunk. */
function oneByteChunks(n: number): Uint8Array {
  return latin1Bytes(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${'1\r\na\r\n'.repeat(n)}0\r\n\r\n`);
}

/** A request of `n` header fields, Content-Length last (past the cap: the framing must still see it), then its body. */
function manyFields(n: number): Uint8Array {
  const fields = Array.from({ length: n - 2 }, (_, i) => `X-${i}: ${i}\r\n`).join('');
  return latin1Bytes(`POST / HTTP/1.1\r\nHost: a\r\n${fields}Content-Length: 3\r\n\r\nabc`);
}

function notKeptProblems(a: Annotation) {
  return a.problems.filter((p) => p.code === 'records_not_kept');
}

describe('records one message keeps', () => {
  it(`${N} one-byte chunks: ${MAX_MESSAGE_RECORDS} chunk records, the rest counted, every byte in a span, one info problem`, () => {
    const bytes = oneByteChunks(N);
    const a = annotate(bytes, 'response');
    expect(coverageError(a, bytes.length)).toBeNull();
    const [msg] = a.messages;
    expect(a.messages).toHaveLength(1);
    expect(msg?.complete).toBe(true);
    expect(msg?.chunks).toHaveLength(MAX_MESSAGE_RECORDS);
    // The last (zero-size) chunk is a chunk too.
    expect(msg?.chunksNotKept).toBe(N + 1 - MAX_MESSAGE_RECORDS);
    expect(msg?.chunkDataNotKept).toBe(N - MAX_MESSAGE_RECORDS);
    expect(msg?.bodyLength).toBe(bytes.length - (msg?.bodyOffset ?? 0));
    expect(a.spans.toArray().filter((s) => s.kind === 'chunk_data').reduce((sum, s) => sum + s.length, 0)).toBe(N);
    expect(a.problems).toEqual(notKeptProblems(a));
    const [problem] = notKeptProblems(a);
    expect(notKeptProblems(a)).toHaveLength(1);
    expect(problem).toMatchObject({ severity: 'info', message: 0, params: { kind: 'chunks', kept: MAX_MESSAGE_RECORDS, total: N + 1 } });
    // It points at the first chunk not kept: its size line.
    expect(problem?.offset).toBe((msg?.chunks.at(-1)?.dataOffset ?? 0) + 3);
  });

  it(`${N} header fields: ${MAX_MESSAGE_RECORDS} field records, the rest counted, Content-Length past the cap still frames the body`, () => {
    const bytes = manyFields(N);
    const a = annotate(bytes, 'request');
    expect(coverageError(a, bytes.length)).toBeNull();
    const [msg] = a.messages;
    expect(msg).toMatchObject({ complete: true, framing: 'length', declaredLength: 3, bodyLength: 3 });
    // The cap's fields, and Content-Length kept past it.
    expect(msg?.fields).toHaveLength(MAX_MESSAGE_RECORDS + 1);
    expect(msg?.fields.at(-1)?.name).toBe('Content-Length');
    expect(msg?.fieldsNotKept).toBe(N - MAX_MESSAGE_RECORDS - 1);
    expect(a.spans.toArray().filter((s) => s.kind === 'field_name')).toHaveLength(N);
    // Spans point at kept records only.
    for (const s of a.spans) if (s.field !== undefined) expect(msg?.fields[s.field]).toBeDefined();
    expect(a.problems).toEqual(notKeptProblems(a));
    expect(notKeptProblems(a)).toHaveLength(1);
    expect(notKeptProblems(a)[0]).toMatchObject({ severity: 'info', message: 0, params: { kind: 'fields', kept: MAX_MESSAGE_RECORDS, total: N } });
  });

  it('the same, pushed in pieces and taken as it goes: the problem may change until its message is done, and its total is right', () => {
    const bytes = oneByteChunks(N);
    const annotator = new HttpAnnotator('response');
    const problems = [];
    const messages = [];
    const held = new Set<unknown>();
    for (let at = 0; at < bytes.length; at += 4096) {
      annotator.push(bytes.subarray(at, at + 4096));
      const part = annotator.takeFinished();
      problems.push(...part.problems);
      messages.push(...part.messages);
      for (const p of part.problems) if (annotator.mayChange(p)) held.add(p);
    }
    expect(held.size).toBe(1);
    annotator.end();
    messages.push(...annotator.takeFinished().messages);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.chunksNotKept).toBe(N + 1 - MAX_MESSAGE_RECORDS);
    expect(problems.map((p) => [p.code, p.params.total])).toEqual([['records_not_kept', N + 1]]);
    expect(problems.every((p) => !annotator.mayChange(p))).toBe(true);
  });

  it('a message under the cap has no counters and no such problem', () => {
    const a = annotate(oneByteChunks(MAX_MESSAGE_RECORDS - 1), 'response');
    expect(a.messages[0]).not.toHaveProperty('chunksNotKept');
    expect(a.messages[0]?.chunks).toHaveLength(MAX_MESSAGE_RECORDS);
    expect(a.problems).toEqual([]);
  });
});
