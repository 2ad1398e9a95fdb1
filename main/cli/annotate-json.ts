// annotate --json: the annotation (shared/http/annotate/annotation.ts) as one JSON document, made as the
// annotator hands over what is finished.
// Small inputs (fewer than HOLD spans, messages and problems) are held and printed at the end as
// JSON.stringify(annotation), byte for byte what the whole input at once gives. From HOLD on the
// document streams: `{"side":...,"spans":[` then each span as it comes; the messages and problems,
// whose arrays follow the spans', wait in a Spill (memory, then a temporary file); and `length`
// and `ended`, known only at the end, come last. The same document to any JSON reader: the same
// keys and values, only `length` and `ended` in another place (annotateDetails says so).
import type { HttpMessage, Problem, Side, Span } from '../../shared/http/annotate/annotation';
import type { AnnotationPart, HttpAnnotator } from '../../shared/http/annotate/annotator';
import type { BatchWriter } from './annotate-output';
import { Spill } from './annotate-spill';
import { HOLD } from './annotate-text';

interface Held {
  spans: Span[];
  messages: HttpMessage[];
  problems: Problem[];
}

export interface JsonDumpOptions {
  side: Side;
  ended: boolean;
  tmp: string;
  hold?: number;
}

export class JsonDump {
  private held: Held | null = { spans: [], messages: [], problems: [] };
  private readonly hold: number;
  private readonly messages: Spill<never>;
  private readonly problems: Spill<Problem>;
  private spans = 0;
  private length = 0;

  constructor(
    private readonly out: BatchWriter,
    private readonly annotator: HttpAnnotator,
    private readonly options: JsonDumpOptions,
  ) {
    this.hold = options.hold ?? HOLD;
    this.messages = new Spill<never>(',', () => '', options.tmp);
    this.problems = new Spill<Problem>(',', (p) => JSON.stringify(p), options.tmp);
  }

  /** What the annotator handed over after a push (takeFinished), or at the end (takeRest). */
  async part(part: AnnotationPart): Promise<void> {
    const last = part.spans.at(-1);
    if (last) this.length = last.offset + last.length;
    const held = this.held;
    if (!held) return this.stream(part);
    // Loops, not push(...spread): one read of 64 KiB of empty lines is 65,536 spans, past the argument limit.
    for (const s of part.spans) held.spans.push(s);
    for (const m of part.messages) held.messages.push(m);
    for (const p of part.problems) held.problems.push(p);
    if (held.spans.length + held.messages.length + held.problems.length < this.hold) return;
    this.held = null;
    this.out.write(`{"side":${JSON.stringify(this.options.side)},"spans":[`);
    await this.stream(held);
  }

  /** The end of the document, once the rest is handed over. */
  async finish(): Promise<void> {
    const { side, ended } = this.options;
    const held = this.held;
    // The keys in the order of the model (shared/http/annotate/annotation.ts), as the whole input at once gives them.
    if (held) return this.out.line(JSON.stringify({ side, length: this.length, spans: held.spans, messages: held.messages, problems: held.problems, ended }));
    this.out.write('],"messages":[');
    await this.messages.copyTo(this.out);
    this.out.write('],"problems":[');
    await this.problems.copyTo(this.out);
    this.out.line(`],"length":${this.length},"ended":${ended}}`);
  }

  close(): void {
    this.messages.close();
    this.problems.close();
  }

  private async stream(part: Held): Promise<void> {
    for (const span of part.spans) {
      this.out.write(this.spans++ > 0 ? `,${spanJson(span)}` : spanJson(span));
      if (this.out.waiting) await this.out.settle();
    }
    // A finished message is final; a problem may not be yet (a count of bare LFs): then it is written at the end.
    for (const m of part.messages) this.messages.add(JSON.stringify(m));
    for (const p of part.problems) {
      if (this.annotator.mayChange(p)) this.problems.addLive(p);
      else this.problems.add(JSON.stringify(p));
    }
    await this.out.settle();
  }
}

/**
 * JSON.stringify(span), written out: tens of millions of spans, and the general path was half the
 * time. Numbers and a kind (a word of SPAN_KINDS, nothing to escape) in the key order of the span
 * objects the annotator makes (shared/http/annotate/spans.ts).
 */
export function spanJson(span: Span): string {
  const head = `{"offset":${span.offset},"length":${span.length},"kind":"${span.kind}","message":${span.message}`;
  return span.field === undefined ? `${head}}` : `${head},"field":${span.field}}`;
}
