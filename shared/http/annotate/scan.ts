// The lines of a well-formed head read straight from the bytes: a request line, a status line, a
// field line, a chunk-size line of hex digits only. The annotator tries these first, since they
// make no string per line and no array of pieces (in a keep-alive stream of small requests,
// decoding each line and cutting it up was most of the time), and each finds its line's end in
// the same pass. Each scan accepts only complete lines that shared/http/annotate/lines.ts would read
// without a problem and cut into the same pieces; anything else (a problem, folding, extensions,
// no LF yet) returns false, and the annotator reads that line as text there, which says what is
// wrong. So a scan need be exact only about what it accepts.
// A scan reads bytes [start, limit): the line starts at `start` and its LF must come before `limit`.
import { CR, HTAB, isTchar, latin1, LF, SP } from '../syntax';

/** Where a scanned line's parts start and end (absolute positions in the bytes), by the scan that filled it in. */
export interface LineCut {
  a: number;
  b: number;
  c: number;
  d: number;
  /** Where the line's content ends: its CR LF, or bare LF (RFC 9112 section 2.2 lets us accept one). */
  stop: number;
  /** Just after its LF: where the next line starts. */
  next: number;
}

const COLON = 0x3a;
const SLASH = 0x2f;
const DOT = 0x2e;
/** "HTTP/" */
const HTTP = [0x48, 0x54, 0x54, 0x50, SLASH] as const;

/**
 * `method SP+ target SP+ HTTP/d.d` (RFC 9112 section 3), exactly what REQUEST_LINE in
 * shared/http/annotate/lines.ts matches: a method of tchars, a target of visible bytes (0x21-0xFF but DEL).
 * Fills a: the method's end, b: the target's start, c: the target's end, d: the version's start.
 */
export function scanRequestLine(bytes: Uint8Array, start: number, limit: number, cut: LineCut): boolean {
  let i = start;
  while (i < limit && isTchar(bytes[i] as number)) i++;
  if (i === start || i === limit || bytes[i] !== SP) return false;
  cut.a = i;
  while (i < limit && bytes[i] === SP) i++;
  cut.b = i;
  while (i < limit) {
    const c = bytes[i] as number;
    if (c <= SP || c === 0x7f) break;
    i++;
  }
  if (i === cut.b || i === limit || bytes[i] !== SP) return false;
  cut.c = i;
  while (i < limit && bytes[i] === SP) i++;
  cut.d = i;
  return limit - i > 8 && isVersion(bytes, i) && lineEnd(bytes, i + 8, limit, cut);
}

/**
 * `HTTP/d.d SP+ ddd SP reason` (RFC 9112 section 4) with the SP before the reason there (its
 * absence is a problem), no CR in the reason (STATUS_LINE's `.*` stops at one), and no whitespace
 * at the reason's end (a note).
 * Fills a: the version's end, b: the status code's start.
 */
export function scanStatusLine(bytes: Uint8Array, start: number, limit: number, cut: LineCut): boolean {
  if (limit - start < 14 || !isVersion(bytes, start) || bytes[start + 8] !== SP) return false;
  let i = start + 8;
  cut.a = i;
  while (i < limit && bytes[i] === SP) i++;
  cut.b = i;
  if (limit - i < 5 || !isDigit(bytes[i]) || !isDigit(bytes[i + 1]) || !isDigit(bytes[i + 2]) || bytes[i + 3] !== SP) return false;
  const reason = i + 4;
  for (i = reason; i < limit; i++) {
    const c = bytes[i];
    if (c === CR || c === LF) break;
  }
  // Whitespace at the reason's end is a note (reason_trailing_space): the text reading tells it.
  if (i > reason && isOws(bytes[i - 1] as number)) return false;
  return lineEnd(bytes, i, limit, cut);
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
export function scanFieldLine(bytes: Uint8Array, start: number, limit: number, cut: LineCut): boolean {
  let i = start;
  while (i < limit && isTchar(bytes[i] as number)) i++;
  if (i === start || i === limit || bytes[i] !== COLON) return false;
  cut.a = i;
  // The value and the OWS around it run to the first byte that is neither: the line's end, or
  // something that is a problem (then lineEnd says no).
  let end = i + 1;
  while (end < limit) {
    const c = bytes[end] as number;
    if ((c < SP && c !== HTAB) || c >= 0x7f) break;
    end++;
  }
  if (!lineEnd(bytes, end, limit, cut)) return false;
  let from = i + 1;
  while (from < end && isOws(bytes[from] as number)) from++;
  let to = end;
  while (to > from && isOws(bytes[to - 1] as number)) to--;
  cut.b = from;
  cut.c = to;
  return true;
}

/** A chunk-size line of 1 to 13 hex digits and nothing else (RFC 9112 section 7.1). Fills a: the size. */
export function scanChunkSize(bytes: Uint8Array, start: number, limit: number, cut: LineCut): boolean {
  let size = 0;
  let i = start;
  for (; i < limit && i - start < 14; i++) {
    const digit = hexDigit(bytes[i] as number);
    if (digit < 0) break;
    size = size * 16 + digit;
  }
  if (i === start || i - start > 13 || !lineEnd(bytes, i, limit, cut)) return false;
  cut.a = size;
  return true;
}

/** Whether a line ends at `at` (CR LF, or a bare LF), before `limit`; fills stop and next. */
function lineEnd(bytes: Uint8Array, at: number, limit: number, cut: LineCut): boolean {
  if (at >= limit) return false;
  const c = bytes[at];
  if (c === LF) cut.next = at + 1;
  else if (c === CR && at + 1 < limit && bytes[at + 1] === LF) cut.next = at + 2;
  else return false;
  cut.stop = at;
  return true;
}

/**
 * The strings of a head, made once: a keep-alive stream repeats its field names and most values
 * message after message, and comparing bytes with a string costs a tenth of making the string
 * (and keeps one copy in memory, not one a message).
 */
export class Texts {
  /** Short strings made lately, by a hash of their bytes: what recurs, but not in the message just before. */
  private recent: (string | undefined)[] | null = null;

  /** The text of bytes [start, end): `known` if it is that text already (the message before's), else a recent one, else a new one. */
  of(bytes: Uint8Array, start: number, end: number, known: string | undefined): string {
    if (known !== undefined && sameText(bytes, start, end, known)) return known;
    const n = end - start;
    // Long values are the message before's or new (a long target, a token): not worth a slot.
    if (n === 0 || n > 48) return text(bytes, start, end);
    const slot = (n * 31 + (bytes[start] as number) * 7 + (bytes[end - 1] as number) * 3 + (bytes[start + (n >> 1)] as number)) & 63;
    // Made at the first miss: a head that only repeats the message before never needs it.
    const recent = (this.recent ??= new Array<string | undefined>(64).fill(undefined));
    const seen = recent[slot];
    if (seen !== undefined && sameText(bytes, start, end, seen)) return seen;
    const made = text(bytes, start, end);
    recent[slot] = made;
    return made;
  }
}

/** Up to this many bytes, text() copies them into an array of numbers kept for that length. */
const SHORT = 128;
const CODES: number[][] = [];

/**
 * Bytes [start, end) as a string, one char per byte (Latin-1), as latin1() in shared/http/syntax.ts
 * makes it, quicker for the short texts of a head: String.fromCharCode.apply takes a plain array
 * of numbers on its fast path, and a typed array (a subarray, made for the call) on a slow one,
 * about three times slower for a field value (measured by a micro-benchmark on Node 20).
 */
export function text(bytes: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n > SHORT) return latin1(bytes, start, end);
  let codes = CODES[n];
  if (codes === undefined) codes = CODES[n] = Array.from({ length: n }, () => 0);
  for (let i = 0; i < n; i++) codes[i] = bytes[start + i] as number;
  return String.fromCharCode.apply(null, codes);
}

/** Whether bytes [start, end) are `text`'s chars (Latin-1, one byte a char). */
export function sameText(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  const n = text.length;
  if (n !== end - start) return false;
  for (let i = 0, at = start; i < n; i++, at++) if (text.charCodeAt(i) !== bytes[at]) return false;
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
