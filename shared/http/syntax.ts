// The small pieces of HTTP/1.1 syntax that request framing needs (RFC 9110 section 5.6, RFC 9112
// sections 2-5), over bytes. Pure: no Node, no DOM. Header text is decoded as Latin-1, one char per
// byte, because field values may carry obs-text (0x80-0xFF) that is not UTF-8 (RFC 9110 5.5), and a
// workbench must show exactly what was sent.

export const CR = 0x0d;
export const LF = 0x0a;
export const SP = 0x20;
export const HTAB = 0x09;

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
//       / DIGIT / ALPHA   (RFC 9110 section 5.6.2). A table, so a check is one lookup per byte.
const TCHAR = new Uint8Array(256);
for (let c = 0x30; c <= 0x39; c++) TCHAR[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) TCHAR[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) TCHAR[c] = 1;
for (const ch of "!#$%&'*+-.^_`|~") TCHAR[ch.charCodeAt(0)] = 1;

export function isTchar(byte: number): boolean {
  return TCHAR[byte] === 1;
}

/** A token (RFC 9110 5.6.2): one or more tchars. */
export function isToken(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isTchar(text.charCodeAt(i))) return false;
  return true;
}

/** Bytes [start, end) as a string, one char per byte (Latin-1), never failing on any byte. */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  // fromCharCode takes its arguments on the stack: go in slices so a 64 KiB line cannot overflow it.
  // apply() with the typed array itself, not a spread: a spread walks the array's iterator, several
  // times slower for the 20-200-byte lines of a head (measured in bench/annotate.ts).
  for (let at = start; at < end; at += 8192) {
    text += String.fromCharCode.apply(null, bytes.subarray(at, Math.min(end, at + 8192)) as unknown as number[]);
  }
  return text;
}

/**
 * The end of the line content that ends with the LF at `lf`: a CR right before the LF belongs to
 * the line end. RFC 9112 section 2.2 lets a recipient accept a bare LF as a line terminator.
 */
export function contentEnd(bytes: Uint8Array, lineStart: number, lf: number): number {
  return lf > lineStart && bytes[lf - 1] === CR ? lf - 1 : lf;
}

/** A control character other than HTAB, or DEL: never valid inside a request line or a field. */
function isCtl(code: number): boolean {
  return (code < 0x20 && code !== HTAB) || code === 0x7f;
}

export function hasCtl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isCtl(text.charCodeAt(i))) return true;
  return false;
}

/**
 * One field line, `field-name ":" OWS field-value OWS` (RFC 9112 section 5), or null if it is not
 * one. No whitespace is allowed between the name and the colon (5.1: such a request must be
 * refused); a line that starts with whitespace is obsolete line folding (5.2), which we refuse
 * rather than unfold; a bare CR or other control character inside is invalid (2.2).
 */
export function parseFieldLine(line: string): readonly [string, string] | null {
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  const name = line.slice(0, colon);
  if (!isToken(name)) return null;
  const value = trimOws(line.slice(colon + 1));
  if (hasCtl(value)) return null;
  return [name, value];
}

/** Strips optional whitespace (SP / HTAB, RFC 9110 section 5.6.3) from both ends. */
export function trimOws(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isOws(text.charCodeAt(start))) start++;
  while (end > start && isOws(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

export function isOws(code: number): boolean {
  return code === SP || code === HTAB;
}

/** The comma-separated list elements of a field value (RFC 9110 section 5.6.1), empties dropped. */
export function listElements(value: string): string[] {
  return value
    .split(',')
    .map(trimOws)
    .filter((element) => element.length > 0);
}
