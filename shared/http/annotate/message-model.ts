// The messages the annotator finds, as they are found: the one arriving and its phase (which part
// of it the next bytes are), those before it not handed over yet, and the problems, with the rules
// that group them (a crowd of bare LFs is one problem, a run of lines outside any message is one).
// It never sees a byte: the readers of lines and bodies (shared/http/annotate/text-lines.ts,
// quick-lines.ts, annotator.ts) tell it offsets and lengths. At a head's blank line it decides
// where the body ends (RFC 9112 section 6.3, through shared/http/annotate/framing.ts).
import { PROBLEM_SEVERITY, type Field, type HttpMessage, type Problem, type ProblemCode, type RecordKind, type Side } from './annotation';
import { decideFraming, fieldValue, LastDecision } from './framing';
import { sameName } from '../transfer-coding';

/**
 * How many chunks, and how many fields and trailers together, one message keeps as records; past
 * it they are counted (HttpMessage.chunksNotKept and the rest). 20 MB of 1-byte chunks in one
 * response held 3.3 M records and peaked at 772 MB (issue 15, item 3); heads this long are
 * pathological, and their spans still show every byte.
 */
export const MAX_MESSAGE_RECORDS = 10_000;

/** Fields the annotator decides with (framing.ts, headDone): kept past the cap, or the framing would change. */
const DECIDING_FIELDS = ['content-length', 'transfer-encoding', 'upgrade', 'host', 'content-type', 'content-encoding'];

/** What keepField returns for a field it counted and did not keep: its spans point at no field. */
export const FIELD_NOT_KEPT = -1;

export type Phase = 'start' | 'head' | 'body_length' | 'body_close' | 'chunk_size' | 'chunk_data' | 'chunk_end' | 'trailers' | 'garbage' | 'tunnel';

/** For responses: the method of the request the n-th final response answers (HEAD has no body). */
export type RequestMethod = (index: number) => string | undefined;

export class MessageModel {
  /** What the next bytes are: a line of the head, of a chunked body, the body itself, bytes beyond HTTP. */
  phase: Phase = 'start';
  /** The message arriving, or null between messages (set by open() and finish()). */
  msg: HttpMessage | null = null;
  /** Body or chunk bytes still to come in the current phase. */
  left = 0;
  /** The field (or trailer) the previous line of this head belongs to: what an obs-fold line continues. */
  foldable: number | undefined;
  /** The message opened last, and the one before it: what a like line reuses the strings of (see Texts in scan.ts). */
  latest: HttpMessage | undefined;
  beforeLatest: HttpMessage | undefined;
  /**
   * Content-Length of the previous message, if it had one that framed its body: bytes after such
   * a body are suspect. `Content-Length: 0` counts too (framing `none`, but declared: RFC 9112
   * section 6.3 rule 6), so a POST whose Content-Length says 0 and that sends a body anyway is
   * told as bytes after the body, not as a start line that is not HTTP.
   */
  previousDeclared: number | undefined;
  /** Messages and problems not taken yet (takeMessages, takeProblems hand them over and forget them). */
  private messages: HttpMessage[] = [];
  private problems: Problem[] = [];
  /** Messages opened so far, taken or not: the next one's index. */
  private messageCount = 0;
  /** Messages opened so far, taken or not. */
  get opened(): number {
    return this.messageCount;
  }

  /** The problem found last, taken or not: a run of lines outside any message grows it. */
  private lastProblem: Problem | undefined;
  /** The bare_lf problem counting the current message's bare LFs (or those outside any message). */
  private bareLf: Problem | null = null;
  /** The current message's start line, its line end included: where a problem of the whole message points. */
  private startLineLength = 0;
  /** Final responses seen: which request the next one answers. */
  private answered = 0;
  /** The records_not_kept problems of the current message (or the last one that had them), counting its records. */
  private chunksNotKept: Problem | null = null;
  private fieldsNotKept: Problem | null = null;
  /** The head decided last: a head like it is not decided again (see LastDecision). */
  private readonly lastDecision = new LastDecision();

  constructor(
    readonly side: Side,
    private readonly requestMethod?: RequestMethod,
    private readonly maxRecords = MAX_MESSAGE_RECORDS,
  ) {}

  /** A new message, from a start line at `offset`; its head comes next. */
  open(offset: number, version: string, startLineLength: number): HttpMessage {
    const msg: HttpMessage = {
      index: this.messageCount++,
      kind: this.side,
      offset,
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

  /** The blank line that ends a head (not a trailer section) came, its body starting at `bodyOffset`: decide where the body ends (RFC 9112 section 6.3). */
  headDone(bodyOffset: number): void {
    const msg = this.msg as HttpMessage;
    const method = msg.kind === 'response' ? this.requestMethod?.(this.answered) : undefined;
    const last = this.lastDecision;
    let decision = last.sameAs(msg, method);
    if (decision !== undefined) {
      msg.contentType = last.contentType;
      msg.contentEncoding = last.contentEncoding;
    } else {
      msg.contentType = fieldValue(msg.fields, 'content-type');
      msg.contentEncoding = fieldValue(msg.fields, 'content-encoding');
      decision = decideFraming(msg, method);
      last.keep(msg, method, decision);
    }
    for (const p of decision.problems) {
      // A problem of one field points at that field; one of the whole message at its start line.
      const field = p.field >= 0 ? msg.fields[p.field] : undefined;
      this.problem(p.code, field?.offset ?? msg.offset, field?.length ?? this.startLineLength, p.params);
    }
    msg.framing = decision.framing;
    if (decision.declaredLength !== undefined) msg.declaredLength = decision.declaredLength;
    msg.bodyOffset = bodyOffset;
    // An interim (1xx) response is followed by the final one to the same request.
    if (msg.kind === 'response' && !((msg.status ?? 0) >= 100 && (msg.status ?? 0) < 200)) this.answered++;
    if (decision.unreadable) this.phase = 'garbage';
    else if (decision.framing === 'length') {
      this.left = decision.declaredLength ?? 0;
      this.phase = 'body_length';
    } else if (decision.framing === 'chunked') this.phase = 'chunk_size';
    else if (decision.framing === 'close') this.phase = 'body_close';
    else this.finish(bodyOffset);
    // RFC 9112 section 6.3 rule 2: what follows a 101 or a 2xx to CONNECT is not HTTP, and in no message.
    if (decision.framing === 'tunnel') this.phase = 'tunnel';
  }

  /** A chunk-size line read at `offset`: the chunk it starts (its data next), or the last chunk (trailers next). */
  chunkSized(offset: number, size: number, lineLength: number): void {
    const msg = this.msg as HttpMessage;
    if (msg.chunks.length < this.maxRecords) msg.chunks.push({ offset, size, dataOffset: offset + lineLength, dataLength: 0 });
    else {
      msg.chunksNotKept = (msg.chunksNotKept ?? 0) + 1;
      msg.chunkDataNotKept ??= 0;
      this.chunksNotKept = this.notKept(this.chunksNotKept, 'chunks', msg.chunks.length + msg.chunksNotKept, { offset, length: lineLength });
    }
    msg.bodyLength += lineLength;
    if (size === 0) {
      this.phase = 'trailers';
      this.foldable = undefined;
    } else {
      this.left = size;
      this.phase = 'chunk_data';
    }
  }

  /** `n` chunk data bytes of the current message arrived: the last chunk's, kept or counted. */
  chunkData(n: number): void {
    const msg = this.msg as HttpMessage;
    msg.bodyLength += n;
    if (msg.chunkDataNotKept === undefined) (msg.chunks.at(-1) as HttpMessage['chunks'][number]).dataLength += n;
    else msg.chunkDataNotKept += n;
  }

  /**
   * A field line of the head (or trailer section) read, `field` its record: kept, its index
   * returned, or past the cap counted (FIELD_NOT_KEPT returned). A field the framing is decided by
   * is kept past the cap too, so a huge head is framed exactly as before.
   */
  keepField(field: Field): number {
    const msg = this.msg as HttpMessage;
    const trailers = this.phase === 'trailers';
    const list = trailers ? msg.trailers : msg.fields;
    let index = FIELD_NOT_KEPT;
    if (msg.fields.length + msg.trailers.length < this.maxRecords || (!trailers && DECIDING_FIELDS.some((name) => sameName(field.name, name)))) {
      list.push(field);
      index = list.length - 1;
    } else if (trailers) msg.trailersNotKept = (msg.trailersNotKept ?? 0) + 1;
    else msg.fieldsNotKept = (msg.fieldsNotKept ?? 0) + 1;
    const notKept = (msg.fieldsNotKept ?? 0) + (msg.trailersNotKept ?? 0);
    // The problem's total counts every field and trailer, a deciding one kept past the cap too.
    if (notKept > 0) this.fieldsNotKept = this.notKept(this.fieldsNotKept, 'fields', msg.fields.length + msg.trailers.length + notKept, field);
    return index;
  }

  /** The message's one problem saying its records of `kind` are not all kept: made at the first not kept, its total counted after. */
  private notKept(problem: Problem | null, kind: RecordKind, total: number, at: { offset: number; length: number }): Problem {
    if (problem && problem.message === (this.msg as HttpMessage).index) {
      problem.params.total = total;
      return problem;
    }
    return this.problem('records_not_kept', at.offset, at.length, { kind, kept: this.maxRecords, total });
  }

  /** The current message is complete, its last byte just before `end`; a start line comes next. */
  finish(end: number): void {
    const msg = this.msg as HttpMessage;
    msg.complete = true;
    if (msg.framing === 'chunked') msg.bodyLength = end - msg.bodyOffset;
    this.previousDeclared = msg.declaredLength;
    this.msg = null;
    this.phase = 'start';
  }

  /** The peer's FIN, the stream ending at `end`: a body that runs until the close is complete, anything unfinished is not. */
  fin(end: number): void {
    const msg = this.msg;
    if (!msg || msg.complete) return;
    if (this.phase === 'body_close') msg.complete = true;
    else if (this.phase === 'body_length') this.problem('content_length_short', end, 0, { declared: msg.declaredLength ?? 0, received: msg.bodyLength });
    else if (this.phase === 'head') this.problem('missing_blank_line', end, 0, {});
    else if (this.phase !== 'garbage') this.problem('chunked_incomplete', end, 0, {});
  }

  problem(code: ProblemCode, offset: number, length: number, params: Record<string, string | number>, message = this.msg?.index ?? -1): Problem {
    const problem: Problem = { code, severity: PROBLEM_SEVERITY[code], offset, length, message, params };
    this.problems.push(problem);
    this.lastProblem = problem;
    return problem;
  }

  /**
   * A problem of bytes outside any message; one right after another of the same code grows it
   * (a run of empty lines, then text after a body, is one problem, its lines counted).
   */
  outsideProblem(code: ProblemCode, offset: number, length: number, params: Record<string, string | number>): void {
    const last = this.lastProblem;
    if (last && last.code === code && last.message === -1 && last.offset + last.length === offset) {
      last.length += length;
      if (typeof last.params.lines === 'number') last.params.lines += 1;
      return;
    }
    this.problem(code, offset, length, params, -1);
  }

  /** A bare LF at `at`: one problem per message, at the first, counting the rest (they come in crowds). */
  noteBareLf(at: number, message: number): void {
    if (this.bareLf && this.bareLf.message === message) {
      this.bareLf.params.lines = (this.bareLf.params.lines as number) + 1;
      return;
    }
    this.bareLf = this.problem('bare_lf', at, 1, { lines: 1 }, message);
  }

  /**
   * Whether a problem already handed over may still change, the stream having reached `end`: a
   * bare_lf problem counts the bare LFs of its message until the message is done (and of the bytes
   * outside any message, till the end), and one of a run of lines outside any message grows while the run goes on.
   */
  mayChange(problem: Problem, end: number): boolean {
    if (problem === this.bareLf) return problem.message === -1 || problem.message === this.msg?.index;
    // A records_not_kept problem counts its message's records (its total) until the message is done.
    if (problem === this.chunksNotKept || problem === this.fieldsNotKept) return problem.message === this.msg?.index;
    return problem === this.lastProblem && problem.message === -1 && problem.offset + problem.length === end;
  }

  /** Hands over the messages no later byte can change, and forgets them: all but the one still arriving. */
  takeMessages(): HttpMessage[] {
    const current = this.msg;
    const all = this.messages;
    // Only the last message opened can still be arriving (a message opens once the one before is done).
    const keep = current !== null && all.at(-1) === current;
    this.messages = keep ? [current] : [];
    return keep ? all.slice(0, -1) : all;
  }

  /** Hands over the problems found since the last take, and forgets them (mayChange says which may still change). */
  takeProblems(): Problem[] {
    const problems = this.problems;
    this.problems = [];
    return problems;
  }

  /** Forgets every message and problem not taken yet, the one arriving too: they were handed over as copies (the last take). */
  forgetAll(): void {
    this.messages = [];
    this.problems = [];
  }

  /**
   * The messages not taken yet: the one still arriving as a copy all the way down (later bytes
   * change it: a folded line, a growing body), the finished ones as they are, since no later byte
   * changes them (what takeMessages hands over too). Copying those was most of result()'s time
   * on a stream of many small messages (bench/annotate.ts); a caller must not change them.
   */
  copyMessages(): HttpMessage[] {
    const current = this.msg;
    return this.messages.map((m) => (m === current ? this.copyArriving(m) : m));
  }

  private copyArriving(m: HttpMessage): HttpMessage {
    const trailing = this.phase === 'trailers' ? this.msg : null;
    return {
      ...m,
      // A chunked body runs to the message's end, trailers included (RFC 9112 section 7.1); while
      // they arrive, that is where the message has got to (finish() sets it once complete).
      bodyLength: m === trailing ? m.offset + m.length - m.bodyOffset : m.bodyLength,
      fields: m.fields.map((f) => ({ ...f })),
      trailers: m.trailers.map((f) => ({ ...f })),
      chunks: m.chunks.map((c) => ({ ...c })),
    };
  }

  /** The problems not taken yet, as copies. */
  copyProblems(): Problem[] {
    return this.problems.map((p) => ({ ...p, params: { ...p.params } }));
  }
}
