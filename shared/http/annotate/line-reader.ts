// The annotator's bytes as lines: what has arrived and is not consumed yet waits in one queue
// (shared/bytes/byte-queue.ts), and the line at its front is found here once its LF has come.
// It knows nothing of HTTP but that a line ends in LF, a CR right before it belonging to the line
// end (RFC 9112 section 2.2 lets a recipient accept a bare LF), and that a line has a limit. What a
// line says is for its readers (shared/http/annotate/quick-lines.ts, text-lines.ts), and what is
// not a line (a body) is consumed by the annotator as it comes.
//
// A push goes in as pieces, the annotator consuming what it can after each (feed, nextPiece until
// false, then keep): a line's start left from the last push is completed up to the next LF only,
// so only that is copied; once the queue is empty it borrows the rest of the bytes, so the pieces
// of a body or of a run of lines are never copied. What is left unconsumed then (a line's start,
// at most) is copied by keep(): the caller may reuse its bytes. Reading the bytes in more pieces
// than they came in changes nothing: any split gives the same lines.
import { ByteQueue } from '../../bytes/byte-queue';
import { contentEnd, LF } from '../syntax';

/** A head line, chunk-size line or trailer longer than this is not read as one (RFC 9112 section 2.3 leaves the limit to us). */
export const MAX_LINE_BYTES = 64 * 1024;

/** What nextLine() found at the queue's front: numbers, not strings, since it runs for every line. */
export const NEXT_LINE = {
  /** A whole line: bytes [start, contentEnd) are its content, [contentEnd, lineEnd) its line end. */
  line: 0,
  /** Not a whole line yet: its LF (or the FIN) is still to come. */
  pending: 1,
  /** Longer than MAX_LINE_BYTES, LF or not: not read as a line at all. */
  tooLong: 2,
} as const;

const EMPTY = new Uint8Array(0);

export class LineReader {
  private readonly queue = new ByteQueue();
  /** The bytes of the push under way (EMPTY between pushes: the caller's bytes are not held) and how far they went in. */
  private input: Uint8Array = EMPTY;
  private at = 0;
  /** Set by nextLine() when it finds a line: where its content ends (its CR LF, bare LF or nothing). */
  contentEnd = 0;
  /** Set by nextLine() when it finds a line: just after its LF, where the next line starts. */
  lineEnd = 0;

  /** Stream offset of the first unconsumed byte: every byte before it is in a span. */
  get offset(): number {
    return this.queue.offset;
  }

  /** Bytes received and not consumed yet. */
  get length(): number {
    return this.queue.length;
  }

  /**
   * The unconsumed bytes are `data[start, end)`, read where they lie (no view, no string of the
   * whole line). Valid until the next piece; bytes of `data` outside the range are not the stream's.
   */
  get data(): Uint8Array {
    return this.queue.data;
  }

  get start(): number {
    return this.queue.start;
  }

  get end(): number {
    return this.queue.end;
  }

  /** The next `length` bytes are read (a line's part, a body's piece): they leave the queue. */
  consume(length: number): void {
    this.queue.consume(length);
  }

  /** Starts a push: its bytes go into the queue piece by piece, one per nextPiece(). */
  feed(bytes: Uint8Array): void {
    this.input = bytes;
    this.at = 0;
  }

  /** Puts the push's next piece in the queue; false once all of it is in. */
  nextPiece(): boolean {
    const bytes = this.input;
    const at = this.at;
    if (at >= bytes.length) return false;
    const queue = this.queue;
    if (queue.length > 0) {
      // A line's start is waiting: only up to the next LF is copied, which completes it.
      const lf = bytes.indexOf(LF, at);
      const cut = lf === -1 ? bytes.length : lf + 1;
      queue.append(at === 0 && cut === bytes.length ? bytes : bytes.subarray(at, cut));
      this.at = cut;
    } else {
      queue.lend(at === 0 ? bytes : bytes.subarray(at));
      this.at = bytes.length;
    }
    return true;
  }

  /** Ends a push: what is left unconsumed is copied, so the caller may reuse its bytes. */
  keep(): void {
    this.queue.keep();
    this.input = EMPTY;
  }

  /**
   * The line at the queue's front (a NEXT_LINE value); `final`: no more bytes will come, so a
   * last line needs no LF. A line is too long by its length alone: whether its LF has come or
   * not, and however it was split, it is told at the same byte.
   */
  nextLine(final: boolean): number {
    const bytes = this.queue.data;
    const start = this.queue.start;
    const end = this.queue.end;
    if (start === end) return NEXT_LINE.pending;
    const lf = lineFeed(bytes, start, end);
    if (lf === -1) {
      if (end - start > MAX_LINE_BYTES) return NEXT_LINE.tooLong;
      if (!final) return NEXT_LINE.pending;
      this.contentEnd = this.lineEnd = end;
      return NEXT_LINE.line;
    }
    if (lf - start + 1 > MAX_LINE_BYTES) return NEXT_LINE.tooLong;
    this.contentEnd = contentEnd(bytes, start, lf);
    this.lineEnd = lf + 1;
    return NEXT_LINE.line;
  }
}

/** The LF in bytes [start, end), or -1 (bytes past `end` may be stale: the queue's buffer is larger). */
function lineFeed(bytes: Uint8Array, start: number, end: number): number {
  const lf = bytes.indexOf(LF, start);
  return lf < end ? lf : -1;
}
