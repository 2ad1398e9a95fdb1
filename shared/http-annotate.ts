// The HTTP/1.x annotator: fed one direction of a connection chunk by chunk, it attributes every
// byte to exactly one span (request or status line parts, each field, the blank line, the body,
// chunk sizes, data and terminators, trailers), finds the messages (keep-alive and pipelined ones
// too) and reports problems at their bytes. Bytes it cannot place are still attributed: `unparsed`.
//
// Splitting the input anywhere gives the same result as feeding it whole: head lines are read only
// once their LF has arrived (until then they are `pending`), body bytes are consumed as they come
// and their spans merged, and every limit is checked the same way in both cases.
// Only the unconsumed tail (at most one line, 64 KiB) is kept, so a 100 MB stream costs its spans.
import { PROBLEM_SEVERITY, type Annotation, type HttpMessage, type Problem, type ProblemCode, type Side, type Span, type SpanKind } from './annotation';
import { ByteQueue } from './byte-queue';
import { decideFraming, fieldValue } from './http-annotate-framing';
import { parseChunkSizeLine, parseFieldLine, parseRequestLine, parseStatusLine, preview, type LineProblem, type Piece } from './http-annotate-lines';
import { CR, latin1, LF, trimOws } from './http-syntax';

/** A head line, chunk-size line or trailer longer than this is not read as one (RFC 9112 section 2.3 leaves the limit to us). */
export const MAX_LINE_BYTES = 64 * 1024;

export interface AnnotateOptions {
  /** For responses: the method of the request the n-th final response answers (HEAD has no body). */
  requestMethod?: (index: number) => string | undefined;
}

/** Spans of these kinds grow as bytes arrive: adjacent pieces are one span, however they came. */
const MERGED = new Set<SpanKind>(['body', 'chunk_data', 'unparsed']);

type Phase = 'start' | 'head' | 'body_length' | 'body_close' | 'chunk_size' | 'chunk_data' | 'chunk_end' | 'trailers' | 'garbage';

export class HttpAnnotator {
  private readonly spans: Span[] = [];
  private readonly messages: HttpMessage[] = [];
  private readonly problems: Problem[] = [];
  private readonly queue = new ByteQueue();
  private phase: Phase = 'start';
  /** Body or chunk bytes still to come in the current phase. */
  private left = 0;
  private msg: HttpMessage | null = null;
  /** Final responses seen: which request the next one answers. */
  private answered = 0;
  /**
   * Content-Length of the previous message, if it had one that framed its body: bytes after such
   * a body are suspect. `Content-Length: 0` counts too (framing `none`, but declared: RFC 9112
   * section 6.3 rule 6), so a POST whose Content-Length says 0 and that sends a body anyway is
   * told as bytes after the body, not as a start line that is not HTTP.
   */
  private previousDeclared: number | undefined;
  private bareLf: Problem | null = null;
  /** The field (or trailer) the previous line of this head belongs to: what an obs-fold line continues. */
  private foldable: number | undefined;
  /** The current message's start line, its line end included. */
  private startLineLength = 0;
  private ended = false;

  constructor(
    private readonly side: Side,
    private readonly options: AnnotateOptions = {},
  ) {}

  push(bytes: Uint8Array): void {
    if (this.ended || bytes.length === 0) return;
    // An empty queue borrows the bytes, so a body's pieces are never copied; what is left
    // unconsumed (a line's start, at most) is copied before returning: the caller may reuse them.
    if (this.queue.length === 0) this.queue.lend(bytes);
    else this.queue.append(bytes);
    this.run(false);
    this.queue.keep();
  }

  /** The peer's FIN: a body that runs until the close is complete, anything unfinished is not. */
  end(): void {
    if (this.ended) return;
    this.run(true);
    this.ended = true;
    const at = this.queue.offset;
    const msg = this.msg;
    if (msg && !msg.complete) {
      if (this.phase === 'body_close') msg.complete = true;
      else if (this.phase === 'body_length') {
        this.problem('content_length_short', at, 0, { declared: msg.declaredLength ?? 0, received: msg.bodyLength });
      } else if (this.phase === 'head') this.problem('missing_blank_line', at, 0, {});
      else if (this.phase !== 'garbage') this.problem('chunked_incomplete', at, 0, {});
    }
  }

  result(): Annotation {
    const spans = this.spans.map(copySpan);
    const pending = this.queue.length;
    if (pending > 0) spans.push({ offset: this.queue.offset, length: pending, kind: 'pending', message: this.msg?.index ?? -1 });
    return {
      side: this.side,
      length: this.queue.offset + pending,
      spans,
      // Copies all the way down: later bytes change the live ones (a folded line, a growing body).
      messages: this.messages.map((m) => ({
        ...m,
        fields: m.fields.map((f) => ({ ...f })),
        trailers: m.trailers.map((f) => ({ ...f })),
        chunks: m.chunks.map((c) => ({ ...c })),
      })),
      problems: this.problems.map((p) => ({ ...p, params: { ...p.params } })),
      ended: this.ended,
    };
  }

  /** Consumes what can be consumed; `final`: no more bytes will come, so a last line needs no LF. */
  private run(final: boolean): void {
    for (;;) {
      const view = this.queue.view();
      if (view.length === 0) return;
      switch (this.phase) {
        case 'body_length':
        case 'chunk_data': {
          const n = Math.min(this.left, view.length);
          this.take(this.phase === 'body_length' ? 'body' : 'chunk_data', n);
          this.left -= n;
          const msg = this.msg as HttpMessage;
          msg.bodyLength += n;
          if (this.phase === 'chunk_data') (msg.chunks.at(-1) as HttpMessage['chunks'][number]).dataLength += n;
          if (this.left === 0) {
            if (this.phase === 'body_length') this.finishMessage();
            else this.phase = 'chunk_end';
          }
          continue;
        }
        case 'body_close':
          (this.msg as HttpMessage).bodyLength += view.length;
          this.take('body', view.length);
          return;
        case 'garbage':
          this.take('unparsed', view.length);
          return;
        case 'chunk_end':
          if (!this.chunkEnd(view, final)) return;
          continue;
        default: {
          const lf = view.indexOf(LF);
          if (lf === -1 && view.length > MAX_LINE_BYTES) return this.lineTooLong();
          if (lf + 1 > MAX_LINE_BYTES) return this.lineTooLong();
          if (lf === -1 && !final) return; // pending until its LF (or the FIN) arrives
          const lineLength = lf === -1 ? view.length : lf + 1;
          const contentLength = lf === -1 ? view.length : lf > 0 && view[lf - 1] === CR ? lf - 1 : lf;
          this.line(latin1(view, 0, contentLength), lineLength - contentLength);
          continue;
        }
      }
    }
  }

  /** One line of a head or chunked body: its content as Latin-1, and how many bytes end it (2, 1 or 0). */
  private line(content: string, endLength: number): void {
    const lfAt = this.queue.offset + content.length;
    const before = this.msg;
    if (this.phase === 'start') this.startLine(content, endLength);
    else if (this.phase === 'chunk_size') this.chunkSizeLine(content, endLength);
    else this.fieldLine(content, endLength);
    // The line belongs to the message it started, or to the one its blank line just finished.
    if (endLength === 1) this.noteBareLf(lfAt, (this.msg ?? before)?.index ?? -1);
  }

  private startLine(content: string, endLength: number): void {
    const start = this.queue.offset;
    if (content.length === 0 && endLength > 0) {
      // RFC 9112 section 2.2: empty lines before a request line are ignored.
      return this.take('leading_empty_line', endLength);
    }
    const parsed = this.side === 'request' ? parseRequestLine(content) : parseStatusLine(content);
    if (!parsed) {
      const declared = this.previousDeclared;
      const code = declared !== undefined ? 'bytes_after_body' : 'bad_start_line';
      const params: Record<string, string | number> = declared !== undefined ? { declared } : { line: preview(content) };
      this.problem(code, start, content.length + endLength, params, -1);
      this.phase = 'garbage';
      return;
    }
    const msg: HttpMessage = {
      index: this.messages.length,
      kind: this.side,
      offset: start,
      length: 0,
      complete: false,
      version: parsed.version,
      fields: [],
      trailers: [],
      framing: 'none',
      bodyOffset: 0,
      bodyLength: 0,
      chunks: [],
    };
    if ('method' in parsed) Object.assign(msg, { method: parsed.method, target: parsed.target });
    else Object.assign(msg, { status: parsed.status, reason: parsed.reason });
    this.messages.push(msg);
    this.msg = msg;
    this.startLineLength = content.length + endLength;
    this.pieces(parsed.pieces, endLength);
    if ('problems' in parsed) for (const p of parsed.problems) this.lineProblem(p, start);
    this.phase = 'head';
    this.foldable = undefined;
  }

  private fieldLine(content: string, endLength: number): void {
    const msg = this.msg as HttpMessage;
    const start = this.queue.offset;
    if (content.length === 0) {
      this.take('blank_line', endLength);
      return this.phase === 'trailers' ? this.finishMessage() : this.headDone(msg);
    }
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

  /** The blank line: decide where the body ends (RFC 9112 section 6.3). */
  private headDone(msg: HttpMessage): void {
    msg.contentType = fieldValue(msg.fields, 'content-type');
    msg.contentEncoding = fieldValue(msg.fields, 'content-encoding');
    const method = msg.kind === 'response' ? this.options.requestMethod?.(this.answered) : undefined;
    const decision = decideFraming(msg, method);
    for (const p of decision.problems) {
      // A problem of one field points at that field; one of the whole message at its start line.
      const field = p.field >= 0 ? msg.fields[p.field] : undefined;
      this.problem(p.code, field?.offset ?? msg.offset, field?.length ?? this.startLineLength, p.params);
    }
    msg.framing = decision.framing;
    if (decision.declaredLength !== undefined) msg.declaredLength = decision.declaredLength;
    msg.bodyOffset = this.queue.offset;
    // An interim (1xx) response is followed by the final one to the same request.
    if (msg.kind === 'response' && !((msg.status ?? 0) >= 100 && (msg.status ?? 0) < 200)) this.answered++;
    if (decision.unreadable) this.phase = 'garbage';
    else if (decision.framing === 'length') {
      this.left = decision.declaredLength ?? 0;
      this.phase = 'body_length';
    } else if (decision.framing === 'chunked') this.phase = 'chunk_size';
    else if (decision.framing === 'close') this.phase = 'body_close';
    else this.finishMessage();
  }

  private chunkSizeLine(content: string, endLength: number): void {
    const msg = this.msg as HttpMessage;
    const start = this.queue.offset;
    const parsed = parseChunkSizeLine(content);
    if (!parsed.ok) {
      this.problem('bad_chunk_size', start, content.length, { line: preview(content) });
      this.phase = 'garbage';
      return;
    }
    msg.chunks.push({ offset: start, size: parsed.size, dataOffset: start + content.length + endLength, dataLength: 0 });
    msg.bodyLength += content.length + endLength;
    this.pieces(parsed.pieces, endLength);
    if (parsed.size === 0) {
      this.phase = 'trailers';
      this.foldable = undefined;
    } else {
      this.left = parsed.size;
      this.phase = 'chunk_data';
    }
  }

  /** The CRLF after chunk data; false while it has not fully arrived. */
  private chunkEnd(view: Uint8Array, final: boolean): boolean {
    const msg = this.msg as HttpMessage;
    const end = view[0] === LF ? 1 : view[0] === CR && view[1] === LF ? 2 : 0;
    if (end === 0) {
      if (view[0] === CR && view.length === 1 && !final) return false; // its LF may be next
      this.problem('bad_chunk_end', this.queue.offset, 1, {});
      this.phase = 'garbage';
      return true;
    }
    if (end === 1) this.noteBareLf(this.queue.offset, msg.index);
    msg.bodyLength += end;
    this.take('chunk_end', end);
    this.phase = 'chunk_size';
    return true;
  }

  private finishMessage(): void {
    const msg = this.msg as HttpMessage;
    msg.complete = true;
    this.previousDeclared = msg.declaredLength;
    this.msg = null;
    this.phase = 'start';
  }

  private lineTooLong(): void {
    this.problem('line_too_long', this.queue.offset, 0, {});
    this.phase = 'garbage';
    this.run(false);
  }

  /** One problem per message for bare LFs, at the first, counting the rest: they come in crowds. */
  private noteBareLf(at: number, message: number): void {
    if (this.bareLf && this.bareLf.message === message) {
      this.bareLf.params.lines = (this.bareLf.params.lines as number) + 1;
      return;
    }
    this.bareLf = this.problem('bare_lf', at, 1, { lines: 1 }, message);
  }

  /** Lays out a line's pieces from the queue's front, then its line end. */
  private pieces(pieces: readonly Piece[], endLength: number, field?: number): void {
    for (const p of pieces) if (p.length > 0) this.take(p.kind, p.length, field);
    if (endLength > 0) this.take('line_end', endLength, field);
  }

  private take(kind: SpanKind, length: number, field?: number): void {
    const offset = this.queue.offset;
    this.queue.consume(length);
    const message = this.phase === 'garbage' && !this.msg ? -1 : (this.msg?.index ?? -1);
    const last = this.spans.at(-1);
    if (last && MERGED.has(kind) && last.kind === kind && last.message === message && last.offset + last.length === offset) {
      last.length += length;
    } else {
      // One object literal per shape rather than `field` added afterwards (which costs the span a
      // second allocation for its property): spans are most of what an annotation allocates.
      this.spans.push(field === undefined ? { offset, length, kind, message } : { offset, length, kind, message, field });
    }
    const msg = message >= 0 ? this.messages[message] : undefined;
    if (msg) msg.length = offset + length - msg.offset;
  }

  private lineProblem(p: LineProblem, lineStart: number): void {
    this.problem(p.code, lineStart + p.at, p.length, p.params);
  }

  private problem(code: ProblemCode, offset: number, length: number, params: Record<string, string | number>, message = this.msg?.index ?? -1): Problem {
    const problem: Problem = { code, severity: PROBLEM_SEVERITY[code], offset, length, message, params };
    this.problems.push(problem);
    return problem;
  }
}

/** A span's copy, built as take() builds spans (a spread copies through a slower, generic path). */
function copySpan(s: Span): Span {
  return s.field === undefined
    ? { offset: s.offset, length: s.length, kind: s.kind, message: s.message }
    : { offset: s.offset, length: s.length, kind: s.kind, message: s.message, field: s.field };
}

/** The whole of `bytes` annotated at once; `ended`: the peer's FIN came after them. */
export function annotate(bytes: Uint8Array, side: Side, options: AnnotateOptions & { ended?: boolean } = {}): Annotation {
  const annotator = new HttpAnnotator(side, options);
  annotator.push(bytes);
  if (options.ended ?? true) annotator.end();
  return annotator.result();
}
