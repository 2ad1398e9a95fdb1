// Exact bytes as text a person can edit in a plain <textarea>, and back, with nothing lost.
// A textarea cannot hold a lone CR (HTML normalizes its line breaks to LF), and cannot show a NUL
// or a byte that is not UTF-8, so those are written as escapes, the same ones the client console
// knows (DESIGN.md): \r CR, \n LF, \t TAB, \xHH any byte, \\ a backslash. A real line break in
// the text is one LF byte. `bytesToEscapedText` writes the one canonical form; reading is lenient:
// a backslash that starts no escape is just a backslash.
// Pure: no DOM, so the codec is tested on its own, byte for byte.
import { hexByte, utf8Encode, visibleTokens } from '../../shared/bytes/bytes';

const BACKSLASH = 0x5c;

/**
 * How a CR is written: `escape` (`\\r`, for a <textarea>, which cannot hold a lone CR) or `char`
 * (the CR character itself, for the code editor, which keeps it and draws it as a CR badge).
 */
export interface EscapeStyle {
  cr: 'escape' | 'char';
}

/** Canonical text for `bytes`: decoding it gives the same bytes back (see the test). */
export function bytesToEscapedText(bytes: Uint8Array, style: EscapeStyle = { cr: 'escape' }): string {
  const decoder = new TextDecoder();
  let out = '';
  for (const token of visibleTokens(bytes)) {
    const slice = bytes.subarray(token.offset, token.offset + token.length);
    if (token.kind === 'text') out += decoder.decode(slice).replaceAll('\\', '\\\\');
    else if (token.kind === 'cr') out += style.cr === 'char' ? '\r' : '\\r';
    else if (token.kind === 'lf') out += '\n';
    else if (token.kind === 'tab') out += '\\t';
    // NUL, DEL, invisible characters, stray or cut-off UTF-8: one escape per byte, exact.
    else for (const b of slice) out += hexByte(b);
  }
  return out;
}

/** The bytes `text` stands for. Never fails: text that is not an escape is taken literally. */
export function escapedTextToBytes(text: string): Uint8Array<ArrayBuffer> {
  const out: number[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal) for (const b of utf8Encode(literal)) out.push(b);
    literal = '';
  };
  for (const segment of escapedSegments(text)) {
    if (segment.kind === 'text') {
      literal += segment.text;
      continue;
    }
    flush();
    out.push(segment.byte);
  }
  flush();
  return new Uint8Array(out);
}

/**
 * The text cut into what a view draws differently: plain text, a CR written as \r, a line break
 * (an LF), and the other escapes. Every character of `text` is in exactly one segment, in order,
 * so a view drawing the segments' `text` lines up with the textarea character for character.
 */
export type EscapedSegment =
  | { kind: 'text'; text: string }
  | { kind: 'cr' | 'lf' | 'escape'; text: string; byte: number };

export function escapedSegments(text: string): EscapedSegment[] {
  const segments: EscapedSegment[] = [];
  let plain = '';
  const push = (segment: EscapedSegment): void => {
    if (plain) segments.push({ kind: 'text', text: plain });
    plain = '';
    segments.push(segment);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '\n') {
      push({ kind: 'lf', text: c, byte: 0x0a });
      i += 1;
      continue;
    }
    // Only set by a program (a textarea normalizes CR away), but a CR character is a CR byte.
    if (c === '\r') {
      push({ kind: 'cr', text: c, byte: 0x0d });
      i += 1;
      continue;
    }
    if (c !== '\\') {
      plain += c;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    const hex = /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4)) ? text.slice(i + 2, i + 4) : null;
    if (next === 'r') push({ kind: 'cr', text: '\\r', byte: 0x0d });
    else if (next === 'n') push({ kind: 'escape', text: '\\n', byte: 0x0a });
    else if (next === 't') push({ kind: 'escape', text: '\\t', byte: 0x09 });
    else if (next === '\\') push({ kind: 'escape', text: '\\\\', byte: BACKSLASH });
    else if (next === 'x' && hex) push({ kind: 'escape', text: `\\x${hex}`, byte: parseInt(hex, 16) });
    else {
      plain += c;
      i += 1;
      continue;
    }
    i += segments.at(-1)?.text.length ?? 1;
  }
  if (plain) segments.push({ kind: 'text', text: plain });
  return segments;
}
