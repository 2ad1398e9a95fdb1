// Quoting for POSIX sh (dash is Debian's /bin/sh, so nothing bash-only such as $'...'), and
// printf format strings that stand for exact bytes.

const PRINTABLE_FIRST = 0x20;
const PRINTABLE_LAST = 0x7e;
const QUOTE = 0x27;
const BACKSLASH = 0x5c;
const PERCENT = 0x25;

/**
 * One shell word holding `text` literally: single quotes keep every character but the quote
 * itself, which is closed, escaped and reopened (POSIX.1-2017 XCU 2.2.3).
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A text is safe to put in a shell word as is: printable ASCII only (a clipboard would re-encode the rest as UTF-8). */
export function isPrintableAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b < PRINTABLE_FIRST || b > PRINTABLE_LAST) return false;
  return true;
}

const NAMED_ESCAPES: Readonly<Record<number, string>> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', [BACKSLASH]: '\\\\', [PERCENT]: '%%' };

/**
 * A printf format that writes exactly `bytes`, for use inside single quotes. POSIX printf (XCU
 * printf: "\ddd, where ddd is a zero, one, two, or three-digit octal number") knows \n \r \t \\
 * and octal escapes; \xHH is a bash and GNU extension that dash prints literally, so every byte
 * outside printable ASCII, and the single quote, is written as three octal digits (three, so that
 * a digit after it is never read as part of it). `%` starts a conversion: `%%` writes one.
 */
export function printfByte(b: number): string {
  const named = NAMED_ESCAPES[b];
  if (named) return named;
  if (b >= PRINTABLE_FIRST && b <= PRINTABLE_LAST && b !== QUOTE) return String.fromCharCode(b);
  return `\\${b.toString(8).padStart(3, '0')}`;
}

/**
 * The bytes as printf format pieces, each at most about `width` characters and cut after every
 * LF, so that a request reads line by line. Joined, they are one format.
 */
export function printfPieces(bytes: Uint8Array, width = 72): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const b of bytes) {
    const escaped = printfByte(b);
    if (piece.length > 0 && piece.length + escaped.length > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += escaped;
    if (b === 0x0a) {
      pieces.push(piece);
      piece = '';
    }
  }
  if (piece.length > 0 || pieces.length === 0) pieces.push(piece);
  return pieces;
}

/**
 * A printf command writing exactly `bytes`: one quoted format per piece, continued over lines with
 * backslash-newline outside the quotes (adjacent quoted words join into one argument).
 */
export function printfCommand(bytes: Uint8Array): string {
  return `printf ${printfPieces(bytes)
    .map((p) => `'${p}'`)
    .join('\\\n')}`;
}
