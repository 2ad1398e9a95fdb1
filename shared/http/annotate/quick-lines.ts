// The usual lines of a message read in one pass over their bytes (shared/http/annotate/scan.ts), which
// finds each line's LF too: a request or status line, a field line, a chunk size in hex digits,
// the CR LF that ends a head; a field line the message before had too, byte for byte, is taken as
// it was read then (shared/http/annotate/seen-lines.ts).
// No string per line, no array of pieces, one consume per line. Any other line (a problem, an
// extension, folding, a bare LF blank line, one without its LF yet, one too long) is left untouched for
// TextLines (shared/http/annotate/text-lines.ts), which reads it as text and gives the same spans,
// message and problems a quick read would have given a line both accept (quick-lines.test.ts).
import type { Field, HttpMessage } from './annotation';
import type { Cursor } from './cursor';
import { MAX_LINE_BYTES, type LineReader } from './line-reader';
import { FIELD_NOT_KEPT, type MessageModel } from './message-model';
import { sameText, scanChunkSize, scanFieldLine, scanRequestLine, scanStatusLine, statusCode, text, Texts, type LineCut } from './scan';
import { MAX_SEEN_BYTES, SeenLines, type SeenLine } from './seen-lines';
import { KIND, NO_FIELD } from './spans';
import { CR, LF } from '../syntax';

export class QuickLines {
  private readonly texts = new Texts();
  /** The field lines of the message before, to take a line sent again as it was read (see SeenLines). */
  private readonly seen = new SeenLines();
  /** Where a scan puts the parts of the line it read. */
  private readonly cut: LineCut = { a: 0, b: 0, c: 0, d: 0, stop: 0, next: 0 };

  constructor(
    private readonly lines: LineReader,
    private readonly cursor: Cursor,
    private readonly model: MessageModel,
  ) {}

  /** Reads the line at bytes[start] if it is a usual one complete before `limit`; false (nothing consumed) if not. */
  read(bytes: Uint8Array, start: number, limit: number): boolean {
    const cut = this.cut;
    const model = this.model;
    const phase = model.phase;
    let read: boolean;
    if (phase === 'head' || phase === 'trailers') {
      if (bytes[start] === CR && start + 1 < limit && bytes[start + 1] === LF) {
        this.blankLine();
        return true;
      }
      if (phase === 'head') {
        const msg = model.msg as HttpMessage;
        const seen = this.seen.match(msg, model.beforeLatest, msg.fields.length, bytes, start, limit);
        if (seen !== undefined) {
          this.again(seen);
          return true;
        }
      }
      read = scanFieldLine(bytes, start, limit, cut);
    } else if (phase === 'start') read = model.side === 'request' ? scanRequestLine(bytes, start, limit, cut) : scanStatusLine(bytes, start, limit, cut);
    else read = phase === 'chunk_size' && scanChunkSize(bytes, start, limit, cut);
    if (!read || cut.next - start > MAX_LINE_BYTES) return false;
    const lfAt = this.lines.offset + (cut.stop - start);
    if (phase === 'start') this.startLine(bytes, start);
    else if (phase === 'chunk_size') this.chunkSize(start);
    else this.field(bytes, start);
    if (cut.next - cut.stop === 1) model.noteBareLf(lfAt, (model.msg as HttpMessage).index);
    return true;
  }

  /** The CR LF that ends a head or a trailer section, as TextLines reads an empty line there. */
  private blankLine(): void {
    const model = this.model;
    this.cursor.take(KIND.blank_line, 2);
    const bodyOffset = this.lines.offset;
    if (model.phase === 'trailers') model.finish(bodyOffset);
    else model.headDone(bodyOffset);
  }

  private startLine(bytes: Uint8Array, start: number): void {
    const { a, b, c, d, stop, next } = this.cut;
    const model = this.model;
    const cursor = this.cursor;
    const texts = this.texts;
    const offset = this.lines.offset;
    // The strings of a start line like the last one are the last one's (see Texts).
    const last = model.latest;
    if (model.side === 'request') {
      const msg = model.open(offset, texts.of(bytes, d, stop, last?.version), next - start);
      msg.method = texts.of(bytes, start, a, last?.method);
      msg.target = texts.of(bytes, b, c, last?.target);
      cursor.put(KIND.method, a - start);
      cursor.put(KIND.sp, b - a);
      cursor.put(KIND.target, c - b);
      cursor.put(KIND.sp, d - c);
      cursor.put(KIND.version, stop - d);
    } else {
      const msg = model.open(offset, texts.of(bytes, start, a, last?.version), next - start);
      msg.status = statusCode(bytes, b);
      msg.reason = texts.of(bytes, b + 4, stop, last?.reason);
      cursor.put(KIND.version, a - start);
      cursor.put(KIND.sp, b - a);
      cursor.put(KIND.status_code, 3);
      cursor.put(KIND.sp, 1);
      if (stop > b + 4) cursor.put(KIND.reason, stop - b - 4);
    }
    cursor.put(KIND.line_end, next - stop);
    cursor.consumed(next - start);
  }

  private field(bytes: Uint8Array, start: number): void {
    const { a, b, c, stop, next } = this.cut;
    const model = this.model;
    const msg = model.msg as HttpMessage;
    const trailers = model.phase === 'trailers';
    const list = trailers ? msg.trailers : msg.fields;
    // The names and values of the message before, to reuse where they are the same (see Texts).
    const before = model.beforeLatest;
    const known = knownField(before ? (trailers ? before.trailers : before.fields) : NONE, list.length, bytes, start, a);
    const name = known ? known.name : this.texts.of(bytes, start, a, undefined);
    const value = this.texts.of(bytes, b, c, known?.value);
    const kept = this.layOut(name, value, a - start, b - start, c - start, stop - start, next - start);
    // A line too long to be kept (see SeenLines) is not copied to be offered.
    if (!trailers && kept !== FIELD_NOT_KEPT && next - start <= MAX_SEEN_BYTES) {
      const seen: SeenLine = { text: text(bytes, start, next), name, value, colon: a - start, valueStart: b - start, valueEnd: c - start, stop: stop - start };
      this.seen.note(msg, before, kept, seen);
    }
  }

  /** A head's field line the message before had too, byte for byte: read as it was then (the bare LF, if any, noted as read() does). */
  private again(seen: SeenLine): void {
    const model = this.model;
    const msg = model.msg as HttpMessage;
    const next = seen.text.length;
    const lfAt = this.lines.offset + seen.stop;
    const kept = this.layOut(seen.name, seen.value, seen.colon, seen.valueStart, seen.valueEnd, seen.stop, next);
    if (kept !== FIELD_NOT_KEPT) this.seen.note(msg, model.beforeLatest, kept, seen);
    if (next - seen.stop === 1) model.noteBareLf(lfAt, msg.index);
  }

  /** A field line read (positions from its start): the field kept or counted, its spans, the line consumed. Returns what keepField did. */
  private layOut(name: string, value: string, a: number, b: number, c: number, stop: number, next: number): number {
    const model = this.model;
    const cursor = this.cursor;
    const kept = model.keepField({ name, value, offset: this.lines.offset, length: next });
    // A field counted, not kept (past MAX_MESSAGE_RECORDS): its spans point at no record, and no fold continues it.
    const field = kept === FIELD_NOT_KEPT ? NO_FIELD : kept;
    model.foldable = kept === FIELD_NOT_KEPT ? undefined : kept;
    cursor.put(KIND.field_name, a, field);
    cursor.put(KIND.colon, 1, field);
    if (b > a + 1) cursor.put(KIND.ows, b - a - 1, field);
    if (c > b) cursor.put(KIND.field_value, c - b, field);
    if (stop > c) cursor.put(KIND.ows, stop - c, field);
    cursor.put(KIND.line_end, next - stop, field);
    cursor.consumed(next);
    return kept;
  }

  private chunkSize(start: number): void {
    const { a: size, stop, next } = this.cut;
    const offset = this.lines.offset;
    this.cursor.put(KIND.chunk_size, stop - start);
    this.cursor.put(KIND.line_end, next - stop);
    this.cursor.consumed(next - start);
    this.model.chunkSized(offset, size, next - start);
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
