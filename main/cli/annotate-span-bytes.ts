// The bytes of the input that annotate's text dump may still show. A span's line shows only the
// start of its bytes (annotate-lines.ts previewBytes), and spans are shown as the annotator hands
// them over, in order; so of all the input only two stretches are ever kept: the start of the
// span that may still grow (a body that runs to the close: its first bytes, never its 100 MB), and
// the bytes not in any span yet (a line waiting for its LF: at most MAX_LINE_BYTES, 64 KiB).

interface Piece {
  /** Where its first byte is in the input. */
  offset: number;
  bytes: Uint8Array;
}

export class SpanBytes {
  private pieces: Piece[] = [];

  /** `prefix`: how many bytes of a span are ever asked for. */
  constructor(private readonly prefix: number) {}

  /** The next bytes of the input, at `offset`. Kept as given (not copied) until keep() lets them go. */
  add(offset: number, bytes: Uint8Array): void {
    if (bytes.length > 0) this.pieces.push({ offset, bytes });
  }

  /** The first bytes (at most `prefix`) of the span at `offset`, `length` long. */
  start(offset: number, length: number): Uint8Array {
    const end = offset + Math.min(length, this.prefix);
    for (const p of this.pieces) {
      if (p.offset <= offset && p.offset + p.bytes.length >= end) return p.bytes.subarray(offset - p.offset, end - p.offset);
    }
    // Across pieces (a span that started in one read and ended in the next): gathered.
    const out = new Uint8Array(end - offset);
    for (const p of this.pieces) {
      const from = Math.max(p.offset, offset);
      const to = Math.min(p.offset + p.bytes.length, end);
      if (from < to) out.set(p.bytes.subarray(from - p.offset, to - p.offset), from - offset);
    }
    return out;
  }

  /**
   * Only the span at `from` (its first `prefix` bytes) and the bytes from `rest` on (not in a span
   * yet) will be asked for again; the rest is let go. The start kept is copied, so the read it came
   * in (64 KiB) is not kept alive by it.
   */
  keep(from: number, rest: number): void {
    const kept: Piece[] = [];
    const prefixEnd = Math.min(from + this.prefix, rest);
    for (const p of this.pieces) {
      const end = p.offset + p.bytes.length;
      const a = Math.max(p.offset, from);
      const b = Math.min(end, prefixEnd);
      if (a < b) kept.push({ offset: a, bytes: p.bytes.slice(a - p.offset, b - p.offset) });
      const c = Math.max(p.offset, rest);
      if (c < end) kept.push({ offset: c, bytes: c === p.offset ? p.bytes : p.bytes.subarray(c - p.offset) });
    }
    this.pieces = kept;
  }
}
