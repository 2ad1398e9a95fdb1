// Text typed on a command line as the exact bytes it stands for. A shell makes CR, LF and most
// control bytes awkward to type, and HTTP needs CRLF after every line (RFC 9112 section 2.2), so
// `--response 'HTTP/1.1 200 OK\r\n\r\nhi'` spells them as escapes: \r \n \t \xHH and \\. Anything
// else after a backslash is refused rather than guessed at: a response is exact bytes or nothing.
// Characters outside ASCII go out as their UTF-8 bytes.
import { concatBytes } from '../../shared/bytes';

export type Decoded = { ok: true; bytes: Uint8Array } | { ok: false; at: number };

const SIMPLE: Readonly<Record<string, number>> = { r: 0x0d, n: 0x0a, t: 0x09, '\\': 0x5c };

export function decodeEscapes(text: string): Decoded {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '\\') {
      i++;
      continue;
    }
    if (i > plainFrom) parts.push(encoder.encode(text.slice(plainFrom, i)));
    const letter = text[i + 1] ?? '';
    const simple = Object.hasOwn(SIMPLE, letter) ? SIMPLE[letter] : undefined;
    if (simple !== undefined) {
      parts.push(Uint8Array.of(simple));
      i += 2;
    } else if (letter === 'x' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 2, i + 4))) {
      parts.push(Uint8Array.of(parseInt(text.slice(i + 2, i + 4), 16)));
      i += 4;
    } else {
      return { ok: false, at: i + 1 }; // counted from 1, as a person reads the text
    }
    plainFrom = i;
  }
  if (text.length > plainFrom) parts.push(encoder.encode(text.slice(plainFrom)));
  return { ok: true, bytes: concatBytes(parts) };
}
