// Bytes made visible. The lesson is in the bytes a person cannot see: CR before LF (RFC 9112
// section 2.2 ends every HTTP/1.1 line with CRLF), a TAB where a space was expected, a NUL, a stray
// byte that is not UTF-8. So nothing here is ever dropped or silently "fixed": every input byte ends
// up in exactly one token, and each token knows the `offset` and `length` of the bytes it stands for,
// so views can point back at the wire (and tests can check that the tokens tile the input).
// Pure: Uint8Array only, no Buffer, no DOM.

/**
 * What a token stands for:
 * - text: printable characters (ASCII 0x20-0x7E and valid UTF-8), grouped into one run.
 * - cr / lf / tab: the three controls HTTP cares about, shown as ␍ ␊ ␉. A view breaks the line
 *   after `lf`, so the text still reads line by line.
 * - control: any other C0 control or DEL as its control picture (␀ ... ␟, ␡); C1 controls and
 *   invisible formatting characters (valid UTF-8, but unseen or reordering the line) as \uXXXX.
 * - invalid: a byte that starts no valid UTF-8 sequence, as \xHH (one token per byte).
 * - incomplete: a valid beginning of a UTF-8 sequence cut off by the end of the bytes, as \xHH\xHH
 *   (typically a character split across two chunks).
 */
export const TOKEN_KINDS = ['text', 'cr', 'lf', 'tab', 'control', 'invalid', 'incomplete'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export interface ByteToken {
  kind: TokenKind;
  /** Where in the input the bytes start. */
  offset: number;
  /** How many input bytes this token stands for (at least 1). */
  length: number;
  /** What to show. */
  text: string;
  /** For C0 controls and DEL: the ASCII name (CR, LF, NUL, ESC, ...), for views that spell it out. */
  name?: string;
}

const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const DEL = 0x7f;

/** The Unicode "Control Pictures" block maps C0 byte b to U+2400 + b; DEL has U+2421. */
const CONTROL_PICTURES_BASE = 0x2400;
const DEL_PICTURE = '\u2421';

/**
 * ASCII's names for the C0 controls (ANSI X3.4 / RFC 20), indexed by byte. 0x09 is called TAB
 * rather than HT: that is the key a learner pressed.
 */
export const C0_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
] as const;

export function hexByte(b: number): string {
  return `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * Characters that are valid UTF-8 but show nothing, or silently reorder what follows: C1 controls,
 * soft hyphen, zero-width characters, bidirectional embeddings/overrides/isolates (which can make
 * a line read differently from its bytes), and the BOM. They are shown escaped.
 */
function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x80 && cp <= 0x9f) ||
    cp === 0xad ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    cp === 0xfeff
  );
}

/**
 * The length of the valid UTF-8 sequence starting at `i`, per RFC 3629 section 4 (which rules out
 * overlong forms, UTF-16 surrogates and code points past U+10FFFF):
 *   C2-DF 80-BF | E0 A0-BF 80-BF | E1-EC 80-BF 80-BF | ED 80-9F 80-BF | EE-EF 80-BF 80-BF
 *   F0 90-BF 80-BF 80-BF | F1-F3 80-BF 80-BF 80-BF | F4 80-8F 80-BF 80-BF
 * Returns 0 if the bytes there are not valid UTF-8, or -n if the input ends after n bytes that
 * are a valid beginning of a sequence.
 */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) need = 1;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2;
    if (b0 === 0xe0) lo = 0xa0;
    if (b0 === 0xed) hi = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3;
    if (b0 === 0xf0) lo = 0x90;
    if (b0 === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k <= need; k++) {
    if (i + k >= bytes.length) return -k;
    const b = bytes[i + k] ?? 0;
    // Only the second byte has the narrowed range; the others are plain continuation bytes.
    const min = k === 1 ? lo : 0x80;
    const max = k === 1 ? hi : 0xbf;
    if (b < min || b > max) return 0;
  }
  return need + 1;
}

function decodeSequence(bytes: Uint8Array, i: number, length: number): number {
  const b0 = bytes[i] ?? 0;
  let cp = length === 2 ? b0 & 0x1f : length === 3 ? b0 & 0x0f : b0 & 0x07;
  for (let k = 1; k < length; k++) cp = (cp << 6) | ((bytes[i + k] ?? 0) & 0x3f);
  return cp;
}

function escapeCodePoint(cp: number): string {
  return `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Turns bytes into visible tokens; see TokenKind. Printable runs are merged into one token. */
export function visibleTokens(bytes: Uint8Array): ByteToken[] {
  const tokens: ByteToken[] = [];
  let runStart = -1;
  let run = '';
  const endRun = (): void => {
    if (runStart < 0) return;
    tokens.push({ kind: 'text', offset: runStart, length: 0, text: run });
    runStart = -1;
    run = '';
  };
  const addText = (at: number, text: string): void => {
    if (runStart < 0) runStart = at;
    run += text;
  };
  const add = (kind: TokenKind, offset: number, length: number, text: string): void => {
    endRun();
    tokens.push({ kind, offset, length, text });
  };
  const addControl = (kind: TokenKind, offset: number, b: number): void => {
    endRun();
    const text = b === DEL ? DEL_PICTURE : String.fromCharCode(CONTROL_PICTURES_BASE + b);
    tokens.push({ kind, offset, length: 1, text, name: b === DEL ? 'DEL' : C0_NAMES[b] });
  };

  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b >= 0x20 && b < DEL) {
      addText(i, String.fromCharCode(b));
      i += 1;
    } else if (b < 0x20 || b === DEL) {
      addControl(b === CR ? 'cr' : b === LF ? 'lf' : b === TAB ? 'tab' : 'control', i, b);
      i += 1;
    } else {
      const n = utf8SequenceLength(bytes, i);
      if (n > 0) {
        const cp = decodeSequence(bytes, i, n);
        if (isInvisible(cp)) add('control', i, n, escapeCodePoint(cp));
        else addText(i, String.fromCodePoint(cp));
        i += n;
      } else if (n < 0) {
        // The input ends inside a sequence that was valid so far: one token for the whole tail.
        const tail = bytes.subarray(i);
        add('incomplete', i, tail.length, Array.from(tail, hexByte).join(''));
        i = bytes.length;
      } else {
        add('invalid', i, 1, hexByte(b));
        i += 1;
      }
    }
  }
  endRun();
  return fixRunLengths(tokens, bytes.length);
}

/** Text runs were built without counting bytes; a run spans up to the next token's offset. */
function fixRunLengths(tokens: ByteToken[], total: number): ByteToken[] {
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (token?.kind !== 'text') continue;
    const next = tokens[k + 1];
    token.length = (next ? next.offset : total) - token.offset;
  }
  return tokens;
}

/**
 * How many bytes at the end of `bytes` are the valid beginning of a UTF-8 sequence that the end
 * cuts off (0 to 3): a reader that gets the rest in its next read should join the two first.
 */
export function incompleteTailLength(bytes: Uint8Array): number {
  // A sequence is at most 4 bytes, so its lead byte is within the last 3.
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back] ?? 0;
    if (b < 0x80) return 0; // ASCII: nothing is cut
    if (b >= 0xc0) return utf8SequenceLength(bytes, bytes.length - back) < 0 ? back : 0;
    // a continuation byte: keep looking back for its lead
  }
  return 0;
}

/** True for tokens after which a view starts a new line (the LF itself stays visible as ␊). */
export function breaksLine(token: ByteToken): boolean {
  return token.kind === 'lf';
}

/** The tokens as one string, with a real newline after each ␊: for the CLI, tests and copying. */
export function visibleString(bytes: Uint8Array): string {
  let out = '';
  for (const token of visibleTokens(bytes)) {
    out += token.text;
    if (breaksLine(token)) out += '\n';
  }
  return out;
}

/** What a person typed, as the UTF-8 bytes that go on the wire (lone surrogates become U+FFFD). */
export function utf8Encode(text: string): Uint8Array<ArrayBuffer> {
  // Copied into a plain ArrayBuffer: that is the type the contract's byte fields take.
  return new Uint8Array(new TextEncoder().encode(text));
}

/** Same length and same bytes (not necessarily the same array). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Joins chunks into one array, e.g. consecutive chunks of one direction of a stream. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
