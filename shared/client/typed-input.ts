// What a person types into the client, as the exact bytes it stands for. Shared by the console and
// `wirebench connect`, so both send the same bytes for the same keystrokes.
// - Text: each line ends with the chosen line ending (CRLF by default: RFC 9112 section 2.2 wants
//   CRLF; LF shows what a lenient server accepts; none sends the text alone). Escapes spell what a
//   keyboard cannot: \r \n \t \0 \xHH and \\. Anything else after a backslash is refused with its
//   position rather than guessed at: the point is exact bytes.
// - Hex: pairs of hex digits, spaces and line breaks ignored (`47 45 54 20`).
import { utf8Encode } from '../bytes/bytes';

export const LINE_ENDINGS = ['crlf', 'lf', 'none'] as const;
export type LineEnding = (typeof LINE_ENDINGS)[number];

export const ENDING_BYTES: Readonly<Record<LineEnding, Uint8Array>> = {
  crlf: Uint8Array.of(0x0d, 0x0a),
  lf: Uint8Array.of(0x0a),
  none: new Uint8Array(0),
};

/** Where the input could not be read: a character offset from 0 into the text, and why. */
export interface InputMistake {
  at: number;
  problem: 'bad_escape' | 'odd_hex' | 'not_hex';
}

export type Encoded = { ok: true; bytes: Uint8Array } | { ok: false; mistake: InputMistake };

const BACKSLASH = 0x5c;
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { r: 0x0d, n: 0x0a, t: 0x09, '0': 0x00, '\\': BACKSLASH };

/**
 * One line's escapes decoded (the text holds no line break of its own: see encodeLines): the
 * text's UTF-8 bytes through decodeEscapedBytes, so typed text and piped bytes share one decoder.
 * A mistake's `at` counts characters of `text` (from `offset`): the escapes are ASCII, so the byte
 * offset always falls between two characters.
 */
export function decodeEscapes(text: string, offset = 0): Encoded {
  const bytes = utf8Encode(text);
  const decoded = decodeEscapedBytes(bytes);
  if (decoded.ok) return decoded;
  const at = new TextDecoder().decode(bytes.subarray(0, decoded.mistake.at)).length;
  return { ok: false, mistake: { at: offset + at, problem: decoded.mistake.problem } };
}

/**
 * Escapes decoded in bytes that are not necessarily text (a line read from a pipe): the escapes are
 * ASCII, so they are found byte by byte and every other byte is kept as it is, valid UTF-8 or not.
 * A mistake's `at` is a byte offset into `bytes`.
 */
export function decodeEscapedBytes(bytes: Uint8Array): Encoded {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b !== BACKSLASH) {
      out.push(b);
      continue;
    }
    const letter = String.fromCharCode(bytes[i + 1] ?? 0);
    const simple = Object.hasOwn(SIMPLE_ESCAPES, letter) ? SIMPLE_ESCAPES[letter] : undefined;
    const hex = String.fromCharCode(bytes[i + 2] ?? 0, bytes[i + 3] ?? 0);
    if (simple !== undefined) {
      out.push(simple);
      i += 1;
    } else if (letter === 'x' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 3;
    } else {
      return { ok: false, mistake: { at: i, problem: 'bad_escape' } };
    }
  }
  return { ok: true, bytes: new Uint8Array(out) };
}

/**
 * The text as lines, each followed by `ending`: what pressing Enter sends. A text of three lines
 * (`a\nb\n` is "a", "b" and an empty last line) sends three line endings, so a request typed with
 * its blank line sends that blank line too. Line breaks in the text (LF, CRLF or a lone CR) are
 * only separators: what goes out between lines is always `ending`.
 */
export function encodeLines(text: string, ending: LineEnding, finalEnding = true): Encoded {
  const parts: number[] = [];
  let offset = 0;
  const lines = text.split(/\r\n|\r|\n/);
  for (const [i, line] of lines.entries()) {
    const decoded = decodeEscapes(line, offset);
    if (!decoded.ok) return decoded;
    for (const b of decoded.bytes) parts.push(b);
    // finalEnding false: the last line goes out as typed (a request body of an exact length).
    if (finalEnding || i < lines.length - 1) for (const b of ENDING_BYTES[ending]) parts.push(b);
    offset += line.length + lineBreakLength(text, offset + line.length);
  }
  return { ok: true, bytes: new Uint8Array(parts) };
}

/** Hex digits in pairs; whitespace between pairs is ignored. */
export function decodeHex(text: string): Encoded {
  const out: number[] = [];
  let high: number | null = null;
  let highAt = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      if (high !== null) return { ok: false, mistake: { at: highAt, problem: 'odd_hex' } };
      continue;
    }
    const digit = parseInt(c, 16);
    if (!/^[0-9A-Fa-f]$/.test(c)) return { ok: false, mistake: { at: i, problem: 'not_hex' } };
    if (high === null) {
      high = digit;
      highAt = i;
    } else {
      out.push(high * 16 + digit);
      high = null;
    }
  }
  if (high !== null) return { ok: false, mistake: { at: highAt, problem: 'odd_hex' } };
  return { ok: true, bytes: new Uint8Array(out) };
}

/** What a paste held, so the console can say what it did with its line breaks. */
export interface PasteReport {
  /** The pasted text with every line break as LF (the input's own separator). */
  text: string;
  lines: number;
  /** Which line breaks the pasted text had; they go out as the chosen ending, whatever they were. */
  found: 'crlf' | 'lf' | 'cr' | 'mixed' | 'none';
}

export function normalizePaste(text: string): PasteReport {
  const breaks = text.match(/\r\n|\r|\n/g) ?? [];
  const kinds = new Set(breaks.map((b) => (b === '\r\n' ? 'crlf' : b === '\r' ? 'cr' : 'lf')));
  const found = kinds.size === 0 ? 'none' : kinds.size > 1 ? 'mixed' : ([...kinds][0] as 'crlf' | 'lf' | 'cr');
  return { text: text.replace(/\r\n|\r/g, '\n'), lines: breaks.length + 1, found };
}

/**
 * Character mode: the bytes one key sends at once, as a telnet in character mode does, or null
 * for a key that sends nothing. Enter sends the line ending (CR alone when the ending is none,
 * as a terminal's Return key does); Backspace sends DEL (0x7f), as most terminals do.
 */
export function keyBytes(key: string, ending: LineEnding): Uint8Array | null {
  if (key === 'Enter') return ending === 'none' ? Uint8Array.of(0x0d) : ENDING_BYTES[ending];
  if (key === 'Tab') return Uint8Array.of(0x09);
  if (key === 'Backspace') return Uint8Array.of(0x7f);
  if (key === 'Escape') return Uint8Array.of(0x1b);
  // One character (a letter, a digit, a symbol, an emoji): its UTF-8 bytes. Named keys (Shift,
  // ArrowUp, ...) are longer than one code point and send nothing.
  if ([...key].length === 1) return utf8Encode(key);
  return null;
}

function lineBreakLength(text: string, at: number): number {
  if (text.startsWith('\r\n', at)) return 2;
  return at < text.length ? 1 : 0;
}
