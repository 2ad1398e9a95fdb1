// Where a message's body ends, decided at its blank line, and what about its head deserves a word.
// The decision itself (RFC 9112 section 6.3, the Transfer-Encoding list) is shared/http/framing.ts's, the
// one the engine's framer calls too; here are only the annotator's own remarks on top: a GET with a
// body, an HTTP/1.1 request without Host. The annotator acts on the decision; this only decides.
import type { BodyFraming, HttpMessage } from './annotation';
import { bodyLength, type FramingProblem } from '../framing';
import { sameName } from '../transfer-coding';

export { fieldValue } from '../framing';

export interface FramingDecision {
  framing: BodyFraming;
  declaredLength?: number;
  /** The body cannot be found (a broken Content-Length, an unknown coding on a request). */
  unreadable: boolean;
  problems: FramingProblem[];
}

/** `requestMethod`: for a response, the method of the request it answers (HEAD: no body; CONNECT: a tunnel after a 2xx). */
export function decideFraming(msg: HttpMessage, requestMethod: string | undefined): FramingDecision {
  const decided = bodyLength({ kind: msg.kind, version: msg.version, status: msg.status, requestMethod, fields: msg.fields });
  const problems = decided.problems;
  if (msg.kind === 'request') {
    // RFC 9112 section 3.2: an HTTP/1.1 request without Host must be answered 400 (the server's
    // choice to make; the engine answers anyway, as it does every request).
    if (msg.version === 'HTTP/1.1' && !hasField(msg, 'host')) problems.unshift({ code: 'missing_host', field: -1, params: {} });
    // RFC 9110 section 9.3.1: a body on a GET or HEAD has no defined meaning.
    const body = decided.framing === 'chunked' || decided.framing === 'length';
    if (body && (msg.method === 'GET' || msg.method === 'HEAD')) problems.push({ code: 'body_on_get', field: -1, params: { method: msg.method } });
  }
  const decision: FramingDecision = { framing: decided.framing, unreadable: decided.invalid !== undefined, problems };
  if (decided.declaredLength !== undefined) decision.declaredLength = decided.declaredLength;
  return decision;
}

function hasField(msg: HttpMessage, lower: string): boolean {
  for (const f of msg.fields) if (sameName(f.name, lower)) return true;
  return false;
}

/**
 * The head decided last, to decide a head like it without deciding again: a keep-alive stream
 * sends the same head message after message (a browser's GETs), and the decision (and the
 * lookups of Content-Type and Content-Encoding beside it) was a tenth of reading such a head.
 * A head is like it when everything decideFraming reads is the same: the kind, the version, the
 * method, the status, the method answered, and every field's name and value, in order. Only a
 * decision without problems is kept: problems are the message's own objects.
 */
export class LastDecision {
  private kind: HttpMessage['kind'] | undefined;
  private version = '';
  private method: string | undefined;
  private status: number | undefined;
  private requestMethod: string | undefined;
  private names: string[] = [];
  private values: string[] = [];
  private decision: FramingDecision | undefined;
  contentType: string | undefined;
  contentEncoding: string | undefined;

  /** The decision for `msg` if it is like the head decided last, else undefined. */
  sameAs(msg: HttpMessage, requestMethod: string | undefined): FramingDecision | undefined {
    const decision = this.decision;
    if (decision === undefined || msg.kind !== this.kind || msg.version !== this.version || msg.method !== this.method) return undefined;
    if (msg.status !== this.status || requestMethod !== this.requestMethod) return undefined;
    const fields = msg.fields;
    const names = this.names;
    const values = this.values;
    if (fields.length !== names.length) return undefined;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i] as HttpMessage['fields'][number];
      if (f.name !== names[i] || f.value !== values[i]) return undefined;
    }
    return decision;
  }

  /** `decision` was made for `msg` (with its Content-Type and Content-Encoding): kept if it has no problems. */
  keep(msg: HttpMessage, requestMethod: string | undefined, decision: FramingDecision): void {
    if (decision.problems.length > 0) {
      this.decision = undefined;
      return;
    }
    this.decision = decision;
    this.kind = msg.kind;
    this.version = msg.version;
    this.method = msg.method;
    this.status = msg.status;
    this.requestMethod = requestMethod;
    this.contentType = msg.contentType;
    this.contentEncoding = msg.contentEncoding;
    this.names = msg.fields.map((f) => f.name);
    this.values = msg.fields.map((f) => f.value);
  }
}
