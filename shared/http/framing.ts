// Where an HTTP/1.x message's body ends (RFC 9112 section 6.3), decided once its head is in: the
// ONE implementation that the engine's framer (shared/http/request.ts) and the annotator
// (shared/http/annotate/framing.ts) both call, so the server never does one thing while the learner is
// shown another (DESIGN.md). Also the Transfer-Encoding list it needs (shared/http/transfer-coding.ts).
// Pure: the head as names and values in, a decision with problem codes (shared/http/annotate/annotation.ts) out.
import type { BodyFraming, ProblemCode } from './annotate/annotation';
import { listElements } from './syntax';
import { sameName, transferCodings, type TransferCodings } from './transfer-coding';

export interface NamedValue {
  readonly name: string;
  readonly value: string;
}

export interface MessageHead {
  kind: 'request' | 'response';
  /** As sent, e.g. 'HTTP/1.1'; '' for an HTTP/0.9 request. */
  version: string;
  /** Responses: the status code. */
  status?: number;
  /** Responses: the method of the request this one answers, if known (HEAD, CONNECT change the rules). */
  requestMethod?: string;
  fields: readonly NamedValue[];
}

/**
 * The codes that mean the body's end cannot be found: for a request the server must answer 400
 * and close (RFC 9112 section 6.3 rules 4 and 5), a client must discard the response (rule 5).
 * They are the engine's framing errors and the annotator's problems alike.
 */
export const FRAMING_VERDICTS = [
  'bad_content_length',
  'conflicting_content_length',
  'unsupported_transfer_encoding',
  'repeated_chunked',
  'chunked_with_parameters',
  'transfer_encoding_http10',
] as const satisfies readonly ProblemCode[];
export type FramingVerdict = (typeof FRAMING_VERDICTS)[number];

export interface FramingProblem {
  code: ProblemCode;
  /** The field it is about (index into `fields`), or -1 for the message. */
  field: number;
  params: Record<string, string | number>;
}

export interface BodyLength {
  /** `tunnel`: after the head the connection is no longer HTTP (a 101, a 2xx to CONNECT). */
  framing: BodyFraming;
  /** Content-Length's value, when it is the one that frames the body (0 included). */
  declaredLength?: number;
  /** Set when the body's end cannot be found (then `framing` is 'none'): why. */
  invalid?: FramingVerdict;
  problems: FramingProblem[];
}

/** A Content-Length value as one number: 1 to 15 digits (exact, far below 2^53; leading zeros are digits). */
const DIGITS = /^\d{1,15}$/;

/** RFC 9112 section 6.3, rule by rule, for a head that has arrived whole. */
export function bodyLength(head: MessageHead): BodyLength {
  const problems: FramingProblem[] = [];
  // The fields that matter, in one pass: most heads have one of them or none.
  let te = -1;
  let teCount = 0;
  let cl = -1;
  let clCount = 0;
  const fields = head.fields;
  for (let i = 0; i < fields.length; i++) {
    const name = (fields[i] as NamedValue).name;
    if (name.length === 17 && sameName(name, 'transfer-encoding')) {
      if (teCount++ === 0) te = i;
    } else if (name.length === 14 && sameName(name, 'content-length')) {
      if (clCount++ === 0) cl = i;
    }
  }

  if (head.kind === 'response') {
    const status = head.status ?? 0;
    const informational = status >= 100 && status < 200;
    const connected = head.requestMethod === 'CONNECT' && status >= 200 && status < 300;
    // RFC 9110 section 8.6 and RFC 9112 section 6.1: no Content-Length or Transfer-Encoding in a
    // 1xx or 204; section 9.3.6: none in a 2xx to CONNECT (a 304 and a HEAD's answer may have them).
    if (informational || status === 204 || connected) {
      if (cl >= 0) problems.push({ code: 'framing_field_not_allowed', field: cl, params: { name: fields[cl]?.name ?? '', status } });
      if (te >= 0) problems.push({ code: 'framing_field_not_allowed', field: te, params: { name: fields[te]?.name ?? '', status } });
    }
    // Rule 2, and RFC 9110 section 15.2.2: after a 101 or a 2xx to CONNECT the bytes are another
    // protocol's (a WebSocket's frames, a TLS tunnel), from the byte after the blank line.
    if (status === 101) {
      problems.push({ code: 'switching_protocols', field: -1, params: { protocol: fieldValue(fields, 'upgrade') ?? '' } });
      return { framing: 'tunnel', problems };
    }
    if (connected) {
      problems.push({ code: 'tunnel_established', field: -1, params: {} });
      return { framing: 'tunnel', problems };
    }
    // Rule 1: these never have a body, whatever their fields say.
    if (head.requestMethod === 'HEAD' || informational || status === 204 || status === 304) return { framing: 'none', problems };
  }

  if (teCount > 0) return byTransferEncoding(head, te, teCount, cl, problems);
  if (clCount > 0) return byContentLength(head, cl, clCount, problems);
  // Rules 7 and 8: a request without either has no body; a response runs until the close.
  if (head.kind === 'request') return { framing: 'none', problems };
  problems.push({ code: 'body_until_close', field: -1, params: {} });
  return { framing: 'close', problems };
}

/**
 * Rules 3 and 4. A request whose codings we cannot take apart has no findable end (400); a
 * response whose last coding is not chunked runs until the close. Which lists count as "chunked
 * is the final coding" is shared/http/transfer-coding.ts's to say.
 */
function byTransferEncoding(head: MessageHead, te: number, teCount: number, cl: number, problems: FramingProblem[]): BodyLength {
  const fields = head.fields;
  const value = teCount === 1 ? (fields[te] as NamedValue).value : joinValues(fields, 'transfer-encoding');
  // Rule 3: Transfer-Encoding wins over Content-Length, and the pair is how requests are smuggled.
  if (cl >= 0) problems.push({ code: 'content_length_and_transfer_encoding', field: cl, params: {} });
  // RFC 9112 section 6.1: Transfer-Encoding in an HTTP/1.0 message means faulty framing, "even if a
  // Content-Length is present" (HTTP/1.0 had no transfer codings; an old proxy would pass the body
  // on undecoded). A request is refused, as nginx does; a response runs until the close, as
  // Chromium reads one. llhttp differs: it decodes the chunks, then ends the connection.
  if (head.version === 'HTTP/1.0') {
    problems.push({ code: 'transfer_encoding_http10', field: te, params: { value } });
    return head.kind === 'request' ? invalid('transfer_encoding_http10', problems) : { framing: 'close', problems };
  }
  const codings: TransferCodings = transferCodings(value);
  if (codings.chunked === 'final') return { framing: 'chunked', problems };
  if (codings.chunked === 'repeated') {
    // "A sender MUST NOT apply the chunked transfer coding more than once" (section 6.1). A request
    // so framed is refused (llhttp too); a response is still framed by its final chunked coding
    // (rule 3 as written; llhttp too), the problem said.
    problems.push({ code: 'repeated_chunked', field: te, params: { value } });
    return head.kind === 'request' ? invalid('repeated_chunked', problems) : { framing: 'chunked', problems };
  }
  const code: FramingVerdict = codings.chunked === 'parameters' ? 'chunked_with_parameters' : 'unsupported_transfer_encoding';
  problems.push({ code, field: te, params: { value } });
  return head.kind === 'request' ? invalid(code, problems) : { framing: 'close', problems };
}

/** Rules 5 and 6: digits, and several values only if they are all the same (RFC 9110 section 8.6). */
function byContentLength(head: MessageHead, cl: number, clCount: number, problems: FramingProblem[]): BodyLength {
  const fields = head.fields;
  // The usual case, one Content-Length of digits, without the lists below.
  const only = clCount === 1 ? (fields[cl] as NamedValue).value : '';
  if (DIGITS.test(only)) return lengthOf(Number(only), problems);
  const values: string[] = [];
  let second = -1;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as NamedValue;
    if (f.name.length !== 14 || !sameName(f.name, 'content-length')) continue;
    if (i !== cl && second < 0) second = i;
    values.push(...listElements(f.value));
  }
  // An empty value (or only commas) is no number at all; llhttp refuses it too.
  const bad = values.find((v) => !DIGITS.test(v));
  if (bad !== undefined || values.length === 0) {
    problems.push({ code: 'bad_content_length', field: cl, params: { value: bad ?? '' } });
    return invalid('bad_content_length', problems);
  }
  const distinct = new Set(values.map(Number));
  if (distinct.size > 1) {
    problems.push({ code: 'conflicting_content_length', field: second >= 0 ? second : cl, params: { values: values.join(', ') } });
    return invalid('conflicting_content_length', problems);
  }
  // `5, 5` or two fields of 5: the RFC lets a recipient reject it or read it as one 5. We read it
  // (one length, no doubt where the body ends) and say so; llhttp rejects it.
  problems.push({ code: 'duplicate_content_length', field: second >= 0 ? second : cl, params: { value: values[0] ?? '' } });
  return lengthOf(Number(values[0]), problems);
}

function lengthOf(length: number, problems: FramingProblem[]): BodyLength {
  return { framing: length === 0 ? 'none' : 'length', declaredLength: length, problems };
}

function invalid(code: FramingVerdict, problems: FramingProblem[]): BodyLength {
  return { framing: 'none', invalid: code, problems };
}

/** Every value of the fields named `name`, as one list (RFC 9110 section 5.3: the same as one field). */
function joinValues(fields: readonly NamedValue[], name: string): string {
  const values: string[] = [];
  for (const f of fields) if (f.name.length === name.length && sameName(f.name, name)) values.push(f.value);
  return values.join(', ');
}

/** The first value of a field, by case-insensitive name. */
export function fieldValue(fields: readonly NamedValue[], name: string): string | undefined {
  for (const f of fields) if (sameName(f.name, name)) return f.value;
  return undefined;
}
