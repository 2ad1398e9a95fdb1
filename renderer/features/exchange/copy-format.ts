// The selected bytes as text to paste elsewhere, three ways. Pure.
// - text: decoded as UTF-8, controls and all (a byte that is not UTF-8 becomes U+FFFD: lossy, and
//   the other two forms are there for when that matters);
// - escaped: a string literal as JSON writes one ("GET / HTTP/1.1\r\n"), exact: \xHH for each byte
//   that is not UTF-8, so every byte can be told from the literal (JSON itself has no such escape);
// - hex: two digits per byte, 16 to a line, as the hex view shows them.
import { visibleTokens } from '../../../shared/bytes/bytes';

export function copyAsText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** JSON's short escapes (RFC 8259 section 7); other controls are \u00XX. */
const SHORT: Readonly<Record<number, string>> = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r' };

export function copyAsEscaped(bytes: Uint8Array): string {
  const decoder = new TextDecoder();
  let out = '"';
  for (const token of visibleTokens(bytes)) {
    const slice = bytes.subarray(token.offset, token.offset + token.length);
    switch (token.kind) {
      case 'text':
        out += decoder.decode(slice).replace(/["\\]/g, (c) => `\\${c}`);
        break;
      case 'invalid':
      case 'incomplete':
        // Already \xHH per byte (shared/bytes/bytes.ts hexByte).
        out += token.text;
        break;
      default:
        // One C0 byte or DEL; or an invisible character (C1, bidi, zero width), which
        // visibleTokens already writes as \uXXXX, a JSON escape.
        if (token.length > 1) out += token.text;
        else {
          const b = slice[0] ?? 0;
          out += SHORT[b] ?? `\\u${b.toString(16).toUpperCase().padStart(4, '0')}`;
        }
    }
  }
  return `${out}"`;
}

// Looked up, not formatted: the hex view asks for 16 per row on every redraw of a row.
const HEX_PAIRS = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));

export function hexPair(b: number): string {
  return HEX_PAIRS[b & 0xff] as string;
}

export function copyAsHex(bytes: Uint8Array, perLine = 16): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += perLine) {
    lines.push(Array.from(bytes.subarray(i, i + perLine), hexPair).join(' '));
  }
  return lines.join('\n');
}
