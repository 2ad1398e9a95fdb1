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
import type { Annotation, BodyFraming, HttpMessage, Problem, Side } from './annotation';
import { Cursor } from './cursor';
import { LineReader, NEXT_LINE } from './line-reader';
import { MessageModel, type Phase } from './message-model';
import { QuickLines } from './quick-lines';
import type { SpanTable } from './span-table';
import { KIND, SpanStore } from './spans';
import { TextLines } from './text-lines';
import { CR, LF } from '../syntax';

export { MAX_LINE_BYTES } from './line-reader';
export { MAX_MESSAGE_RECORDS } from './message-model';

export interface AnnotateOptions {
  /** For responses: the method of the request the n-th final response answers (HEAD has no body). */
  requestMethod?: (index: number) => string | undefined;
  /** How many chunks, and fields, one message keeps as records (default MAX_MESSAGE_RECORDS); the rest are counted. */
  maxRecords?: number;
}

/**
 * Where the stream stands for what comes next, read without copying the annotation: what the
 * next bytes must be (a head line, body bytes by Content-Length, a chunk-size line, the rest of a
 * body read until the close) and how many are still due. What "why is it waiting?" reads
 * (shared/waiting/); it changes nothing in the annotation.
 */
export interface MessageProgress {
  /** What the next bytes are; 'start' between messages (or while a start line arrives). */
  phase: Phase;
  /** Bytes of a line whose LF has not come yet (they are `pending` in the spans). */
  pendingBytes: number;
  /** body_length and chunk_data: the bytes still due in it; otherwise 0. */
  bytesDue: number;
  /** The message arriving, or null between messages. */
  message: { index: number; method?: string; status?: number; framing: BodyFraming } | null;
  /** Messages opened so far (the one arriving included). */
  messages: number;
  /** The FIN came: nothing more will. */
  ended: boolean;
}

/** What takeFinished hands over: the part of the annotation after what it handed over before. */
export interface AnnotationPart {
  /** In order, contiguous with the last part's; offsets count from the stream's first byte. */
  spans: SpanTable;
  /** In order of their index; finished (complete, or the last one once nothing more can come). */
  messages: HttpMessage[];
  /** In the order found. The annotator's own objects: one may still change while mayChange() says so. */
  problems: Problem[];
}

/**
 * Drives the parts, each in its own file: the line reader (bytes in, lines out), the span store,
 * the message model (the message arriving, its phase, the problems), the readers of lines (quick,
 * then as text) laying out through the cursor. Here: which part reads the next bytes, and bodies.
 * Each part is one concrete class in a readonly field, so the calls of the hot loops stay
 * monomorphic (V8 inlines them) as they were when the parts were one class.
 */
export class HttpAnnotator {
  private readonly lines = new LineReader();
  private readonly spans = new SpanStore();
  private readonly model: MessageModel;
  private readonly cursor: Cursor;
  private readonly quick: QuickLines;
  private readonly text: TextLines;
  private ended = false;

  constructor(
    private readonly side: Side,
    options: AnnotateOptions = {},
  ) {
    this.model = new MessageModel(side, options.requestMethod, options.maxRecords);
    this.cursor = new Cursor(this.lines, this.spans, this.model);
    this.quick = new QuickLines(this.lines, this.cursor, this.model);
    this.text = new TextLines(this.lines, this.cursor, this.model);
  }

  push(bytes: Uint8Array): void {
    if (this.ended || bytes.length === 0) return;
    // In pieces (see LineReader): whatever the pieces, the same lines, so the same annotation.
    const lines = this.lines;
    lines.feed(bytes);
    while (lines.nextPiece()) this.run(false);
    lines.keep();
  }

  /** The peer's FIN: a body that runs until the close is complete, anything unfinished is not. */
  end(): void {
    if (this.ended) return;
    this.run(true);
    this.ended = true;
    this.model.fin(this.lines.offset);
  }

  /** The annotation so far: of everything, or, once takeFinished has been called, of what it has not handed over yet. */
  result(): Annotation {
    const pending = this.lines.length;
    const offset = this.lines.offset;
    const spans = this.spans.toTable(pending, this.model.msg?.index ?? -1);
    return {
      side: this.side,
      length: offset + pending,
      spans,
      messages: this.model.copyMessages(),
      problems: this.model.copyProblems(),
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
    return { spans, messages: this.model.takeMessages(), problems: this.model.takeProblems() };
  }

  /** Everything not handed over yet, as result() gives it (the pending bytes too): the last take. */
  takeRest(): AnnotationPart {
    const { spans, messages, problems } = this.result();
    this.spans.take(true);
    this.model.forgetAll();
    return { spans, messages, problems };
  }

  /**
   * Whether a problem already handed over may still change: a bare_lf problem counts the bare
   * LFs of its message until the message is done (and of the bytes outside any message, till the
   * end), and one of a run of lines outside any message grows while the run goes on.
   */
  mayChange(problem: Problem): boolean {
    return !this.ended && this.model.mayChange(problem, this.lines.offset);
  }

  /** Where the message in progress stands (see MessageProgress); cheap, and changes nothing. */
  progress(): MessageProgress {
    const model = this.model;
    const msg = model.msg;
    const due = model.phase === 'body_length' || model.phase === 'chunk_data';
    return {
      phase: model.phase,
      pendingBytes: this.lines.length,
      bytesDue: due ? model.left : 0,
      message: msg ? { index: msg.index, method: msg.method, status: msg.status, framing: msg.framing } : null,
      messages: model.opened,
      ended: this.ended,
    };
  }

  /** Bytes put in spans so far; the ones after (a line's start, at most MAX_LINE_BYTES) wait for their end. */
  get spanned(): number {
    return this.lines.offset;
  }

  /** Consumes what can be consumed; `final`: no more bytes will come, so a last line needs no LF. */
  private run(final: boolean): void {
    const lines = this.lines;
    const model = this.model;
    const cursor = this.cursor;
    for (;;) {
      const available = lines.length;
      if (available === 0) return;
      switch (model.phase) {
        case 'body_length':
        case 'chunk_data': {
          const body = model.phase === 'body_length';
          const n = Math.min(model.left, available);
          cursor.take(body ? KIND.body : KIND.chunk_data, n);
          model.left -= n;
          if (body) (model.msg as HttpMessage).bodyLength += n;
          else model.chunkData(n);
          if (model.left === 0) {
            if (body) model.finish(lines.offset);
            else model.phase = 'chunk_end';
          }
          continue;
        }
        case 'body_close':
          (model.msg as HttpMessage).bodyLength += available;
          cursor.take(KIND.body, available);
          return;
        case 'garbage':
          cursor.take(KIND.unparsed, available);
          return;
        case 'tunnel':
          cursor.take(KIND.tunnel, available);
          return;
        case 'chunk_end':
          if (!this.chunkEnd(final)) return;
          continue;
        default: {
          // The line is read where it lies in the queue: no view, no string of the whole line.
          const bytes = lines.data;
          const start = lines.start;
          if (this.quick.read(bytes, start, lines.end)) continue;
          const next = lines.nextLine(final);
          if (next === NEXT_LINE.pending) return; // until its LF (or the FIN) arrives
          if (next === NEXT_LINE.tooLong) return this.lineTooLong();
          this.text.line(bytes, start, lines.contentEnd, lines.lineEnd - lines.contentEnd);
          continue;
        }
      }
    }
  }

  /** The CRLF after chunk data; false while it has not fully arrived. */
  private chunkEnd(final: boolean): boolean {
    const model = this.model;
    const msg = model.msg as HttpMessage;
    const lines = this.lines;
    const first = lines.data[lines.start];
    const single = lines.length === 1;
    const end = first === LF ? 1 : first === CR && !single && lines.data[lines.start + 1] === LF ? 2 : 0;
    if (end === 0) {
      if (first === CR && single && !final) return false; // its LF may be next
      model.problem('bad_chunk_end', lines.offset, 1, {});
      model.phase = 'garbage';
      return true;
    }
    if (end === 1) model.noteBareLf(lines.offset, msg.index);
    msg.bodyLength += end;
    this.cursor.take(KIND.chunk_end, end);
    model.phase = 'chunk_size';
    return true;
  }

  private lineTooLong(): void {
    this.model.problem('line_too_long', this.lines.offset, 0, {});
    this.model.phase = 'garbage';
    this.run(false);
  }
}

/** The whole of `bytes` annotated at once; `ended`: the peer's FIN came after them. */
export function annotate(bytes: Uint8Array, side: Side, options: AnnotateOptions & { ended?: boolean } = {}): Annotation {
  const annotator = new HttpAnnotator(side, options);
  annotator.push(bytes);
  if (options.ended ?? true) annotator.end();
  return annotator.result();
}