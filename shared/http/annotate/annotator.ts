// The HTTP/1.x annotator: fed one direction of a connection chunk by chunk, it attributes every
// byte to exactly one span (request or status line parts, each field, the blank line, the body,
// chunk sizes, data and terminators, trailers), finds the messages (keep-alive and pipelined ones
// too) and reports problems at their bytes. Bytes it cannot place are still attributed: `unparsed`.
//
// Splitting the input anywhere gives the same result as feeding it whole: head lines are read only
// once their LF has arrived (until then they are `pending`), body bytes are consumed as they come
// and their spans merged, and every limit is checked the same way in both cases.
// Only the unconsumed tail (at most one line, 64 KiB) is kept, so a 100 MB stream costs its spans;
// a reader that hands them on as it goes (takeFinished, as `wirebench annotate` does) costs nothing
// that grows with the stream: what is finished is handed over and forgotten.
import type { Annotation, HttpMessage, Problem, Side, Span } from './annotation';
import { decideFraming, fieldValue } from './framing';
import { QuickReader } from './quick';
import { MAX_LINE_BYTES } from './reader';
import { KIND } from './spans';
import { CR, LF } from '../syntax';

export { MAX_LINE_BYTES } from './reader';

export interface AnnotateOptions {
  /** For responses: the method of the request the n-th final response answers (HEAD has no body). */
  requestMethod?: (index: number) => string | undefined;
}

/** What takeFinished hands over: the part of the annotation after what it handed over before. */
export interface AnnotationPart {
  /** In order, contiguous with the last part's; offsets count from the stream's first byte. */
  spans: Span[];
  /** In order of their index; finished (complete, or the last one once nothing more can come). */
  messages: HttpMessage[];
  /** In the order found. The annotator's own objects: one may still change while mayChange() says so. */
  problems: Problem[];
}

/** The line reading is QuickReader's and LineReader's (shared/http/annotate/quick.ts, reader.ts); this drives it, and reads bodies. */
export class HttpAnnotator extends QuickReader {
  /** Final responses seen: which request the next one answers. */
  private answered = 0;
  private ended = false;

  constructor(
    side: Side,
    private readonly options: AnnotateOptions = {},
  ) {
    super(side);
  }

  push(bytes: Uint8Array): void {
    if (this.ended || bytes.length === 0) return;
    const queue = this.queue;
    // A line's start left from the last push is completed up to the next LF only, so only that is
    // copied; once the queue is empty it borrows the rest of the bytes, so the pieces of a body or
    // of a run of lines are never copied. What is left unconsumed then (a line's start, at most) is
    // copied before returning: the caller may reuse its bytes. Reading the bytes in more pieces
    // than they came in changes nothing: any split gives the same annotation.
    let at = 0;
    while (queue.length > 0 && at < bytes.length) {
      const lf = bytes.indexOf(LF, at);
      const cut = lf === -1 ? bytes.length : lf + 1;
      queue.append(at === 0 && cut === bytes.length ? bytes : bytes.subarray(at, cut));
      at = cut;
      this.run(false);
    }
    if (at < bytes.length) {
      queue.lend(at === 0 ? bytes : bytes.subarray(at));
      this.run(false);
    }
    queue.keep();
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

  /** The annotation so far: of everything, or, once takeFinished has been called, of what it has not handed over yet. */
  result(): Annotation {
    const spans = this.spans.toSpans();
    const pending = this.queue.length;
    if (pending > 0) spans.push({ offset: this.queue.offset, length: pending, kind: 'pending', message: this.msg?.index ?? -1 });
    const trailing = this.phase === 'trailers' ? this.msg : null;
    return {
      side: this.side,
      length: this.queue.offset + pending,
      spans,
      // Copies all the way down: later bytes change the live ones (a folded line, a growing body).
      messages: this.messages.map((m) => ({
        ...m,
        // A chunked body runs to the message's end, trailers included (RFC 9112 section 7.1); while
        // they arrive, that is where the message has got to (finishMessage sets it once complete).
        bodyLength: m === trailing ? m.offset + m.length - m.bodyOffset : m.bodyLength,
        fields: m.fields.map((f) => ({ ...f })),
        trailers: m.trailers.map((f) => ({ ...f })),
        chunks: m.chunks.map((c) => ({ ...c })),
      })),
      problems: this.problems.map((p) => ({ ...p, params: { ...p.params } })),
      ended: this.ended,
    };
  }

  /**
   * Hands over what no later byte can change, and forgets it: the spans but the last (the next
   * bytes may lengthen it), the messages but the one still arriving, the problems found. Called
   * after each push, it keeps the annotator's memory from growing with the stream; the parts
   * joined are exactly result() of the same bytes without it (then takeRest() for the end).
   */
  takeFinished(): AnnotationPart {
    if (this.ended) return this.takeRest();
    const spans = this.spans.take(false);
    const current = this.msg;
    const all = this.messages;
    // Only the last message opened can still be arriving (a message opens once the one before is done).
    const keep = current !== null && all.at(-1) === current;
    this.messages = keep ? [current] : [];
    const problems = this.problems;
    this.problems = [];
    return { spans, messages: keep ? all.slice(0, -1) : all, problems };
  }

  /** Everything not handed over yet, as result() gives it (the pending bytes too): the last take. */
  takeRest(): AnnotationPart {
    const { spans, messages, problems } = this.result();
    this.spans.take(true);
    this.messages = [];
    this.problems = [];
    return { spans, messages, problems };
  }

  /**
   * Whether a problem already handed over may still change: a bare_lf problem counts the bare
   * LFs of its message until the message is done (and of the bytes outside any message, till the
   * end), and one of a run of lines outside any message grows while the run goes on.
   */
  mayChange(problem: Problem): boolean {
    if (this.ended) return false;
    if (problem === this.bareLf) return problem.message === -1 || problem.message === this.msg?.index;
    return problem === this.lastProblem && problem.message === -1 && problem.offset + problem.length === this.queue.offset;
  }

  /** Bytes put in spans so far; the ones after (a line's start, at most MAX_LINE_BYTES) wait for their end. */
  get spanned(): number {
    return this.queue.offset;
  }

  /** Consumes what can be consumed; `final`: no more bytes will come, so a last line needs no LF. */
  private run(final: boolean): void {
    const queue = this.queue;
    for (;;) {
      const available = queue.length;
      if (available === 0) return;
      switch (this.phase) {
        case 'body_length':
        case 'chunk_data': {
          const n = Math.min(this.left, available);
          this.take(this.phase === 'body_length' ? KIND.body : KIND.chunk_data, n);
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
          (this.msg as HttpMessage).bodyLength += available;
          this.take(KIND.body, available);
          return;
        case 'garbage':
          this.take(KIND.unparsed, available);
          return;
        case 'tunnel':
          this.take(KIND.tunnel, available);
          return;
        case 'chunk_end':
          if (!this.chunkEnd(final)) return;
          continue;
        default: {
          // The line is read where it lies in the queue: no view, no string of the whole line.
          const bytes = queue.data;
          const start = queue.start;
          const end = queue.end;
          if (this.quickLine(bytes, start, end)) continue;
          const lf = lineFeed(bytes, start, end);
          if (lf === -1 && available > MAX_LINE_BYTES) return this.lineTooLong();
          if (lf - start + 1 > MAX_LINE_BYTES) return this.lineTooLong();
          if (lf === -1 && !final) return; // pending until its LF (or the FIN) arrives
          const lineEnd = lf === -1 ? end : lf + 1;
          const contentEnd = lf === -1 ? end : lf > start && bytes[lf - 1] === CR ? lf - 1 : lf;
          this.line(bytes, start, contentEnd, lineEnd - contentEnd);
          continue;
        }
      }
    }
  }

  /** The blank line: decide where the body ends (RFC 9112 section 6.3). */
  protected headDone(msg: HttpMessage): void {
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
    // RFC 9112 section 6.3 rule 2: what follows a 101 or a 2xx to CONNECT is not HTTP, and in no message.
    if (decision.framing === 'tunnel') this.phase = 'tunnel';
  }

  /** The CRLF after chunk data; false while it has not fully arrived. */
  private chunkEnd(final: boolean): boolean {
    const msg = this.msg as HttpMessage;
    const queue = this.queue;
    const first = queue.data[queue.start];
    const single = queue.length === 1;
    const end = first === LF ? 1 : first === CR && !single && queue.data[queue.start + 1] === LF ? 2 : 0;
    if (end === 0) {
      if (first === CR && single && !final) return false; // its LF may be next
      this.problem('bad_chunk_end', this.queue.offset, 1, {});
      this.phase = 'garbage';
      return true;
    }
    if (end === 1) this.noteBareLf(this.queue.offset, msg.index);
    msg.bodyLength += end;
    this.take(KIND.chunk_end, end);
    this.phase = 'chunk_size';
    return true;
  }

  protected finishMessage(): void {
    const msg = this.msg as HttpMessage;
    msg.complete = true;
    if (msg.framing === 'chunked') msg.bodyLength = this.queue.offset - msg.bodyOffset;
    this.previousDeclared = msg.declaredLength;
    this.msg = null;
    this.phase = 'start';
  }

  private lineTooLong(): void {
    this.problem('line_too_long', this.queue.offset, 0, {});
    this.phase = 'garbage';
    this.run(false);
  }
}

/** The LF in bytes [start, end), or -1 (bytes past `end` may be stale: the queue's buffer is larger). */
function lineFeed(bytes: Uint8Array, start: number, end: number): number {
  const lf = bytes.indexOf(LF, start);
  return lf < end ? lf : -1;
}

/** The whole of `bytes` annotated at once; `ended`: the peer's FIN came after them. */
export function annotate(bytes: Uint8Array, side: Side, options: AnnotateOptions & { ended?: boolean } = {}): Annotation {
  const annotator = new HttpAnnotator(side, options);
  annotator.push(bytes);
  if (options.ended ?? true) annotator.end();
  return annotator.result();
}