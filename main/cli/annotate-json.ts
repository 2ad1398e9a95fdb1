// annotate --json: the annotation (shared/http/annotate/annotation.ts) as one JSON document, made as the
// annotator hands over what is finished.
// Small inputs (fewer than HOLD spans, messages and problems) are held and printed at the end as
// JSON.stringify(annotation), byte for byte what the whole input at once gives. From HOLD on the
// document streams: `{"side":...,"spans":[` then each span as it comes; the messages and problems,
// whose arrays follow the spans', wait in a Spill (memory, then a temporary file); and `length`
// and `ended`, known only at the end, come last. The same document to any JSON reader: the same
// keys and values, only `length` and `ended` in another place (annotateDetails says so).
import type { HttpMessage, Problem, Side } from '../../shared/http/annotate/annotation';
import type { AnnotationPart, HttpAnnotator } from '../../shared/http/annotate/annotator';
import type { SpanTable } from '../../shared/http/annotate/span-table';
import type { BatchWriter } from './annotate-output';
import { Spill } from './annotate-spill';
import { HOLD } from './annotate-text';

interface Held {
  /** The parts' tables, as they came: written out span by span from their columns. */
  spans: SpanTable[];
  spanCount: number;
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
  private held: Held | null = { spans: [], spanCount: 0, messages: [], problems: [] };
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
    if (part.spans.length > 0) this.length = part.spans.end;
    const held = this.held;
    if (!held) return this.stream({ spans: [part.spans], spanCount: part.spans.length, messages: part.messages, problems: part.problems });
    held.spans.push(part.spans);
    held.spanCount += part.spans.length;
    // Loops, not push(...spread): one read of 64 KiB of empty lines is 65,536 spans, past the argument limit.
    for (const m of part.messages) held.messages.push(m);
    for (const p of part.problems) held.problems.push(p);
    if (held.spanCount + held.messages.length + held.problems.length < this.hold) return;
    this.held = null;
    this.out.write(`{"side":${JSON.stringify(this.options.side)},"spans":[`);
    await this.stream(held);
  }

  /** The end of the document, once the rest is handed over. */
  async finish(): Promise<void> {
    const { side, ended } = this.options;
    const held = this.held;
    // The keys in the order of the model (shared/http/annotate/annotation.ts), as the whole input at once gives them.
    if (held) {
      const spans = held.spans.flatMap((table) => table.toArray());
      return this.out.line(JSON.stringify({ side, length: this.length, spans, messages: held.messages, problems: held.problems, ended }));
    }
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
    for (const table of part.spans) {
      for (let i = 0; i < table.length; i++) {
        this.out.write(this.spans++ > 0 ? `,${spanJson(table, i)}` : spanJson(table, i));
        if (this.out.waiting) await this.out.settle();
      }
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
 * JSON.stringify(table.at(i)), written out from the table's columns: tens of millions of spans, and
 * the general path was half the time. Numbers and a kind (a word of SPAN_KINDS, nothing to escape)
 * in the key order of the `Span` objects (shared/http/annotate/span-table.ts at()).
 */
export function spanJson(table: SpanTable, i: number): string {
  const head = `{"offset":${table.offsetOf(i)},"length":${table.lengthOf(i)},"kind":"${table.kindOf(i)}","message":${table.messageOf(i)}`;
  const field = table.fieldOf(i);
  return field === undefined ? `${head}}` : `${head},"field":${field}}`;
}
