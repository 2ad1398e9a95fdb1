// The usual lines of a message read in one pass over their bytes (shared/http/annotate/scan.ts), which
// finds each line's LF too: a request or status line, a field line, a chunk size in hex digits.
// No string per line, no array of pieces, one consume per line. Any other line (a problem, an
// extension, folding, a blank line, one without its LF yet, one too long) is left untouched for
// LineReader.line(), which reads it as text and gives the same spans, message and problems a
// quick read would have given a line both accept.
import type { Field, HttpMessage } from './annotation';
import { LineReader, MAX_LINE_BYTES } from './reader';
import { sameText, scanChunkSize, scanFieldLine, scanRequestLine, scanStatusLine, statusCode, Texts } from './scan';
import { KIND, NO_FIELD } from './spans';

export abstract class QuickReader extends LineReader {
  private readonly texts = new Texts();

  /** Reads the line at bytes[start] if it is a usual one complete before `limit`; false (nothing consumed) if not. */
  protected quickLine(bytes: Uint8Array, start: number, limit: number): boolean {
    const cut = this.cut;
    const phase = this.phase;
    let read: boolean;
    if (phase === 'head' || phase === 'trailers') read = scanFieldLine(bytes, start, limit, cut);
    else if (phase === 'start') read = this.side === 'request' ? scanRequestLine(bytes, start, limit, cut) : scanStatusLine(bytes, start, limit, cut);
    else read = phase === 'chunk_size' && scanChunkSize(bytes, start, limit, cut);
    if (!read || cut.next - start > MAX_LINE_BYTES) return false;
    const lfAt = this.queue.offset + (cut.stop - start);
    if (phase === 'start') this.quickStart(bytes, start);
    else if (phase === 'chunk_size') this.quickChunkSize(start);
    else this.quickField(bytes, start);
    if (cut.next - cut.stop === 1) this.noteBareLf(lfAt, (this.msg as HttpMessage).index);
    return true;
  }

  private quickStart(bytes: Uint8Array, start: number): void {
    const { a, b, c, d, stop, next } = this.cut;
    // The strings of a start line like the last one are the last one's (see Texts).
    const last = this.latest;
    if (this.side === 'request') {
      const msg = this.openMessage(this.texts.of(bytes, d, stop, last?.version), next - start);
      msg.method = this.texts.of(bytes, start, a, last?.method);
      msg.target = this.texts.of(bytes, b, c, last?.target);
      this.put(KIND.method, a - start);
      this.put(KIND.sp, b - a);
      this.put(KIND.target, c - b);
      this.put(KIND.sp, d - c);
      this.put(KIND.version, stop - d);
    } else {
      const msg = this.openMessage(this.texts.of(bytes, start, a, last?.version), next - start);
      msg.status = statusCode(bytes, b);
      msg.reason = this.texts.of(bytes, b + 4, stop, last?.reason);
      this.put(KIND.version, a - start);
      this.put(KIND.sp, b - a);
      this.put(KIND.status_code, 3);
      this.put(KIND.sp, 1);
      if (stop > b + 4) this.put(KIND.reason, stop - b - 4);
    }
    this.put(KIND.line_end, next - stop);
    this.consumed(next - start);
  }

  private quickField(bytes: Uint8Array, start: number): void {
    const { a, b, c, stop, next } = this.cut;
    const msg = this.msg as HttpMessage;
    const trailers = this.phase === 'trailers';
    const list = trailers ? msg.trailers : msg.fields;
    const field = list.length;
    // The names and values of the message before, to reuse where they are the same (see Texts).
    const before = this.beforeLatest;
    const known = knownField(before ? (trailers ? before.trailers : before.fields) : NONE, field, bytes, start, a);
    const name = known ? known.name : this.texts.of(bytes, start, a, undefined);
    list.push({ name, value: this.texts.of(bytes, b, c, known?.value), offset: this.queue.offset, length: next - start });
    this.foldable = field;
    this.put(KIND.field_name, a - start, field);
    this.put(KIND.colon, 1, field);
    if (b > a + 1) this.put(KIND.ows, b - a - 1, field);
    if (c > b) this.put(KIND.field_value, c - b, field);
    if (stop > c) this.put(KIND.ows, stop - c, field);
    this.put(KIND.line_end, next - stop, field);
    this.consumed(next - start);
  }

  private quickChunkSize(start: number): void {
    const { a: size, stop, next } = this.cut;
    const msg = this.msg as HttpMessage;
    const offset = this.queue.offset;
    this.put(KIND.chunk_size, stop - start);
    this.put(KIND.line_end, next - stop);
    this.consumed(next - start);
    this.chunkSized(msg, offset, size, next - start);
  }

  /** A span of the current message, of bytes consumed() will consume. */
  private put(kind: number, length: number, field = NO_FIELD): void {
    this.spans.add(kind, length, (this.msg as HttpMessage).index, field);
  }

  private consumed(length: number): void {
    const queue = this.queue;
    queue.consume(length);
    const msg = this.msg as HttpMessage;
    msg.length = queue.offset - msg.offset;
  }
}

const NONE: readonly Field[] = [];

/**
 * The field of `known` whose name is bytes [start, end): the one at `at` first (a keep-alive
 * stream sends its fields in the same order each time), else the first of that name among the
 * first 32 (a bound: a head of thousands of fields must not cost their square).
 */
function knownField(known: readonly Field[], at: number, bytes: Uint8Array, start: number, end: number): Field | undefined {
  const same = known[at];
  if (same !== undefined && sameText(bytes, start, end, same.name)) return same;
  const n = Math.min(known.length, 32);
  for (let i = 0; i < n; i++) {
    const field = known[i] as Field;
    if (sameText(bytes, start, end, field.name)) return field;
  }
  return undefined;
}
