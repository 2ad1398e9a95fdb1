// One-click fixes for what the annotator finds wrong in a canned response: each is a list of byte
// edits against the original bytes, offered only where the fix is obvious (one right answer), and
// never applied here: a broken response is allowed, and it is the learner's to change.
// Edits are `{ from, to, insert }`, the shape of a CodeMirror change, so the editor applies a fix
// as one transaction; offsets count bytes, from the first byte of the response.
import type { Annotation, HttpMessage, Problem, Span } from '../http/annotate/annotation';
import { CR, LF } from '../http/syntax';
import { PROTOCOL_LINE_ENDS } from './response-fixes-line-ends';

export interface ByteEdit {
  from: number;
  to: number;
  insert: Uint8Array;
}

export const FIX_CODES = [
  'set_content_length',
  'add_blank_line',
  'bare_lf_to_crlf',
  'add_reason_phrase',
  'add_status_line',
  'remove_empty_line',
  'set_http_version',
  'trim_reason',
  'remove_bytes_after_body',
] as const;
export type FixCode = (typeof FIX_CODES)[number];

export interface Fix {
  /** Its label is `ui.fixes.<code>`, with `params`. */
  code: FixCode;
  params: Record<string, string | number>;
  /** The problem it fixes: an index into the check's `problems`. */
  problem: number;
  edits: ByteEdit[];
}

/** The status lines a fix writes, and the reason phrases of the common codes (RFC 9110 section 15). */
const STATUS_LINE = 'HTTP/1.1 200 OK';
const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
  401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error',
  501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The fixes for the problems of `annotation`, the annotation of `bytes` as a response that then ends. */
export function findFixes(bytes: Uint8Array, annotation: Annotation): Fix[] {
  const fixes: Fix[] = [];
  annotation.problems.forEach((problem, index) => {
    for (const found of fixesFor(bytes, annotation, problem)) if (found) fixes.push({ ...found, problem: index });
  });
  return fixes;
}

type FoundFix = Omit<Fix, 'problem'>;

/** A problem's fixes: usually one; bytes after a body have two (drop them, or count them). */
function fixesFor(bytes: Uint8Array, a: Annotation, problem: Problem): (FoundFix | undefined)[] {
  switch (problem.code) {
    case 'content_length_short':
    case 'bad_content_length':
      return [setContentLength(bytes, a, a.messages[problem.message])];
    case 'bytes_after_body':
      // The bytes after the body belong to no message: the body is the message's before them.
      return [removeBytesAfterBody(bytes, a, problem), setContentLength(bytes, a, a.messages.findLast((m) => m.offset < problem.offset))];
    case 'missing_blank_line':
      return [addBlankLine(bytes, a, problem.message)];
    case 'bare_lf':
      return [bareLfToCrlf(bytes, a, problem.message)];
    case 'no_reason_phrase':
      return [addReasonPhrase(a, problem.message)];
    case 'bad_start_line':
      return [problem.offset === 0 ? addStatusLine(bytes) : undefined];
    case 'empty_line_before_status':
      // RFC 9112 section 2.2: only a server may skip empty lines, before a request. A response
      // that starts with one is fixed by taking the line away, not by changing its line end.
      return [{ code: 'remove_empty_line', params: { count: problem.params.lines ?? 1 }, edits: [cut(problem.offset, problem.offset + problem.length)] }];
    case 'bad_http_version':
      return [setHttpVersion(problem)];
    case 'reason_trailing_space':
      return [{ code: 'trim_reason', params: { count: problem.length }, edits: [cut(problem.offset, problem.offset + problem.length)] }];
    default:
      return [];
  }
}

/** An edit that takes bytes [from, to) away. */
const cut = (from: number, to: number): ByteEdit => ({ from, to, insert: new Uint8Array() });

/** The version the status line claims made `HTTP/1.1` (RFC 9112 section 2.3: HTTP/ DIGIT . DIGIT). */
function setHttpVersion(problem: Problem): FoundFix {
  const version = STATUS_LINE.slice(0, 8);
  return { code: 'set_http_version', params: { version }, edits: [{ from: problem.offset, to: problem.offset + problem.length, insert: ascii(version) }] };
}

/**
 * The bytes after a body whose length Content-Length gave, taken away: up to the next message if
 * one follows (a second response typed after the first), else to the end.
 */
function removeBytesAfterBody(bytes: Uint8Array, a: Annotation, problem: Problem): FoundFix {
  const next = a.messages.find((m) => m.offset > problem.offset);
  const end = next ? next.offset : bytes.length;
  return { code: 'remove_bytes_after_body', params: { count: end - problem.offset }, edits: [cut(problem.offset, end)] };
}

const spansOf = (a: Annotation, message: number): Span[] => a.spans.toArray().filter((s) => s.message === message);

/**
 * Content-Length made the body's actual length: everything after the blank line, since the check
 * reads the bytes as a server's whole answer before it closes. Only for one Content-Length field
 * with a value to replace, and no chunked coding (which would win over it, RFC 9112 section 6.1).
 */
function setContentLength(bytes: Uint8Array, a: Annotation, msg: HttpMessage | undefined): FoundFix | undefined {
  if (!msg || msg.bodyOffset === 0 || msg.fields.some((f) => f.name.toLowerCase() === 'transfer-encoding')) return undefined;
  const lengths = msg.fields.flatMap((f, i) => (f.name.toLowerCase() === 'content-length' ? [i] : []));
  if (lengths.length !== 1) return undefined;
  const value = spansOf(a, msg.index).find((s) => s.field === lengths[0] && s.kind === 'field_value');
  if (!value) return undefined;
  const actual = bytes.length - msg.bodyOffset;
  return {
    code: 'set_content_length',
    params: { value: actual },
    edits: [{ from: value.offset, to: value.offset + value.length, insert: ascii(String(actual)) }],
  };
}

/**
 * The blank line, where the head ends: before the lines at its end that are not fields (the body,
 * read as header lines without a colon), or else after the last line. In the head's own line-end
 * style, so a bare-LF head stays one (its bare LFs are a fix of their own).
 */
function addBlankLine(bytes: Uint8Array, a: Annotation, message: number): FoundFix | undefined {
  const spans = spansOf(a, message);
  if (spans.length === 0) return undefined;
  const eol = spans.some((s) => s.kind === 'line_end' && s.length === 2) || !spans.some((s) => s.kind === 'line_end') ? '\r\n' : '\n';
  let i = spans.length - 1;
  let at = -1;
  for (;;) {
    if (spans[i]?.kind === 'line_end' && spans[i - 1]?.kind === 'invalid_line') i--;
    if (spans[i]?.kind !== 'invalid_line') break;
    at = (spans[i] as Span).offset;
    i--;
  }
  if (at >= 0) return { code: 'add_blank_line', params: {}, edits: [{ from: at, to: at, insert: ascii(eol) }] };
  // After the last line; a last line the bytes cut off before its line end needs one first.
  const end = bytes.length;
  const insert = bytes[end - 1] === LF ? eol : eol + eol;
  return { code: 'add_blank_line', params: {}, edits: [{ from: end, to: end, insert: ascii(insert) }] };
}

/**
 * A CR before every bare LF of the message's protocol lines: the start line, the fields, the blank
 * line, chunk-size lines, chunk terminators and trailers (RFC 9112 section 2.2). Never in the body:
 * there an LF is content (a text file's own line ends, or any byte of an image), the client hands
 * it on unchanged, and a CR added to it would change the content and break its Content-Length.
 */
function bareLfToCrlf(bytes: Uint8Array, a: Annotation, message: number): FoundFix | undefined {
  const edits: ByteEdit[] = [];
  for (const span of spansOf(a, message)) {
    if (!PROTOCOL_LINE_ENDS.has(span.kind) || span.length !== 1 || bytes[span.offset] !== LF) continue;
    edits.push({ from: span.offset, to: span.offset, insert: new Uint8Array([CR]) });
  }
  return edits.length > 0 ? { code: 'bare_lf_to_crlf', params: { count: edits.length }, edits } : undefined;
}

/** `HTTP/1.1 200` becomes `HTTP/1.1 200 OK`: the SP and the code's own reason phrase (RFC 9112 section 4). */
function addReasonPhrase(a: Annotation, message: number): FoundFix | undefined {
  const msg = a.messages[message];
  const code = spansOf(a, message).find((s) => s.kind === 'status_code');
  const reason = msg?.status === undefined ? undefined : REASONS[msg.status];
  if (!code || !reason) return undefined;
  const at = code.offset + code.length;
  return { code: 'add_reason_phrase', params: { reason }, edits: [{ from: at, to: at, insert: ascii(` ${reason}`) }] };
}

/**
 * A status line in front, when the first line does not even try to be one (it does not start with
 * `HTTP/`). If that line is a field, the head just lacks its first line; if not, the bytes are a
 * bare body (as HTTP/0.9 sent), so the blank line comes too and the bytes become the body.
 */
function addStatusLine(bytes: Uint8Array): FoundFix | undefined {
  const lf = bytes.indexOf(LF);
  const first = new TextDecoder().decode(bytes.subarray(0, lf === -1 ? bytes.length : lf));
  if (first.startsWith('HTTP/')) return undefined;
  const eol = lf > 0 && bytes[lf - 1] === CR ? '\r\n' : lf === -1 ? '\r\n' : '\n';
  const isField = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+:/.test(first);
  const insert = isField ? STATUS_LINE + eol : STATUS_LINE + eol + eol;
  return { code: 'add_status_line', params: { line: STATUS_LINE }, edits: [{ from: 0, to: 0, insert: ascii(insert) }] };
}
