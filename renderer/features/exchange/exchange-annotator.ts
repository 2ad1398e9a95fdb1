// The HTTP annotator (shared/http/annotate/annotator.ts) run over both directions of a connection, kept
// up to date as chunks arrive: each direction's annotator is fed only the chunks it has not seen,
// in order, so a download that grows by a chunk per frame costs a chunk per frame, not the whole
// stream again. The client-to-server direction is read as requests (a server-role connection
// receives them, a client-role one sends them), the other as responses, which learn from the
// requests which method each answers (a HEAD's response has no body). A direction is ended (its
// pending bytes settled) once its FIN is in the journal. Chunks whose bytes the renderer no longer
// holds stop the annotation there: it covers what is at hand.
import type { Annotation, Side } from '../../../shared/http/annotate/annotation';
import type { Dir, Role } from '../../../shared/contract/contract';
import { HttpAnnotator } from '../../../shared/http/annotate/annotator';
import type { Exchange, ExchangeChunk } from './exchange-model';

export type DirAnnotations = Partial<Record<Dir, Annotation>>;

/** Which direction carries requests: what a server receives, what a client sends. */
export function requestDir(role: Role): Dir {
  return role === 'server' ? 'in' : 'out';
}

class StreamAnnotation {
  private annotator: HttpAnnotator;
  /** The chunks fed so far, to tell a grown stream from a different one. */
  private fed: ExchangeChunk[] = [];
  private ended = false;
  private latest: Annotation | null = null;

  constructor(
    private readonly side: Side,
    private readonly requestMethod?: (index: number) => string | undefined,
  ) {
    this.annotator = this.fresh();
  }

  update(chunks: readonly ExchangeChunk[], ended: boolean): Annotation {
    // Each delta rebuilds the exchange, but a chunk's event (its seq, its bytes) stays the same.
    const grown = this.fed.every((c, i) => chunks[i]?.seq === c.seq && chunks[i]?.bytes === c.bytes);
    if (!grown) {
      this.annotator = this.fresh();
      this.fed = [];
      this.ended = false;
      this.latest = null;
    }
    let changed = this.latest === null;
    for (let i = this.fed.length; i < chunks.length && !this.ended; i++) {
      const chunk = chunks[i] as ExchangeChunk;
      if (!chunk.bytes) break;
      this.annotator.push(chunk.bytes);
      this.fed.push(chunk);
      changed = true;
    }
    const all = this.fed.length === chunks.length;
    if (ended && all && !this.ended) {
      this.annotator.end();
      this.ended = true;
      changed = true;
    }
    if (changed || !this.latest) this.latest = this.annotator.result();
    return this.latest;
  }

  private fresh(): HttpAnnotator {
    return new HttpAnnotator(this.side, { requestMethod: this.requestMethod });
  }
}

export class ExchangeAnnotator {
  private readonly request: StreamAnnotation;
  private readonly response: StreamAnnotation;
  private requests: Annotation | null = null;

  constructor(private readonly role: Role) {
    this.request = new StreamAnnotation('request');
    this.response = new StreamAnnotation('response', (index) => this.requests?.messages[index]?.method);
  }

  /** Both directions' annotations for the exchange as it is now (the same objects if nothing changed). */
  update(exchange: Exchange): DirAnnotations {
    const req = requestDir(this.role);
    const res: Dir = req === 'in' ? 'out' : 'in';
    // A stream whose first chunks the journal dropped (its event cap) cannot be read as HTTP from
    // where it now starts: mid-message, and with offsets that would not be the stream's. None then.
    const out: DirAnnotations = {};
    if (exchange[req].base === 0) out[req] = this.requests = this.request.update(exchange[req].chunks, exchange.ended[req]);
    if (exchange[res].base === 0) out[res] = this.response.update(exchange[res].chunks, exchange.ended[res]);
    return out;
  }
}
