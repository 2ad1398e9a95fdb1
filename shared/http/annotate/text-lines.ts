// A line of an HTTP/1.x message read as text (shared/http/annotate/lines.ts), which says what is
// wrong with it: the start line, field lines (and trailers), chunk-size lines. Each becomes spans,
// in order, from the queue's front (through the cursor), plus what it says of the message (its
// fields, its chunks) and its problems (in the message model). The usual lines are read quicker,
// from their bytes, by QuickLines (shared/http/annotate/quick-lines.ts); any line it leaves (a
// problem, an extension, folding, a blank line, a last line without its LF) comes here.
import type { HttpMessage, ProblemCode } from './annotation';
import type { Cursor } from './cursor';
import type { LineReader } from './line-reader';
import { parseChunkSizeLine, parseFieldLine, parseRequestLine, parseStatusLine, preview, type LineProblem, type Piece } from './lines';
import { FIELD_NOT_KEPT, type MessageModel } from './message-model';
import { KIND, NO_FIELD } from './spans';
import { latin1, trimOws } from '../syntax';

export class TextLines {
  constructor(
    private readonly lines: LineReader,
    private readonly cursor: Cursor,
    private readonly model: MessageModel,
  ) {}

  /** One line of a head or chunked body at the queue's front: bytes [start, end) are its content, `endLength` bytes end it (2, 1 or 0). */
  line(bytes: Uint8Array, start: number, end: number, endLength: number): void {
    const model = this.model;
    const lfAt = this.lines.offset + (end - start);
    const before = model.msg;
    // An empty line where a response's status line must be is a problem as a whole: its LF is
    // not told again as a bare LF (a CR added to it would leave the response as broken).
    let whole = false;
    if (model.phase === 'start') whole = this.startLine(bytes, start, end, endLength);
    else if (model.phase === 'chunk_size') this.chunkSizeLine(bytes, start, end, endLength);
    else this.fieldLine(bytes, start, end, endLength);
    // The line belongs to the message it started, or to the one its blank line just finished.
    if (endLength === 1 && !whole) model.noteBareLf(lfAt, (model.msg ?? before)?.index ?? -1);
  }

  /** A start line, or an empty line before one; true if the line itself is the problem. */
  private startLine(bytes: Uint8Array, start: number, end: number, endLength: number): boolean {
    if (start === end && endLength > 0) {
      const at = this.lines.offset;
      this.cursor.take(KIND.leading_empty_line, endLength);
      // RFC 9112 section 2.2: a server ignores empty lines before a request line. Nothing lets a
      // client do so before a status line: there it is bytes after a body whose length was
      // declared, or else an empty line where the status line must be.
      if (this.model.side === 'request') return false;
      const declared = this.model.previousDeclared;
      if (declared !== undefined) this.model.outsideProblem('bytes_after_body', at, endLength, { declared });
      else this.model.outsideProblem('empty_line_before_status', at, endLength, { lines: 1 });
      return true;
    }
    this.startLineText(latin1(bytes, start, end), endLength);
    return false;
  }

  /** A start line as text: the message it opens and what is wrong with it, or that it is not HTTP. */
  private startLineText(content: string, endLength: number): void {
    const model = this.model;
    const start = this.lines.offset;
    const parsed = model.side === 'request' ? parseRequestLine(content) : parseStatusLine(content);
    if (!parsed) {
      const declared = model.previousDeclared;
      const code: ProblemCode = declared !== undefined ? 'bytes_after_body' : 'bad_start_line';
      const params: Record<string, string | number> = declared !== undefined ? { declared } : { line: preview(content) };
      model.outsideProblem(code, start, content.length + endLength, params);
      model.phase = 'garbage';
      return;
    }
    const msg = model.open(start, parsed.version, content.length + endLength);
    if ('method' in parsed) Object.assign(msg, { method: parsed.method, target: parsed.target });
    else Object.assign(msg, { status: parsed.status, reason: parsed.reason });
    this.pieces(parsed.pieces, endLength);
    if ('problems' in parsed) for (const p of parsed.problems) this.lineProblem(p, start);
  }

  private fieldLine(bytes: Uint8Array, start: number, end: number, endLength: number): void {
    if (start === end) {
      this.cursor.take(KIND.blank_line, endLength);
      const bodyOffset = this.lines.offset;
      return this.model.phase === 'trailers' ? this.model.finish(bodyOffset) : this.model.headDone(bodyOffset);
    }
    this.fieldLineText(latin1(bytes, start, end), endLength);
  }

  /** A field line as text: the field it adds or continues (folding), and what is wrong with it. */
  private fieldLineText(content: string, endLength: number): void {
    const model = this.model;
    const msg = model.msg as HttpMessage;
    const start = this.lines.offset;
    const list = model.phase === 'trailers' ? msg.trailers : msg.fields;
    const c = content.charCodeAt(0);
    if (c === 0x20 || c === 0x09) {
      // Obsolete line folding (RFC 9112 section 5.2): the line continues the field line just before
      // it. Right after the start line (section 2.2: whitespace before the first field) or after a
      // line that is not a field, there is no field to continue: the line is consumed on its own.
      // The value gains one SP and the line without its OWS (SP and HTAB only: a 0xA0 is a byte of the value).
      model.problem('obs_fold', start, content.length, {});
      const previous = model.foldable === undefined ? undefined : list[model.foldable];
      if (previous) {
        previous.value = `${previous.value} ${trimOws(content)}`;
        previous.length += content.length + endLength;
      }
      return this.pieces([{ kind: 'obs_fold', length: content.length }], endLength, model.foldable);
    }
    const parsed = parseFieldLine(content);
    const kept = parsed.ok ? model.keepField({ name: parsed.name, value: parsed.value, offset: start, length: content.length + endLength }) : FIELD_NOT_KEPT;
    // A field counted, not kept (past MAX_MESSAGE_RECORDS), has no record for a fold to continue.
    const field = kept === FIELD_NOT_KEPT ? undefined : kept;
    model.foldable = field;
    this.pieces(parsed.pieces, endLength, field);
    for (const p of parsed.problems) this.lineProblem(p, start);
  }

  private chunkSizeLine(bytes: Uint8Array, lineStart: number, lineEnd: number, endLength: number): void {
    const start = this.lines.offset;
    const content = latin1(bytes, lineStart, lineEnd);
    const parsed = parseChunkSizeLine(content);
    if (!parsed.ok) {
      this.model.problem('bad_chunk_size', start, content.length, { line: preview(content) });
      this.model.phase = 'garbage';
      return;
    }
    this.pieces(parsed.pieces, endLength);
    this.model.chunkSized(start, parsed.size, content.length + endLength);
  }

  /** Lays out a line's pieces from the queue's front, then its line end. */
  private pieces(pieces: readonly Piece[], endLength: number, field = NO_FIELD): void {
    for (const p of pieces) if (p.length > 0) this.cursor.take(KIND[p.kind], p.length, field);
    if (endLength > 0) this.cursor.take(KIND.line_end, endLength, field);
  }

  private lineProblem(p: LineProblem, lineStart: number): void {
    this.model.problem(p.code, lineStart + p.at, p.length, p.params);
  }
}
