// One line of an HTTP/1.x head, cut into the parts the annotator shows: the start line (RFC 9112
// sections 3 and 4), a field line (section 5), a chunk-size line (section 7.1). Each parser takes
// the line's content as Latin-1 text (one char per byte, so string indices are byte offsets) and
// returns pieces that cover every char exactly once, in order, plus what the line says.
// Lenient on purpose: it reads what a real peer sent and says what is wrong with it; it never
// refuses to attribute a byte.
import type { ProblemCode, SpanKind } from './annotation';
import { isToken } from '../syntax';

export interface Piece {
  kind: SpanKind;
  length: number;
}

/** A problem found inside a line: `at` and `length` are offsets within the line. */
export interface LineProblem {
  code: ProblemCode;
  at: number;
  length: number;
  params: Record<string, string | number>;
}

export interface RequestLine {
  method: string;
  target: string;
  version: string;
  pieces: Piece[];
}

export interface StatusLine {
  version: string;
  status: number;
  reason: string;
  pieces: Piece[];
  problems: LineProblem[];
}

// The target has no spaces and no control characters (RFC 9112 section 3.2; RFC 3986's URI
// characters are all visible): a target that carries an ESC is not a request line.
// eslint-disable-next-line no-control-regex -- the control characters are what the class excludes
const REQUEST_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+)( +)([^\x00-\x20\x7f]+)( +)(HTTP\/\d\.\d)$/;
// The version: `HTTP/` DIGIT `.` DIGIT (RFC 9112 section 2.3); or, read as HTTP/1 with a problem,
// one that claims HTTP/1 but is not that (the lesson's `HTTP/1.x`), as Chromium still reads it.
const STATUS_LINE = /^(HTTP\/\d\.\d|HTTP\/1(?:\.[^ ]*)?)( +)(\d{3})(?:( )(.*))?$/;
const VERSION = /^HTTP\/\d\.\d$/;

/** `method SP request-target SP HTTP-version`; runs of spaces are tolerated (RFC 9112 section 3). */
export function parseRequestLine(line: string): RequestLine | null {
  const m = REQUEST_LINE.exec(line);
  if (!m) return null;
  const [, method = '', sp1 = '', target = '', sp2 = '', version = ''] = m;
  return {
    method,
    target,
    version,
    pieces: [
      { kind: 'method', length: method.length },
      { kind: 'sp', length: sp1.length },
      { kind: 'target', length: target.length },
      { kind: 'sp', length: sp2.length },
      { kind: 'version', length: version.length },
    ],
  };
}

/** `HTTP-version SP status-code SP [reason-phrase]` (RFC 9112 section 4). */
export function parseStatusLine(line: string): StatusLine | null {
  const m = STATUS_LINE.exec(line);
  if (!m) return null;
  const [, version = '', sp = '', code = '', sp2, reason = ''] = m;
  const pieces: Piece[] = [
    { kind: 'version', length: version.length },
    { kind: 'sp', length: sp.length },
    { kind: 'status_code', length: code.length },
  ];
  const problems: LineProblem[] = [];
  if (!VERSION.test(version)) problems.push({ code: 'bad_http_version', at: 0, length: version.length, params: { version } });
  if (sp2 === undefined) {
    // The SP before the (possibly empty) reason is required; many clients cope without it.
    problems.push({ code: 'no_reason_phrase', at: 0, length: line.length, params: {} });
  } else {
    pieces.push({ kind: 'sp', length: 1 });
    if (reason.length > 0) pieces.push({ kind: 'reason', length: reason.length });
    // reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ) (section 4): whitespace at its end is
    // part of the phrase, allowed; worth a note, since it is seldom meant.
    const trailing = reason.length - reason.replace(/[ \t]+$/, '').length;
    if (trailing > 0) problems.push({ code: 'reason_trailing_space', at: line.length - trailing, length: trailing, params: { count: trailing } });
  }
  return { version, status: Number(code), reason, pieces: pieces.filter((p) => p.length > 0), problems };
}

export type FieldLine =
  | { ok: true; name: string; value: string; pieces: Piece[]; problems: LineProblem[] }
  | { ok: false; pieces: Piece[]; problems: LineProblem[] };

/** `field-name ":" OWS field-value OWS` (RFC 9112 section 5), with what is wrong with it. */
export function parseFieldLine(line: string): FieldLine {
  const problems = byteProblems(line);
  const colon = line.indexOf(':');
  if (colon <= 0) {
    // A line that starts with its colon has an empty name, which is not a token (RFC 9110 section
    // 5.1: field-name = token): bad_field_name, whose params (and sentence) name the name.
    if (colon === 0) problems.unshift({ code: 'bad_field_name', at: 0, length: line.length, params: { name: '' } });
    else problems.unshift({ code: 'field_no_colon', at: 0, length: line.length, params: { line: preview(line) } });
    return { ok: false, pieces: [{ kind: 'invalid_line', length: line.length }], problems };
  }
  // Index scans, not regexes or a spread over the name: this runs for every field line, and the
  // match arrays and substrings were most of the annotator's garbage. Same pieces, same problems.
  let nameEnd = colon;
  while (nameEnd > 0 && isOws(line.charCodeAt(nameEnd - 1))) nameEnd--;
  const name = line.slice(0, nameEnd);
  const pieces: Piece[] = [];
  if (nameEnd > 0) pieces.push({ kind: 'field_name', length: nameEnd });
  if (nameEnd < colon) {
    pieces.push({ kind: 'ows', length: colon - nameEnd });
    problems.unshift({ code: 'space_before_colon', at: nameEnd, length: colon - nameEnd, params: {} });
  }
  if (!isToken(name)) problems.unshift({ code: 'bad_field_name', at: 0, length: colon, params: { name } });
  pieces.push({ kind: 'colon', length: 1 });
  // OWS around the value (RFC 9112 section 5.1); a value of only whitespace is all leading OWS.
  let start = colon + 1;
  while (start < line.length && isOws(line.charCodeAt(start))) start++;
  let end = line.length;
  while (end > start && isOws(line.charCodeAt(end - 1))) end--;
  if (start > colon + 1) pieces.push({ kind: 'ows', length: start - colon - 1 });
  if (end > start) pieces.push({ kind: 'field_value', length: end - start });
  if (line.length > end) pieces.push({ kind: 'ows', length: line.length - end });
  return { ok: true, name, value: line.slice(start, end), pieces, problems };
}

/** SP or HTAB (RFC 9110 section 5.6.3). */
function isOws(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

export type ChunkSizeLine = { ok: true; size: number; pieces: Piece[] } | { ok: false };

/** `chunk-size [ chunk-ext ]` (RFC 9112 section 7.1.1); 13 hex digits keep sizes exact. */
export function parseChunkSizeLine(line: string): ChunkSizeLine {
  const m = /^([0-9A-Fa-f]{1,13})([ \t]*;.*|[ \t]*)$/.exec(line);
  if (!m) return { ok: false };
  const [, digits = '', ext = ''] = m;
  const pieces: Piece[] = [{ kind: 'chunk_size', length: digits.length }];
  if (ext.length > 0) pieces.push({ kind: 'chunk_ext', length: ext.length });
  return { ok: true, size: parseInt(digits, 16), pieces };
}

/** Bytes a field must not carry: control characters, and (a warning) anything beyond ASCII. */
function byteProblems(line: string): LineProblem[] {
  const problems: LineProblem[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0x80) {
      problems.push({ code: 'non_ascii_field', at: i, length: 1, params: { byte: hex(c) } });
      break;
    }
  }
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) {
      problems.push({ code: 'ctl_in_field', at: i, length: 1, params: { byte: hex(c) } });
      break;
    }
  }
  return problems;
}

/** A line as a problem quotes it: short, one line. */
export function preview(line: string): string {
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

function hex(c: number): string {
  return `0x${c.toString(16).toUpperCase().padStart(2, '0')}`;
}
