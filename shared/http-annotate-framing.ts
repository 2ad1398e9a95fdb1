// Where a message's body ends, decided at its blank line (RFC 9112 section 6.3), and what about
// its head deserves a word: Content-Length and Transfer-Encoding together, duplicates, a GET with
// a body, an HTTP/1.1 request without Host. The annotator acts on the decision; this only decides.
import type { BodyFraming, Field, HttpMessage, ProblemCode } from './annotation';
import { listElements } from './http-syntax';

export interface FramingDecision {
  framing: BodyFraming;
  declaredLength?: number;
  /** The body cannot be found (a broken Content-Length, an unknown coding on a request). */
  unreadable: boolean;
  problems: { code: ProblemCode; field: number; params: Record<string, string | number> }[];
}

/** `requestMethod`: for a response, the method of the request it answers (HEAD: no body). */
export function decideFraming(msg: HttpMessage, requestMethod: string | undefined): FramingDecision {
  // Plain calls and loops rather than closures: this runs once per message, and a keep-alive
  // stream has many small ones.
  const problems: FramingDecision['problems'] = [];
  const te = indexesOf(msg.fields, 'transfer-encoding');
  const cl = indexesOf(msg.fields, 'content-length');

  if (msg.kind === 'request' && msg.version === 'HTTP/1.1' && indexesOf(msg.fields, 'host').length === 0) {
    problems.push({ code: 'missing_host', field: -1, params: {} });
  }
  // Section 6.3 rules 1 and 2: these responses never have a body, whatever their fields say.
  if (msg.kind === 'response') {
    const status = msg.status ?? 0;
    if (requestMethod === 'HEAD' || (status >= 100 && status < 200) || status === 204 || status === 304) return decided('none', problems);
  }
  if (te.length > 0) {
    if (cl.length > 0) problems.push({ code: 'content_length_and_transfer_encoding', field: cl[0] as number, params: {} });
    const chunked = lastCoding(msg.fields, te) === 'chunked';
    if (!chunked) {
      const value = te.map((i) => (msg.fields[i] as Field).value).join(', ');
      problems.push({ code: 'unsupported_transfer_encoding', field: te[0] as number, params: { value } });
      // Rule 4: a response reads until the close; a request's body cannot be found at all.
      return msg.kind === 'response' ? decided('close', problems) : decided('none', problems, { unreadable: true });
    }
    bodyOnGet(msg, problems);
    return decided('chunked', problems);
  }
  if (cl.length > 0) {
    // The usual case, one Content-Length of digits, without the lists below (this runs per message).
    const only = cl.length === 1 ? (msg.fields[cl[0] as number] as Field).value : '';
    if (DIGITS.test(only)) {
      const length = Number(only);
      if (length > 0) bodyOnGet(msg, problems);
      return length === 0 ? decided('none', problems, { declaredLength: 0 }) : decided('length', problems, { declaredLength: length });
    }
    const values = cl.flatMap((i) => listElements((msg.fields[i] as Field).value));
    const bad = values.find((v) => !DIGITS.test(v));
    if (bad !== undefined || values.length === 0) {
      problems.push({ code: 'bad_content_length', field: cl[0] as number, params: { value: bad ?? '' } });
      return decided('none', problems, { unreadable: true });
    }
    const distinct = [...new Set(values.map((v) => Number(v)))];
    if (distinct.length > 1) {
      problems.push({ code: 'conflicting_content_length', field: cl[1] ?? (cl[0] as number), params: { values: values.join(', ') } });
      return decided('none', problems, { unreadable: true });
    }
    if (values.length > 1) problems.push({ code: 'duplicate_content_length', field: cl[1] ?? (cl[0] as number), params: { value: values[0] ?? '' } });
    const length = distinct[0] as number;
    if (length > 0) bodyOnGet(msg, problems);
    return length === 0 ? decided('none', problems, { declaredLength: 0 }) : decided('length', problems, { declaredLength: length });
  }
  // Rules 7 and 8: a request without either has no body; a response runs until the close.
  if (msg.kind === 'request') return decided('none', problems);
  problems.push({ code: 'body_until_close', field: -1, params: {} });
  return decided('close', problems);
}

function bodyOnGet(msg: HttpMessage, problems: FramingDecision['problems']): void {
  if (msg.kind === 'request' && (msg.method === 'GET' || msg.method === 'HEAD')) {
    problems.push({ code: 'body_on_get', field: -1, params: { method: msg.method } });
  }
}

function decided(framing: BodyFraming, problems: FramingDecision['problems'], rest?: Partial<FramingDecision>): FramingDecision {
  const decision: FramingDecision = { framing, unreadable: false, problems };
  return rest ? Object.assign(decision, rest) : decision;
}

/** A Content-Length value as one number: 1 to 15 digits (exact, far below 2^53). */
const DIGITS = /^\d{1,15}$/;

/** The last transfer coding the fields at `te` name, in lower case (RFC 9112 section 6.1). */
function lastCoding(fields: readonly Field[], te: readonly number[]): string | undefined {
  for (let k = te.length - 1; k >= 0; k--) {
    const value = (fields[te[k] as number] as Field).value;
    // The usual value, one coding and nothing else, without splitting it.
    if (sameName(value, 'chunked')) return 'chunked';
    const codings = listElements(value.toLowerCase());
    if (codings.length > 0) return codings.at(-1);
  }
  return undefined;
}

function indexesOf(fields: readonly Field[], name: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < fields.length; i++) if (sameName((fields[i] as Field).name, name)) out.push(i);
  return out;
}

/** The first value of a field, by case-insensitive name. */
export function fieldValue(fields: readonly Field[], name: string): string | undefined {
  for (const f of fields) if (sameName(f.name, name)) return f.value;
  return undefined;
}

/**
 * Whether `text` is `lower` (lower case ASCII) but for case: what `text.toLowerCase() === lower`
 * says, without the lower-case copy per field per look. Only A-Z lower to ASCII letters among
 * the Latin-1 chars a name is made of, so other chars must be equal as they are.
 */
function sameName(text: string, lower: string): boolean {
  if (text.length !== lower.length) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}
