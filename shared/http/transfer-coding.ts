// The Transfer-Encoding list (RFC 9112 section 6.1 and 7; list syntax RFC 9110 section 5.6.1), read
// for the one question framing asks: is chunked the final coding, applied once? Used by
// shared/http/framing.ts for the engine and the annotator alike.
//
//   Transfer-Encoding  = #transfer-coding
//   transfer-coding    = token *( OWS ";" OWS transfer-parameter )
//   transfer-parameter = token BWS "=" BWS ( token / quoted-string )
//
// Where llhttp (Node's parser) and the RFC part ways, this follows the RFC, and the differential
// test (shared/http/annotate/annotator.differential.test.ts) lists the cases:
// - empty list elements are ignored ("a recipient MUST parse and ignore a reasonable number of
//   empty list elements", 5.6.1): `chunked ,` is chunked. llhttp refuses a request with it and
//   reads such a response until the close.
// - an empty value names no coding, so chunked is not the final one (rule 4 of 6.3: a request is
//   refused). llhttp ignores the field.
// - chunked has no parameters (7.1 defines none; the IANA registry lists none): `chunked;x=1` is
//   not the chunked coding we can decode. llhttp agrees: it refuses such a request and reads such
//   a response until the close.
import { isTchar } from './syntax';

/** What the list says of chunked. `other`: not the final coding (or the list cannot be read). */
export type ChunkedState = 'final' | 'repeated' | 'parameters' | 'other';

export interface TransferCodings {
  chunked: ChunkedState;
  /** The codings' names, lower case, in the order they were applied. */
  names: string[];
}

const HTAB = 0x09;
const SP = 0x20;
const DQUOTE = 0x22;

/** The codings of a Transfer-Encoding value (several fields joined with ", " first: RFC 9110 5.3). */
export function transferCodings(value: string): TransferCodings {
  // The usual value, one coding and nothing else, without taking it apart.
  if (value.length === 7 && sameName(value, 'chunked')) return { chunked: 'final', names: ['chunked'] };
  const names: string[] = [];
  let chunkedWithParameters = false;
  let i = 0;
  const n = value.length;
  for (;;) {
    // Empty elements and the OWS around the commas.
    while (i < n && (isOws(value.charCodeAt(i)) || value.charCodeAt(i) === 0x2c)) i++;
    if (i >= n) break;
    const start = i;
    i = token(value, i);
    if (i === start) return { chunked: 'other', names };
    const name = value.slice(start, i).toLowerCase();
    names.push(name);
    for (;;) {
      const at = skipOws(value, i);
      if (value.charCodeAt(at) !== 0x3b) {
        i = at;
        break;
      }
      // A parameter: token BWS "=" BWS ( token / quoted-string ).
      i = skipOws(value, at + 1);
      const paramStart = i;
      i = token(value, i);
      if (i === paramStart) return { chunked: 'other', names };
      i = skipOws(value, i);
      if (value.charCodeAt(i) !== 0x3d) return { chunked: 'other', names };
      i = skipOws(value, i + 1);
      const valueStart = i;
      i = value.charCodeAt(i) === DQUOTE ? quotedString(value, i) : token(value, i);
      if (i <= valueStart) return { chunked: 'other', names };
      if (name === 'chunked') chunkedWithParameters = true;
    }
    if (i < n && value.charCodeAt(i) !== 0x2c) return { chunked: 'other', names };
  }
  let count = 0;
  for (const name of names) if (name === 'chunked') count++;
  if (chunkedWithParameters) return { chunked: 'parameters', names };
  if (names.at(-1) !== 'chunked') return { chunked: 'other', names };
  return { chunked: count === 1 ? 'final' : 'repeated', names };
}

/**
 * Whether `text` is `lower` (lower case ASCII) but for case: `text.toLowerCase() === lower`
 * without the lower-case copy. Only A-Z lower to ASCII letters among the Latin-1 chars a field
 * is made of, so other chars must be equal as they are.
 */
export function sameName(text: string, lower: string): boolean {
  if (text.length !== lower.length) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** Where the token starting at `i` ends (`i` if there is none). */
function token(text: string, i: number): number {
  while (i < text.length && isTchar(text.charCodeAt(i))) i++;
  return i;
}

/** Where the quoted-string at `i` ends, past its closing quote (`i` if it does not close). */
function quotedString(text: string, i: number): number {
  for (let k = i + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === DQUOTE) return k + 1;
    if (c === 0x5c) k++; // quoted-pair: the next char is taken as it is
  }
  return i;
}

function isOws(c: number): boolean {
  return c === SP || c === HTAB;
}

function skipOws(text: string, i: number): number {
  while (i < text.length && isOws(text.charCodeAt(i))) i++;
  return i;
}
