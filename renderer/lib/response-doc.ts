// The response as the editor holds it, and the exact bytes it stands for. The document is escaped
// text (lib/escaped-text.ts) with every CR kept as a real CR character and every LF as a line
// break, so each line ending is one real, visible thing; bytes text cannot show are \xHH escapes.
// A body taken from a file (an image for L3) is kept apart as bytes: the server sends the text's
// bytes, then the file's.
// Pure: no DOM, no CodeMirror, so the byte accounting is tested on its own.
import type { FileBody, ResponseDoc } from '../../shared/contract/app-settings';
import { concatBytes } from '../../shared/bytes/bytes';
import { base64ToBytes, bytesToBase64 } from '../../shared/contract/wire-codec';
import { bytesToEscapedText, escapedSegments, escapedTextToBytes } from './escaped-text';

export const EDITOR_STYLE = { cr: 'char' } as const;

/** Bodies larger than this, or not text, open as a file body (a summary) rather than as text. */
const TEXT_BODY_LIMIT = 64 * 1024;

export function docText(bytes: Uint8Array): string {
  return bytesToEscapedText(bytes, EDITOR_STYLE);
}

export function fileBodyBytes(body: FileBody | null): Uint8Array {
  return body ? base64ToBytes(body.base64) : new Uint8Array(0);
}

export function fileBody(name: string, type: string, bytes: Uint8Array): FileBody {
  return { name, type, base64: bytesToBase64(bytes) };
}

/** Exactly what the server sends for `doc`. */
export function responseBytes(doc: ResponseDoc): Uint8Array {
  const head = escapedTextToBytes(doc.text);
  return doc.body ? concatBytes([head, fileBodyBytes(doc.body)]) : head;
}

/**
 * A response's bytes as a document: all text, unless its body is binary or large, which then
 * becomes a file body (named `body`, typed by the response's Content-Type) after the head.
 */
export function docFromBytes(bytes: Uint8Array): ResponseDoc {
  const headEnd = endOfHead(bytes);
  if (headEnd === null) return { text: docText(bytes), body: null };
  const body = bytes.subarray(headEnd);
  if (body.length === 0 || (body.length <= TEXT_BODY_LIMIT && isText(body))) return { text: docText(bytes), body: null };
  return { text: docText(bytes.subarray(0, headEnd)), body: fileBody('body', contentTypeOf(bytes.subarray(0, headEnd)), body) };
}

/** After the blank line (CRLF CRLF, or bare LF LF as lesson L2 sends), or null if there is none. */
function endOfHead(bytes: Uint8Array): number | null {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (bytes[i + 1] === 0x0a) return i + 2;
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return i + 3;
  }
  return null;
}

/** UTF-8 without NUL or other controls beyond TAB, CR and LF: what reads well as text. */
function isText(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return bytes.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) && !bytes.includes(0x7f);
}

function contentTypeOf(head: Uint8Array): string {
  const match = /^content-type:[ \t]*([^\r\n]*)/im.exec(new TextDecoder().decode(head));
  return match?.[1]?.trim() ?? '';
}

/**
 * Offsets in the document against offsets in the bytes. An escape such as `\x41` is four
 * characters and one byte; `é` is one character and two bytes; a file body follows the text.
 */
export class ByteMap {
  /** For each segment: its first character and its first byte, in order. */
  private readonly docStarts: number[] = [];
  private readonly byteStarts: number[] = [];
  readonly textBytes: number;
  readonly docLength: number;

  constructor(text: string) {
    let doc = 0;
    let byte = 0;
    const encoder = new TextEncoder();
    for (const segment of escapedSegments(text)) {
      if (segment.kind === 'text') {
        // Plain text: one entry per character, since UTF-8 lengths vary (surrogate pairs are one).
        for (const char of segment.text) {
          this.docStarts.push(doc);
          this.byteStarts.push(byte);
          doc += char.length;
          byte += encoder.encode(char).length;
        }
      } else {
        this.docStarts.push(doc);
        this.byteStarts.push(byte);
        doc += segment.text.length;
        byte += 1;
      }
    }
    this.textBytes = byte;
    this.docLength = doc;
  }

  /** The document offset where byte `at` starts (a byte past the text: the document's end). */
  toDoc(at: number): number {
    if (at >= this.textBytes) return this.docLength;
    const i = lastAtOrBefore(this.byteStarts, at);
    return this.docStarts[i] ?? 0;
  }

  /** The byte where document offset `at` is (inside an escape: the escape's byte). */
  toByte(at: number): number {
    if (at >= this.docLength) return this.textBytes;
    const i = lastAtOrBefore(this.docStarts, at);
    return this.byteStarts[i] ?? 0;
  }
}

function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
