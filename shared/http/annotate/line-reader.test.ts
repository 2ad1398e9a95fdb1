// The line reader alone (shared/http/annotate/line-reader.ts): bytes in, in any pieces, lines out.
// Driven here the way the annotator drives it (feed, nextPiece, read what can be read, keep), each
// line consumed whole once found: lines are the same however the bytes are cut, a line waits for
// its LF (or the FIN), the limit is told at the same byte whatever the cuts, and the caller's bytes
// may be reused once a push is over.
import { describe, expect, it } from 'vitest';
import { LineReader, MAX_LINE_BYTES, NEXT_LINE } from './line-reader';
import { latin1Bytes, latin1Text } from './testing/support';

/** A found line as `content|end`, end being CRLF, LF or nothing (the last line at the FIN). */
function describeLine(reader: LineReader): string {
  const { data, start, contentEnd, lineEnd } = reader;
  const end = lineEnd - contentEnd === 2 ? 'CRLF' : lineEnd - contentEnd === 1 ? 'LF' : '';
  return `${latin1Text(data.subarray(start, contentEnd))}|${end}`;
}

/** Reads every line it can; `final`: the FIN came. */
function drain(reader: LineReader, final: boolean, out: string[]): void {
  for (;;) {
    const next = reader.nextLine(final);
    if (next === NEXT_LINE.pending) return;
    if (next === NEXT_LINE.tooLong) {
      out.push(`too long at ${reader.offset}`);
      // As the annotator does after a line too long: the rest is not read as lines.
      reader.consume(reader.length);
      return;
    }
    out.push(describeLine(reader));
    reader.consume(reader.lineEnd - reader.start);
  }
}

/** The lines of `bytes` pushed in pieces cut at `cuts`, each from a scratch buffer overwritten after the push. */
function linesOf(bytes: Uint8Array, cuts: readonly number[], final = true): string[] {
  const reader = new LineReader();
  const out: string[] = [];
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    const scratch = bytes.slice(at, cut);
    reader.feed(scratch);
    while (reader.nextPiece()) drain(reader, false, out);
    reader.keep();
    scratch.fill(0x3f);
    at = cut;
  }
  if (final) drain(reader, true, out);
  return out;
}

const TEXT = 'GET / HTTP/1.1\r\nHost: a\nX: \r\r\n\r\n\nlast';
const LINES = ['GET / HTTP/1.1|CRLF', 'Host: a|LF', 'X: \r|CRLF', '|CRLF', '|LF', 'last|'];

describe('LineReader', () => {
  it('gives each line with its line end: CRLF, a bare LF, a CR that is not before the LF, none at the FIN', () => {
    expect(linesOf(latin1Bytes(TEXT), [])).toEqual(LINES);
  });

  it('gives the same lines however the bytes are cut: at every point, at every two points, byte by byte', () => {
    const bytes = latin1Bytes(TEXT);
    for (let i = 0; i <= bytes.length; i++) {
      expect(linesOf(bytes, [i]), `cut at ${i}`).toEqual(LINES);
      for (let j = i; j <= bytes.length; j++) expect(linesOf(bytes, [i, j]), `cut at ${i}, ${j}`).toEqual(LINES);
    }
    expect(linesOf(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(LINES);
  });

  it('keeps a line without its LF pending until the LF, or the FIN, comes', () => {
    const reader = new LineReader();
    reader.feed(latin1Bytes('Host: a'));
    expect(reader.nextPiece()).toBe(true);
    expect(reader.nextLine(false)).toBe(NEXT_LINE.pending);
    expect(reader.nextPiece()).toBe(false);
    reader.keep();
    expect(reader.length).toBe(7);
    expect(reader.offset).toBe(0);
    expect(linesOf(latin1Bytes('Host: a'), [3], false)).toEqual([]);
    expect(linesOf(latin1Bytes('Host: a'), [3], true)).toEqual(['Host: a|']);
  });

  it('reads a line of MAX_LINE_BYTES with its LF; one byte more is too long, LF or not, and told at its start', () => {
    const line = (n: number, end: string) => latin1Bytes(`${'a'.repeat(n - end.length)}${end}`);
    const prefix = latin1Bytes('GET / HTTP/1.1\r\n');
    const after = (bytes: Uint8Array) => {
      const all = new Uint8Array(prefix.length + bytes.length);
      all.set(prefix);
      all.set(bytes, prefix.length);
      return all;
    };
    expect(linesOf(after(line(MAX_LINE_BYTES, '\r\n')), [])).toEqual(['GET / HTTP/1.1|CRLF', `${'a'.repeat(MAX_LINE_BYTES - 2)}|CRLF`]);
    const tooLong = ['GET / HTTP/1.1|CRLF', `too long at ${prefix.length}`];
    for (const cuts of [[], [100], [prefix.length + MAX_LINE_BYTES], [prefix.length + MAX_LINE_BYTES + 1]]) {
      expect(linesOf(after(line(MAX_LINE_BYTES + 1, '\n')), cuts), `LF, cuts ${cuts.join()}`).toEqual(tooLong);
      // No LF at all: known too long as soon as more than MAX_LINE_BYTES bytes have come.
      expect(linesOf(after(line(MAX_LINE_BYTES + 1, '')), cuts, false), `no LF, cuts ${cuts.join()}`).toEqual(tooLong);
    }
  });

  it('borrows a push into an empty queue without copying it, and keeps only what is left unconsumed', () => {
    const reader = new LineReader();
    const bytes = latin1Bytes('a\r\nbody bytes');
    reader.feed(bytes);
    expect(reader.nextPiece()).toBe(true);
    expect(reader.data.buffer).toBe(bytes.buffer);
    drain(reader, false, []);
    reader.consume(4); // "body" read as a body would be
    reader.keep();
    bytes.fill(0x3f);
    expect(reader.offset).toBe(7);
    expect(latin1Text(reader.data.subarray(reader.start, reader.end))).toBe(' bytes');
  });

  it('completes a waiting line from the next push up to its LF only, then borrows the rest', () => {
    const reader = new LineReader();
    reader.feed(latin1Bytes('Hos'));
    while (reader.nextPiece()) drain(reader, false, []);
    reader.keep();
    const next = latin1Bytes('t: a\r\nX: b\r\n');
    reader.feed(next);
    expect(reader.nextPiece()).toBe(true);
    expect(latin1Text(reader.data.subarray(reader.start, reader.end))).toBe('Host: a\r\n');
    const out: string[] = [];
    drain(reader, false, out);
    expect(reader.nextPiece()).toBe(true);
    expect(reader.data.buffer).toBe(next.buffer);
    drain(reader, false, out);
    expect(reader.nextPiece()).toBe(false);
    reader.keep();
    expect(out).toEqual(['Host: a|CRLF', 'X: b|CRLF']);
    expect(reader.offset).toBe(15);
  });
});
