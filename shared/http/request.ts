// Framing HTTP/1.1 requests in raw bytes (RFC 9112): where the first request in a buffer ends, its
// request line and headers, and whether the client wants the connection kept. Pure: no Node, no
// DOM, Uint8Array only, so the engine frames and the renderer could annotate with the same code.
//
// Repeated calls are cheap. A server calls frameRequest on a buffer that grows one TCP chunk at a
// time; rescanning it from the start each time would be quadratic (a 64 KiB head sent one byte at
// a time is 2^31 byte visits). So an `incomplete` answer carries `resume`, a small record of how far
// the scan got; pass it back with the grown buffer and the scan continues from there. Each byte
// of the head, the chunk-size lines and the trailers is then looked at about once, and a
// Content-Length body not at all. Without `resume` every call starts over, still bounded by
// maxHeadBytes for the head, so a 1 MB request line is refused after reading 64 KiB, not 1 MB.
import { type ChunkedProgress, scanChunked, startChunked } from './chunked';
import { bodyLength, FRAMING_VERDICTS } from './framing';
import { contentEnd, hasCtl, isOws, isTchar, isToken, latin1, LF, parseFieldLine, SP } from './syntax';
import { sameName } from './transfer-coding';

export interface RequestHead {
  /** As sent, e.g. 'GET'. */
  method: string;
  /** The request-target as sent, e.g. '/', '/a%20b?x=1', 'http://127.0.0.1/romeo.txt'. */
  target: string;
  /** E.g. 'HTTP/1.1', 'HTTP/1.0'; '' for an HTTP/0.9-style line with no version. */
  version: string;
  /** In order, names as sent. */
  headers: ReadonlyArray<readonly [name: string, value: string]>;
  /**
   * Bytes from the start of the buffer to the end of the blank line after the headers (including
   * any empty lines before the request line, which RFC 9112 section 2.2 says to ignore), so
   * `bytes.subarray(headLength)` starts at the body.
   */
  headLength: number;
}

/**
 * Why a request cannot be framed: short codes, never prose. The head's and the chunked body's own,
 * then the body-length verdicts of shared/http/framing.ts (RFC 9112 section 6.3), which the annotator
 * reports as problems of the same codes for the same bytes.
 */
export const FRAMING_ERRORS = ['bad_request_line', 'bad_header', 'head_too_large', 'bad_chunk_size', 'bad_chunk_end', 'bad_trailer', ...FRAMING_VERDICTS] as const;
export type FramingError = (typeof FRAMING_ERRORS)[number];

/** Where a scan stopped; opaque to callers, who only pass it back (see frameRequest). */
export interface FramingProgress {
  /** bytes.length when this was made: a shorter buffer next time means it is not the same one. */
  seen: number;
  lineStart: number;
  scanAt: number;
  /** How far the request line's method has been checked while the line is still arriving; -1 once past it. */
  methodAt: number;
  requestLine: { method: string; target: string; version: string } | null;
  headers: Array<readonly [string, string]>;
  head: RequestHead | null;
  body: { kind: 'length'; end: number } | { kind: 'chunked'; scan: ChunkedProgress } | null;
}

export type Framing =
  | { state: 'incomplete'; resume: FramingProgress }
  | { state: 'complete'; length: number; head: RequestHead }
  | { state: 'invalid'; reason: FramingError; head: RequestHead | null };

export interface FramingOptions {
  /** The head (request line, headers, blank line) may not be longer; default 65536. */
  maxHeadBytes?: number;
  /** The `resume` of the previous `incomplete` answer for this same, since grown, buffer. */
  resume?: FramingProgress;
}

export const DEFAULT_MAX_HEAD_BYTES = 65_536;

/**
 * Frames the first request in `bytes` (RFC 9112 section 6: a body by Transfer-Encoding chunked,
 * else Content-Length, else none; a request is never read to EOF). Accepts bare LF line ends, as
 * section 2.2 allows. Pipelined requests after the first are left alone: `length` lets the caller
 * slice the first one off and frame the rest (without `resume`: that is a new buffer).
 */
export function frameRequest(bytes: Uint8Array, options: FramingOptions = {}): Framing {
  const maxHead = options.maxHeadBytes ?? DEFAULT_MAX_HEAD_BYTES;
  const p = options.resume !== undefined && options.resume.seen <= bytes.length ? options.resume : fresh();
  p.seen = bytes.length;

  if (p.head === null) {
    const failed = scanHead(bytes, p, maxHead);
    if (failed !== null) return { state: 'invalid', reason: failed, head: null };
    if (p.head === null) return { state: 'incomplete', resume: p };
  }
  const head: RequestHead = p.head;
  if (p.body === null) {
    const body = bodyFraming(head);
    if (typeof body === 'string') return { state: 'invalid', reason: body, head };
    p.body = body;
  }
  if (p.body.kind === 'length') {
    return bytes.length >= p.body.end ? { state: 'complete', length: p.body.end, head } : { state: 'incomplete', resume: p };
  }
  const scan = scanChunked(bytes, p.body.scan, maxHead);
  switch (scan.state) {
    case 'complete':
      return { state: 'complete', length: scan.end, head };
    case 'invalid':
      return { state: 'invalid', reason: scan.reason, head };
    case 'incomplete':
      return { state: 'incomplete', resume: p };
  }
}

/** Parses just the head if the bytes contain a full one (for first_chunk mode), else null. */
export function parseRequestHead(bytes: Uint8Array, maxHeadBytes = DEFAULT_MAX_HEAD_BYTES): RequestHead | null {
  const p = fresh();
  return scanHead(bytes, p, maxHeadBytes) === null ? p.head : null;
}

/**
 * What a first chunk says of its request when the head has not ended (answer timing "on the first
 * chunk", the lessons' single recv()): the request line and the header lines that have ended. The
 * lessons' servers split what they received on newlines and take the first line whatever follows,
 * so a request line still without its LF is read as the whole line. Null when the bytes cannot be
 * a request line; a header that cannot be one only ends what is read.
 */
export function requestSoFar(bytes: Uint8Array, maxHeadBytes = DEFAULT_MAX_HEAD_BYTES): RequestHead | null {
  const p = fresh();
  const error = scanHead(bytes, p, maxHeadBytes);
  if (p.head !== null) return p.head;
  if (p.requestLine !== null) return { ...p.requestLine, headers: p.headers, headLength: p.lineStart };
  if (error !== null) return null;
  const end = bytes.length > p.lineStart && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  if (end === p.lineStart) return null;
  const line = parseRequestLine(latin1(bytes, p.lineStart, end));
  return line === null ? null : { ...line, headers: [], headLength: bytes.length };
}

/**
 * RFC 9112 section 9.3: keep the connection after this request? HTTP/1.1 (and later) unless
 * `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`; HTTP/0.9 never.
 */
export function wantsKeepAlive(head: RequestHead): boolean {
  // Called for every request of a kept-alive connection: one pass over the headers, no allocation.
  let close = false;
  let keepAlive = false;
  for (const [name, value] of head.headers) {
    if (name.length !== 10 || !sameName(name, 'connection')) continue;
    close ||= hasListElement(value, 'close');
    keepAlive ||= hasListElement(value, 'keep-alive');
  }
  if (close) return false;
  const v = head.version;
  // HTTP-version = "HTTP/" DIGIT "." DIGIT (parseRequestLine checked it; '' is HTTP/0.9).
  if (v.length !== 8 || !v.startsWith('HTTP/') || v.charCodeAt(6) !== 0x2e) return false;
  const major = v.charCodeAt(5) - 0x30;
  const minor = v.charCodeAt(7) - 0x30;
  if (major < 0 || major > 9 || minor < 0 || minor > 9) return false;
  if (major > 1 || (major === 1 && minor >= 1)) return true;
  return keepAlive;
}

/**
 * Whether the comma-separated list `value` (RFC 9110 section 5.6.1) holds `lower`, compared
 * case-insensitively, elements trimmed of optional whitespace; listElements without the arrays.
 */
function hasListElement(value: string, lower: string): boolean {
  let start = 0;
  while (start <= value.length) {
    let end = value.indexOf(',', start);
    if (end === -1) end = value.length;
    let a = start;
    let b = end;
    while (a < b && isOws(value.charCodeAt(a))) a++;
    while (b > a && isOws(value.charCodeAt(b - 1))) b--;
    if (b - a === lower.length && sameName(value.slice(a, b), lower)) return true;
    start = end + 1;
  }
  return false;
}

/** Case-insensitive header lookup, first match. */
export function headerValue(head: RequestHead, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return head.headers.find(([n]) => n.toLowerCase() === wanted)?.[1];
}

function fresh(): FramingProgress {
  return { seen: 0, lineStart: 0, scanAt: 0, methodAt: 0, requestLine: null, headers: [], head: null, body: null };
}

/**
 * Reads the head line by line from where the last call stopped. Sets `p.head` once the blank line
 * (or an HTTP/0.9 request line) is in; returns an error code if the head cannot be one.
 */
function scanHead(bytes: Uint8Array, p: FramingProgress, maxHead: number): FramingError | null {
  // Nothing past the limit is ever looked at: the head must end within it. (A view only when
  // there is something past it: this runs for every request of a kept-alive connection.)
  const window = bytes.length > maxHead ? bytes.subarray(0, maxHead) : bytes;
  for (;;) {
    const lf = window.indexOf(LF, p.scanAt);
    if (lf === -1) {
      if (p.requestLine === null && !methodSoFarOk(window, p)) return 'bad_request_line';
      p.scanAt = window.length;
      return bytes.length >= maxHead ? 'head_too_large' : null;
    }
    const start = p.lineStart;
    const end = contentEnd(bytes, start, lf);
    p.lineStart = p.scanAt = lf + 1;
    p.methodAt = lf + 1;

    if (end === start) {
      // RFC 9112 section 2.2: empty lines before the request line are ignored; after it, the
      // empty line ends the head.
      if (p.requestLine === null) continue;
      const { method, target, version } = p.requestLine;
      p.head = { method, target, version, headers: p.headers, headLength: lf + 1 };
      return null;
    }
    const line = latin1(bytes, start, end);
    if (p.requestLine === null) {
      const requestLine = parseRequestLine(line);
      if (requestLine === null) return 'bad_request_line';
      p.requestLine = requestLine;
      // HTTP/0.9 (RFC 1945 section 4.1): the request is the line alone, with no headers and no body.
      if (requestLine.version === '') {
        p.head = { ...requestLine, headers: [], headLength: lf + 1 };
        return null;
      }
      continue;
    }
    const field = parseFieldLine(line);
    if (field === null) return 'bad_header';
    p.headers.push(field);
  }
}

/**
 * While the request line is still arriving, checks its method so far, so that bytes that cannot
 * start a request (binary garbage, a TLS handshake sent to a plain-HTTP port) are refused at once
 * instead of after 64 KiB or a timeout. Stops judging at a CR, which may begin an empty line.
 */
function methodSoFarOk(window: Uint8Array, p: FramingProgress): boolean {
  if (p.methodAt === -1) return true;
  for (let i = Math.max(p.methodAt, p.lineStart); i < window.length; i++) {
    const byte = window[i] as number;
    if (byte === SP) {
      p.methodAt = -1;
      return i > p.lineStart;
    }
    if (byte === 0x0d) {
      p.methodAt = i;
      return true;
    }
    if (!isTchar(byte)) return false;
  }
  p.methodAt = window.length;
  return true;
}

/**
 * request-line = method SP request-target SP HTTP-version (RFC 9112 section 3), single spaces;
 * HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive (2.3). `GET SP target` alone is an
 * HTTP/0.9 simple request, which has no version.
 */
function parseRequestLine(line: string): { method: string; target: string; version: string } | null {
  const parts = line.split(' ');
  if (parts.length !== 2 && parts.length !== 3) return null;
  const [method = '', target = '', version = ''] = parts;
  if (!isToken(method)) return null;
  // No whitespace in a target (RFC 9112 section 3.2: URI characters only): a TAB is not one of
  // its bytes but a separator at best (section 3 lets a lenient reader split on any whitespace).
  if (target.length === 0 || hasCtl(target) || target.includes('\t')) return null;
  if (parts.length === 2) return method === 'GET' ? { method, target, version: '' } : null;
  if (!/^HTTP\/\d\.\d$/.test(version)) return null;
  return { method, target, version };
}

/**
 * The request's body length: shared/http/framing.ts decides (RFC 9112 section 6.3), for the annotator too.
 * A request never runs until the close (rule 7), so the decision is a length, chunked, or an error.
 */
function bodyFraming(head: RequestHead): NonNullable<FramingProgress['body']> | FramingError {
  const fields = head.headers.map(([name, value]) => ({ name, value }));
  const decided = bodyLength({ kind: 'request', version: head.version, fields });
  if (decided.invalid !== undefined) return decided.invalid;
  if (decided.framing === 'chunked') return { kind: 'chunked', scan: startChunked(head.headLength) };
  return { kind: 'length', end: head.headLength + (decided.framing === 'length' ? (decided.declaredLength ?? 0) : 0) };
}
