// What `wirebench serve` prints while it runs: each journal event as a line (a sentence, or JSON
// with --json), or with --quiet one line of counters per interval. Event lines are live output
// (output-writer.ts): a reader that falls behind loses lines, counted and said, never the server's
// memory or its pace.
import type { EventPayload, JournalEvent } from '../../shared/contract/contract';
import { encodeWire } from '../../shared/contract/wire-codec';
import type { CliContext, Translate } from './cli-context';
import { EventLines } from './event-lines';
import { RstReasons } from './rst-reasons';
import { templatedTranslate } from './sentence-templates';
import { countsLine, nothingCounted, ServeCounters } from './serve-counters';

export interface ServePrinterOptions {
  json: boolean;
  /** --quiet / --summary: counters every this many seconds instead of the events; null prints the events. */
  summarySeconds: number | null;
}

export class ServePrinter {
  // Events that arrive before the first line (there should be none) wait for it: the first
  // line is where a reader learns the port.
  private pending: JournalEvent[] | null = [];
  // A client's RST is said with why it came; JSON readers have the events to derive it from.
  private readonly reasons: RstReasons | null;
  private readonly counters: ServeCounters | null;
  private timer: NodeJS.Timeout | null = null;
  private countedSince = 0;
  private readonly notPrinted: (count: number) => string;
  /** ctx.t's sentences, made once and filled in: a line per event at the server's pace (issue 19). */
  private readonly t: Translate;
  private readonly lines: EventLines;

  constructor(
    private readonly ctx: CliContext,
    private readonly options: ServePrinterOptions,
  ) {
    this.reasons = options.json || options.summarySeconds !== null ? null : new RstReasons('server');
    this.counters = options.summarySeconds === null ? null : new ServeCounters();
    this.t = templatedTranslate(ctx.language, ctx.t);
    this.lines = new EventLines(this.t);
    this.notPrinted = options.json
      ? (count) => encodeWire({ kind: 'not_printed', count })
      : (count) => ctx.t('cli.serve.notPrinted', { count });
  }

  /** Every journal.delta the engine emits, from before the server starts to after it closes. */
  onDelta(delta: EventPayload<'journal.delta'>): void {
    if (this.counters) return this.counters.add(delta);
    if (delta.events.length === 0) return;
    if (this.pending) this.pending.push(...delta.events);
    else this.print(delta.events);
  }

  /** Once the listening line is out: what waited for it, and the counters' clock. */
  start(): void {
    const pending = this.pending ?? [];
    this.pending = null;
    this.print(pending);
    const seconds = this.options.summarySeconds;
    if (seconds === null) return;
    this.countedSince = Date.now();
    if (!this.options.json) this.ctx.out(this.ctx.t('cli.serve.quiet', { seconds }));
    this.timer = setInterval(() => this.printCounts(), seconds * 1000);
  }

  /** After the engine closed (its last delta is in): the counts of the last, shorter interval. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.pending === null) this.printCounts();
  }

  private print(events: readonly JournalEvent[]): void {
    const { ctx, t, lines } = this;
    for (const event of events) {
      if (!this.reasons) {
        ctx.outLive(() => encodeWire(event), this.notPrinted);
        continue;
      }
      // Every event is seen, printed or not: the reason for an RST depends on what came before it.
      const reason = this.reasons.see(event);
      ctx.outLive(() => (reason ? `${lines.line(event)} (${t(reason)})` : lines.encoded(event)), this.notPrinted);
    }
  }

  private printCounts(): void {
    const counts = this.counters?.take();
    // A quiet server prints nothing while nothing happens. The next line then covers the quiet
    // intervals too: its seconds count from the line before it, so the lines add up to the run.
    if (!counts || nothingCounted(counts)) return;
    const at = Date.now();
    const seconds = Math.round(at - this.countedSince) / 1000;
    this.countedSince = at;
    // A line per interval is no flood, and a load test wants every one: printed whole.
    this.ctx.out(this.options.json ? encodeWire({ kind: 'counters', seconds, ...counts }) : countsLine(this.ctx.t, counts, seconds, at));
  }
}
