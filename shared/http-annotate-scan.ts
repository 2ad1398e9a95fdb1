// The lines of a well-formed head read straight from the bytes: a request line, a status line, a
// field line, a chunk-size line of hex digits only. The annotator tries these first, since they
// make no string per line and no array of pieces (in a keep-alive stream of small requests,
// decoding each line and cutting it up was most of the time). Each scan accepts only lines that
// http-annotate-lines.ts would read without a problem and would cut into the same pieces; anything
// else (a problem, folding, extensions) returns false, and the annotator reads that line as text
// there, which says what is wrong. So a scan need be exact only about what it accepts.
import { CR, HTAB, isTchar, latin1, SP } from './http-syntax';

/** Where a scanned line's parts start and end (absolute positions in the bytes), by the scan that filled it in. */
export interface LineCut {
  a: number;
  b: number;
  c: number;
  d: number;
}

const COLON = 0x3a;
const SLASH = 0x2f;
const DOT = 0x2e;
/** "HTTP/" */
const HTTP = [0x48, 0x54, 0x54, 0x50, SLASH] as const;

/**
 * `method SP+ target SP+ HTTP/d.d` (RFC 9112 section 3), exactly what REQUEST_LINE in
 * http-annotate-lines.ts matches: a method of tchars, a target of visible bytes (0x21-0xFF but DEL).
 * Fills a: the method's end, b: the target's start, c: the target's end, d: the version's start.
 */
export function scanRequestLine(bytes: Uint8Array, start: number, end: number, cut: LineCut): boolean {
  let i = start;
  while (i < end && isTchar(bytes[i] as number)) i++;
  if (i === start || i === end || bytes[i] !== SP) return false;
  cut.a = i;
  while (i < end && bytes[i] === SP) i++;
  cut.b = i;
  while (i < end) {
    const c = bytes[i] as number;
    if (c <= SP || c === 0x7f) break;
    i++;
  }
  if (i === cut.b || i === end || bytes[i] !== SP) return false;
  cut.c = i;
  while (i < end && bytes[i] === SP) i++;
  cut.d = i;
  return end - i === 8 && isVersion(bytes, i);
}

/**
 * `HTTP/d.d SP+ ddd SP reason` (RFC 9112 section 4) with the SP before the reason there (its
 * absence is a problem) and no CR in the reason (STATUS_LINE's `.*` stops at one).
 * Fills a: the version's end, b: the status code's start.
 */
export function scanStatusLine(bytes: Uint8Array, start: number, end: number, cut: LineCut): boolean {
  if (end - start < 13 || !isVersion(bytes, start) || bytes[start + 8] !== SP) return false;
  let i = start + 8;
  cut.a = i;
  while (i < end && bytes[i] === SP) i++;
  cut.b = i;
  if (end - i < 4 || !isDigit(bytes[i]) || !isDigit(bytes[i + 1]) || !isDigit(bytes[i + 2]) || bytes[i + 3] !== SP) return false;
  for (i += 4; i < end; i++) if (bytes[i] === CR) return false;
  return true;
}

/** The status code at `at`, three digits the scan checked. */
export function statusCode(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) - 0x30) * 100 + ((bytes[at + 1] as number) - 0x30) * 10 + ((bytes[at + 2] as number) - 0x30);
}

/**
 * `name ":" OWS value OWS` (RFC 9112 section 5) with a token name right before its colon and a
 * value of visible ASCII, SP and HTAB only: no control character, no obs-text (those are problems).
 * Fills a: the colon, b: the value's start, c: the value's end (OWS either side left out).
 */
export function scanFieldLine(bytes: Uint8Array, start: number, end: number, cut: LineCut): boolean {
  let i = start;
  while (i < end && isTchar(bytes[i] as number)) i++;
  if (i === start || i === end || bytes[i] !== COLON) return false;
  cut.a = i;
  let from = i + 1;
  while (from < end && isOws(bytes[from] as number)) from++;
  let to = end;
  while (to > from && isOws(bytes[to - 1] as number)) to--;
  for (let k = from; k < to; k++) {
    const c = bytes[k] as number;
    if ((c < SP && c !== HTAB) || c >= 0x7f) return false;
  }
  cut.b = from;
  cut.c = to;
  return true;
}

/** A chunk-size line of 1 to 13 hex digits and nothing else: its size, else -1 (RFC 9112 section 7.1). */
export function scanChunkSize(bytes: Uint8Array, start: number, end: number): number {
  if (end === start || end - start > 13) return -1;
  let size = 0;
  for (let i = start; i < end; i++) {
    const digit = hexDigit(bytes[i] as number);
    if (digit < 0) return -1;
    size = size * 16 + digit;
  }
  return size;
}

/**
 * The text of bytes [start, end), reusing `known` when it is that text already: a keep-alive
 * stream repeats its field names and most values message after message, and comparing bytes with
 * a string costs a tenth of making the string (and keeps one copy in memory, not one a message).
 */
export function textOf(bytes: Uint8Array, start: number, end: number, known: string | undefined): string {
  return known !== undefined && sameText(bytes, start, end, known) ? known : latin1(bytes, start, end);
}

/** Whether bytes [start, end) are `text`'s chars (Latin-1, one byte a char). */
export function sameText(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}

/** `HTTP/` DIGIT `.` DIGIT at `at` (RFC 9112 section 2.3). */
function isVersion(bytes: Uint8Array, at: number): boolean {
  for (let k = 0; k < 5; k++) if (bytes[at + k] !== HTTP[k]) return false;
  return isDigit(bytes[at + 5]) && bytes[at + 6] === DOT && isDigit(bytes[at + 7]);
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

function isOws(c: number): boolean {
  return c === SP || c === HTAB;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}
