// annotate's text dump (the lines of annotate-lines.ts), made as the annotator hands over what is
// finished, so that a 100 MB input is never held whole, as bytes, spans or lines.
// Small inputs are held (fewer than HOLD spans and problems, with each span's preview already made) and
// dumped at the end by dumpLines, exactly as the whole input at once would be: each column as wide
// as its widest entry. From HOLD on the dump streams: the columns widen as wider entries come (the
// offsets grow), a message's heading is printed once it is finished (its spans wait for it, up to
// HOLD; a message longer than that gets a heading as it stands, and its full heading after its
// spans), and the problems, listed after all the spans, wait in a Spill.
import type { HttpMessage, Problem, Side, Span } from '../../shared/http/annotate/annotation';
import type { AnnotationPart, HttpAnnotator } from '../../shared/http/annotate/annotator';
import type { Translate } from './cli-context';
import type { BatchWriter } from './annotate-output';
import { dumpLines, heading, previewBytes, problemLine, spanLine, summary, widenForProblem, widenForSpan, type Columns } from './annotate-lines';
import { SpanBytes } from './annotate-span-bytes';
import { Spill } from './annotate-spill';
import { rememberingShapes } from './annotate-words';
import type { Language } from '../../shared/i18n/languages';
import { preview } from './journal-lines';

/** Spans and problems held before the dump streams; also the spans of one message held before its heading. */
export const HOLD = 1 << 18;
/** Spans this short are shown from a cache: a stream of requests repeats "GET", " ", "HTTP/1.1", CRLF millions of times. */
const SHORT = 32;
const MAX_SHOWN = 1 << 16;

interface Held {
  spans: Span[];
  shown: string[];
  messages: HttpMessage[];
  problems: Problem[];
}

/** The spans of one message (or a run of bytes outside any), as they are printed. */
interface Run {
  message: number;
  /** Spans waiting for the message's heading (null once it is printed). */
  waiting: { span: Span; shown: string }[] | null;
  /** Its heading was printed before the message was finished: its full heading follows its spans. */
  early: boolean;
  finished: HttpMessage | null;
}

export interface DumpOptions {
  side: Side;
  /** Whether the end of the input counts as the peer's FIN (not --no-fin): what an unfinished message is called. */
  ended: boolean;
  /** Where a temporary file may be made, should the problems outgrow memory. */
  tmp: string;
  previewChars: number;
  /** Spans and problems held before the dump streams (HOLD). */
  hold?: number;
  /** Spans of one message held before its heading, once the dump streams (HOLD). */
  messageHold?: number;
  /** The language `t` speaks, for the amounts put into its sentences (default English). */
  language?: Language;
}

export class TextDump {
  private readonly bytes: SpanBytes;
  private held: Held | null = { spans: [], shown: [], messages: [], problems: [] };
  private readonly hold: number;
  private readonly messageHold: number;
  private readonly columns: Columns = { at: 0, kind: 0, severity: 0 };
  private readonly problems: Spill<Problem>;
  /** Messages handed over before their first span was printed. */
  private readonly finished = new Map<number, HttpMessage>();
  private run: Run | null = null;
  private readonly t: Translate;
  /** The preview of a short span, by its bytes (one char a byte). */
  private readonly shownCache = new Map<string, string>();
  private spans = 0;
  private messages = 0;
  private length = 0;

  constructor(
    t: Translate,
    private readonly out: BatchWriter,
    private readonly annotator: HttpAnnotator,
    private readonly options: DumpOptions,
  ) {
    // Millions of headings and previews: each sentence's shape made once (annotate-words.ts).
    this.t = rememberingShapes(t, options.language);
    this.bytes = new SpanBytes(previewBytes(options.previewChars));
    this.hold = options.hold ?? HOLD;
    this.messageHold = options.messageHold ?? HOLD;
    this.problems = new Spill<Problem>('', (p) => `${problemLine(this.t, this.columns, p)}\n`, options.tmp);
  }

  /** The next bytes of the input, before the annotator gets them. */
  input(offset: number, chunk: Uint8Array): void {
    // A plain view of the same memory: Buffer's own subarray is a slower path, taken for every span.
    this.bytes.add(offset, new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
  }

  /** What the annotator handed over after a push (takeFinished), or at the end (takeRest). */
  async part(part: AnnotationPart): Promise<void> {
    // Objects from here on: each span becomes a line of text, which costs far more than its object.
    const spans = part.spans.toArray();
    const shown = spans.map((s) => this.shown(s));
    if (spans.length > 0) this.length = part.spans.end;
    // Of the input, only the span that may still grow (its start) and what is in no span yet are shown later.
    this.bytes.keep(this.length, this.annotator.spanned);
    const held = this.held;
    if (held) {
      for (const [i, s] of spans.entries()) {
        held.spans.push(s);
        held.shown.push(shown[i] as string);
      }
      // Loops, not push(...spread): one read of 64 KiB of empty lines is 65,536 spans, past the argument limit.
      for (const m of part.messages) held.messages.push(m);
      for (const p of part.problems) held.problems.push(p);
      if (held.spans.length + held.problems.length >= this.hold) await this.startStreaming(held);
      return;
    }
    await this.stream(spans, shown, part.messages, part.problems);
  }

  /** How a span's bytes are shown: its start, made visible (journal-lines.ts preview). */
  private shown(span: Span): string {
    const bytes = this.bytes.start(span.offset, span.length);
    if (span.length > SHORT) return preview(this.t, bytes, this.options.previewChars, span.length);
    let key = '';
    for (let i = 0; i < bytes.length; i++) key += String.fromCharCode(bytes[i] as number);
    let text = this.shownCache.get(key);
    if (text === undefined) {
      if (this.shownCache.size >= MAX_SHOWN) this.shownCache.clear();
      text = preview(this.t, bytes, this.options.previewChars, span.length);
      this.shownCache.set(key, text);
    }
    return text;
  }

  /** The last lines, once the rest is handed over: the problems, then the summary. */
  async finish(): Promise<void> {
    const { side, ended } = this.options;
    const held = this.held;
    if (held) {
      const annotation = { side, length: this.length, spans: held.spans, messages: held.messages, problems: held.problems, ended };
      const lines = dumpLines(this.t, annotation, (_, i) => held.shown[i] as string);
      for (const line of lines) {
        this.out.line(line);
        if (this.out.waiting) await this.out.settle();
      }
      return;
    }
    this.closeRun();
    if (this.spans > 0) this.out.line('');
    if (this.problems.count === 0) this.out.line(this.t('cli.annotate.noProblems'));
    else {
      this.out.line(this.t('cli.annotate.problems', { count: this.problems.count }));
      await this.problems.copyTo(this.out);
    }
    this.out.line(summary(this.t, side, this.length, this.messages, ended));
  }

  close(): void {
    this.problems.close();
  }

  /** Too much to hold: the columns as wide as what is held needs, and on from there as it comes. */
  private async startStreaming(held: Held): Promise<void> {
    this.held = null;
    for (const s of held.spans) widenForSpan(this.columns, s);
    for (const p of held.problems) widenForProblem(this.columns, p);
    await this.stream(held.spans, held.shown, held.messages, held.problems);
  }

  private async stream(spans: readonly Span[], shown: readonly string[], messages: readonly HttpMessage[], problems: readonly Problem[]): Promise<void> {
    for (const m of messages) this.messageFinished(m);
    for (const [i, span] of spans.entries()) {
      this.spans++;
      if (this.run?.message !== span.message) this.openRun(span.message);
      const run = this.run as Run;
      widenForSpan(this.columns, span);
      const text = shown[i] as string;
      if (run.waiting === null) this.out.line(spanLine(this.columns, span, text));
      else {
        run.waiting.push({ span, shown: text });
        if (run.waiting.length > this.messageHold) this.earlyHeading(run);
      }
      if (this.out.waiting) await this.out.settle();
    }
    for (const p of problems) {
      widenForProblem(this.columns, p);
      // One that may still change is rendered when the list is printed, at the end.
      if (this.annotator.mayChange(p)) this.problems.addLive(p);
      else this.problems.add(`${problemLine(this.t, this.columns, p)}\n`);
    }
    await this.out.settle();
  }

  private messageFinished(m: HttpMessage): void {
    this.messages++;
    const run = this.run;
    if (run?.message !== m.index) {
      this.finished.set(m.index, m);
      return;
    }
    run.finished = m;
    if (run.waiting !== null) this.printHeading(run, m);
  }

  private openRun(message: number): void {
    this.closeRun();
    const finished = this.finished.get(message) ?? null;
    this.finished.delete(message);
    const run: Run = { message, waiting: [], early: false, finished };
    this.run = run;
    if (message < 0) {
      run.waiting = null;
      this.out.line(this.t('cli.annotate.outside'));
    } else if (finished) this.printHeading(run, finished);
  }

  private closeRun(): void {
    const run = this.run;
    if (!run) return;
    // Spans still waiting for a heading: their message never came (it cannot, at the end; kept safe).
    if (run.waiting !== null) this.earlyHeading(run);
    if (run.early && run.finished) this.out.line(this.t('cli.annotate.messageEnd', { heading: this.headingOf(run.finished, this.options.ended) }));
    this.run = null;
  }

  private printHeading(run: Run, m: HttpMessage): void {
    this.out.line(this.headingOf(m, this.options.ended));
    this.flushWaiting(run);
  }

  /** A message too long to wait for: its heading as it stands so far, its spans on, its full heading after them. */
  private earlyHeading(run: Run): void {
    const now = this.annotator.result().messages.find((m) => m.index === run.message);
    run.early = true;
    const heading = now ? this.headingOf(now, false) : this.t('cli.annotate.message', { number: run.message + 1 });
    this.out.line(this.t('cli.annotate.messageSoFar', { heading }));
    this.flushWaiting(run);
  }

  private flushWaiting(run: Run): void {
    for (const w of run.waiting ?? []) this.out.line(spanLine(this.columns, w.span, w.shown));
    run.waiting = null;
  }

  /** A finished message's head is done unless the input ended inside it; its blank line sets bodyOffset. */
  private headingOf(m: HttpMessage, ended: boolean): string {
    return heading(this.t, m, m.bodyOffset > 0, ended);
  }
}
