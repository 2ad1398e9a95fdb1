// Reading the lines of an HTTP/1.x message into the annotation (shared/http/annotate/annotator.ts feeds them): the
// start line, field lines (and trailers), chunk-size lines. Each becomes spans, in order, from
// the queue's front, plus what it says of the message (its fields, its chunks) and its problems.
// Here a line is read as text (shared/http/annotate/lines.ts), which says what is wrong with it; the
// usual lines are read quicker, from their bytes, by QuickReader (shared/http/annotate/quick.ts).
// The state the annotator and the readers share lives here, with the few ways to add to it.
import { PROBLEM_SEVERITY, type HttpMessage, type Problem, type ProblemCode, type Side } from './annotation';
import { ByteQueue } from '../../bytes/byte-queue';
import { parseChunkSizeLine, parseFieldLine, parseRequestLine, parseStatusLine, preview, type LineProblem, type Piece } from './lines';
import type { LineCut } from './scan';
import { KIND, NO_FIELD, SpanStore } from './spans';
import { latin1, trimOws } from '../syntax';

/** A head line, chunk-size line or trailer longer than this is not read as one (RFC 9112 section 2.3 leaves the limit to us). */
export const MAX_LINE_BYTES = 64 * 1024;

export type Phase = 'start' | 'head' | 'body_length' | 'body_close' | 'chunk_size' | 'chunk_data' | 'chunk_end' | 'trailers' | 'garbage' | 'tunnel';

export abstract class LineReader {
  protected readonly spans = new SpanStore();
  /** Messages and problems not taken yet (HttpAnnotator.takeFinished hands them over and forgets them). */
  protected messages: HttpMessage[] = [];
  protected problems: Problem[] = [];
  /** Messages opened so far, taken or not: the next one's index. */
  protected messageCount = 0;
  /** The message opened last, and the one before it: what a like line reuses the strings of (see Texts). */
  protected latest: HttpMessage | undefined;
  protected beforeLatest: HttpMessage | undefined;
  /** The problem found last, taken or not: a run of lines outside any message grows it. */
  protected lastProblem: Problem | undefined;
  protected readonly queue = new ByteQueue();
  /** Where a scan (shared/http/annotate/scan.ts) puts the parts of the line it read. */
  protected readonly cut: LineCut = { a: 0, b: 0, c: 0, d: 0, stop: 0, next: 0 };
  protected phase: Phase = 'start';
  /** Body or chunk bytes still to come in the current phase. */
  protected left = 0;
  protected msg: HttpMessage | null = null;
  /**
   * Content-Length of the previous message, if it had one that framed its body: bytes after such
   * a body are suspect. `Content-Length: 0` counts too (framing `none`, but declared: RFC 9112
   * section 6.3 rule 6), so a POST whose Content-Length says 0 and that sends a body anyway is
   * told as bytes after the body, not as a start line that is not HTTP.
   */
  protected previousDeclared: number | undefined;
  protected bareLf: Problem | null = null;
  /** The field (or trailer) the previous line of this head belongs to: what an obs-fold line continues. */
  protected foldable: number | undefined;
  /** The current message's start line, its line end included. */
  protected startLineLength = 0;

  constructor(protected readonly side: Side) {}

  /** The blank line that ends a head (not a trailer section): where the body ends is decided there. */
  protected abstract headDone(msg: HttpMessage): void;
  protected abstract finishMessage(): void;

  /** One line of a head or chunked body: bytes [start, end) are its content, `endLength` bytes end it (2, 1 or 0). */
  protected line(bytes: Uint8Array, start: number, end: number, endLength: number): void {
    const lfAt = this.queue.offset + (end - start);
    const before = this.msg;
    // An empty line where a response's status line must be is a problem as a whole: its LF is
    // not told again as a bare LF (a CR added to it would leave the response as broken).
    let whole = false;
    if (this.phase === 'start') whole = this.startLine(bytes, start, end, endLength);
    else if (this.phase === 'chunk_size') this.chunkSizeLine(bytes, start, end, endLength);
    else this.fieldLine(bytes, start, end, endLength);
    // The line belongs to the message it started, or to the one its blank line just finished.
    if (endLength === 1 && !whole) this.noteBareLf(lfAt, (this.msg ?? before)?.index ?? -1);
  }

  /** A start line, or an empty line before one; true if the line itself is the problem. */
  private startLine(bytes: Uint8Array, start: number, end: number, endLength: number): boolean {
    if (start === end && endLength > 0) {
      const at = this.queue.offset;
      this.take(KIND.leading_empty_line, endLength);
      // RFC 9112 section 2.2: a server ignores empty lines before a request line. Nothing lets a
      // client do so before a status line: there it is bytes after a body whose length was
      // declared, or else an empty line where the status line must be.
      if (this.side === 'request') return false;
      const declared = this.previousDeclared;
      if (declared !== undefined) this.outsideProblem('bytes_after_body', at, endLength, { declared });
      else this.outsideProblem('empty_line_before_status', at, endLength, { lines: 1 });
      return true;
    }
    this.startLineText(latin1(bytes, start, end), endLength);
    return false;
  }

  /**
   * A problem of bytes outside any message; one right after another of the same code grows it
   * (a run of empty lines, then text after a body, is one problem, its lines counted).
   */
  private outsideProblem(code: ProblemCode, offset: number, length: number, params: Record<string, string | number>): void {
    const last = this.lastProblem;
    if (last && last.code === code && last.message === -1 && last.offset + last.length === offset) {
      last.length += length;
      if (typeof last.params.lines === 'number') last.params.lines += 1;
      return;
    }
    this.problem(code, offset, length, params, -1);
  }

  /** A start line as text: the message it opens and what is wrong with it, or that it is not HTTP. */
  private startLineText(content: string, endLength: number): void {
    const start = this.queue.offset;
    const parsed = this.side === 'request' ? parseRequestLine(content) : parseStatusLine(content);
    if (!parsed) {
      const declared = this.previousDeclared;
      const code = declared !== undefined ? 'bytes_after_body' : 'bad_start_line';
      const params: Record<string, string | number> = declared !== undefined ? { declared } : { line: preview(content) };
      this.outsideProblem(code, start, content.length + endLength, params);
      this.phase = 'garbage';
      return;
    }
    const msg = this.openMessage(parsed.version, content.length + endLength);
    if ('method' in parsed) Object.assign(msg, { method: parsed.method, target: parsed.target });
    else Object.assign(msg, { status: parsed.status, reason: parsed.reason });
    this.pieces(parsed.pieces, endLength);
    if ('problems' in parsed) for (const p of parsed.problems) this.lineProblem(p, start);
  }

  /** A new message, from the start line at the queue's front; its head comes next. */
  protected openMessage(version: string, startLineLength: number): HttpMessage {
    const msg: HttpMessage = {
      index: this.messageCount++,
      kind: this.side,
      offset: this.queue.offset,
      length: 0,
      complete: false,
      version,
      fields: [],
      trailers: [],
      framing: 'none',
      bodyOffset: 0,
      bodyLength: 0,
      chunks: [],
    };
    this.messages.push(msg);
    this.beforeLatest = this.latest;
    this.latest = msg;
    this.msg = msg;
    this.startLineLength = startLineLength;
    this.phase = 'head';
    this.foldable = undefined;
    return msg;
  }

  private fieldLine(bytes: Uint8Array, start: number, end: number, endLength: number): void {
    const msg = this.msg as HttpMessage;
    if (start === end) {
      this.take(KIND.blank_line, endLength);
      return this.phase === 'trailers' ? this.finishMessage() : this.headDone(msg);
    }
    this.fieldLineText(latin1(bytes, start, end), endLength);
  }

  /** A field line as text: the field it adds or continues (folding), and what is wrong with it. */
  private fieldLineText(content: string, endLength: number): void {
    const msg = this.msg as HttpMessage;
    const start = this.queue.offset;
    const list = this.phase === 'trailers' ? msg.trailers : msg.fields;
    const c = content.charCodeAt(0);
    if (c === 0x20 || c === 0x09) {
      // Obsolete line folding (RFC 9112 section 5.2): the line continues the field line just before
      // it. Right after the start line (section 2.2: whitespace before the first field) or after a
      // line that is not a field, there is no field to continue: the line is consumed on its own.
      // The value gains one SP and the line without its OWS (SP and HTAB only: a 0xA0 is a byte of the value).
      this.problem('obs_fold', start, content.length, {});
      const previous = this.foldable === undefined ? undefined : list[this.foldable];
      if (previous) {
        previous.value = `${previous.value} ${trimOws(content)}`;
        previous.length += content.length + endLength;
      }
      return this.pieces([{ kind: 'obs_fold', length: content.length }], endLength, this.foldable);
    }
    const parsed = parseFieldLine(content);
    const field = parsed.ok ? list.length : undefined;
    if (parsed.ok) list.push({ name: parsed.name, value: parsed.value, offset: start, length: content.length + endLength });
    this.foldable = field;
    this.pieces(parsed.pieces, endLength, field);
    for (const p of parsed.problems) this.lineProblem(p, start);
  }

  private chunkSizeLine(bytes: Uint8Array, lineStart: number, lineEnd: number, endLength: number): void {
    const msg = this.msg as HttpMessage;
    const start = this.queue.offset;
    const content = latin1(bytes, lineStart, lineEnd);
    const parsed = parseChunkSizeLine(content);
    if (!parsed.ok) {
      this.problem('bad_chunk_size', start, content.length, { line: preview(content) });
      this.phase = 'garbage';
      return;
    }
    this.pieces(parsed.pieces, endLength);
    this.chunkSized(msg, start, parsed.size, content.length + endLength);
  }

  /** A chunk-size line read: the chunk it starts (its data next), or the last chunk (trailers next). */
  protected chunkSized(msg: HttpMessage, offset: number, size: number, lineLength: number): void {
    msg.chunks.push({ offset, size, dataOffset: offset + lineLength, dataLength: 0 });
    msg.bodyLength += lineLength;
    if (size === 0) {
      this.phase = 'trailers';
      this.foldable = undefined;
    } else {
      this.left = size;
      this.phase = 'chunk_data';
    }
  }

  /** One problem per message for bare LFs, at the first, counting the rest: they come in crowds. */
  protected noteBareLf(at: number, message: number): void {
    if (this.bareLf && this.bareLf.message === message) {
      this.bareLf.params.lines = (this.bareLf.params.lines as number) + 1;
      return;
    }
    this.bareLf = this.problem('bare_lf', at, 1, { lines: 1 }, message);
  }

  /** Lays out a line's pieces from the queue's front, then its line end. */
  private pieces(pieces: readonly Piece[], endLength: number, field = NO_FIELD): void {
    for (const p of pieces) if (p.length > 0) this.take(KIND[p.kind], p.length, field);
    if (endLength > 0) this.take(KIND.line_end, endLength, field);
  }

  /** The next `length` bytes are a span of `kind` (a KIND number), in the current message if any. */
  protected take(kind: number, length: number, field = NO_FIELD): void {
    const queue = this.queue;
    queue.consume(length);
    const msg = this.msg;
    this.spans.add(kind, length, msg ? msg.index : -1, field);
    if (msg) msg.length = queue.offset - msg.offset;
  }

  private lineProblem(p: LineProblem, lineStart: number): void {
    this.problem(p.code, lineStart + p.at, p.length, p.params);
  }

  protected problem(code: ProblemCode, offset: number, length: number, params: Record<string, string | number>, message = this.msg?.index ?? -1): Problem {
    const problem: Problem = { code, severity: PROBLEM_SEVERITY[code], offset, length, message, params };
    this.problems.push(problem);
    this.lastProblem = problem;
    return problem;
  }
}
