// One direction of one connection's journal, run through the HTTP annotator as its chunks arrive
// (each chunk once: a journal that grows by a chunk costs a chunk), for where its message in
// progress stands. What is finished is handed over and dropped at once (takeFinished), so a
// long kept-alive connection costs nothing that grows with it. Pure: no clock, no I/O.
import type { Dir, JournalEvent } from '../contract/contract';
import type { Side } from '../http/annotate/annotation';
import { HttpAnnotator, type MessageProgress } from '../http/annotate/annotator';

/** Methods that change how a response is framed (RFC 9112 section 6.3): HEAD's has no body, CONNECT's 2xx is a tunnel. */
const FRAMING_METHODS = new Set(['HEAD', 'CONNECT']);

export class StreamWatch {
  private annotator: HttpAnnotator;
  /** Events read so far: the journal's first `read` events, seq 0 to read - 1. */
  private read = 0;
  private connId: string | null = null;
  /** A chunk's bytes were no longer stored: where the stream stands is unknown from here on. */
  private lost = false;
  /** Requests only: the methods that frame their response differently, by message index. */
  private readonly framingMethods = new Map<number, string>();

  constructor(
    private readonly side: Side,
    /** Which direction of the journal carries this stream. */
    private readonly dir: Dir,
    private readonly requestMethod?: (index: number) => string | undefined,
  ) {
    this.annotator = this.fresh();
  }

  /** Where the stream stands after `events` (a connection's journal, in seq order); null when unknown. */
  update(events: readonly JournalEvent[]): MessageProgress | null {
    const first = events[0];
    // Another connection's journal, or one that no longer holds what was read: start over.
    if (first && (first.connId !== this.connId || events.length < this.read)) this.reset(first.connId);
    // Only a journal without gaps says what came in what order; the rest waits for the fetch.
    for (; this.read < events.length && !this.lost; this.read++) {
      const e = events[this.read] as JournalEvent;
      if (e.seq !== this.read) break;
      if (e.kind === 'data' && e.dir === this.dir) {
        if (e.bytes === null) this.lost = e.length > 0;
        else this.push(e.bytes);
      } else if ((this.dir === 'in' && e.kind === 'peer_fin') || (this.dir === 'out' && e.kind === 'fin_sent')) {
        this.annotator.end();
      }
    }
    return this.lost ? null : this.annotator.progress();
  }

  /** For a request stream: the method of its message `index` when it frames the response differently. */
  methodOf(index: number): string | undefined {
    const current = this.annotator.progress().message;
    return this.framingMethods.get(index) ?? (current?.index === index ? current.method : undefined);
  }

  private push(bytes: Uint8Array): void {
    const annotator = this.annotator;
    annotator.push(bytes);
    const finished = annotator.takeFinished().messages;
    if (this.side !== 'request') return;
    for (const m of finished) if (m.method && FRAMING_METHODS.has(m.method)) this.framingMethods.set(m.index, m.method);
    const current = annotator.progress().message;
    if (current?.method && FRAMING_METHODS.has(current.method)) this.framingMethods.set(current.index, current.method);
  }

  private reset(connId: string): void {
    this.annotator = this.fresh();
    this.read = 0;
    this.connId = connId;
    this.lost = false;
    this.framingMethods.clear();
  }

  private fresh(): HttpAnnotator {
    return new HttpAnnotator(this.side, this.requestMethod ? { requestMethod: this.requestMethod } : {});
  }
}

/** Both directions of one connection: its requests (what a server receives, a client sends) and its responses. */
export class ConnWatch {
  readonly requests: StreamWatch;
  readonly responses: StreamWatch;

  constructor(role: 'server' | 'client') {
    const requestDir: Dir = role === 'server' ? 'in' : 'out';
    this.requests = new StreamWatch('request', requestDir);
    this.responses = new StreamWatch('response', requestDir === 'in' ? 'out' : 'in', (i) => this.requests.methodOf(i));
  }

  update(events: readonly JournalEvent[]): { request: MessageProgress | null; response: MessageProgress | null } {
    return { request: this.requests.update(events), response: this.responses.update(events) };
  }
}
