// Line ends of a response as a text editor would count and convert them, except that a binary body
// (compressed, or with control bytes such as an image's) is left out: its 0x0A bytes are data that
// only look like line ends, and changing them would break the file. Head lines, chunk-size lines
// and chunk terminators always count. Regions come from the annotator's spans, not a second parser.
import type { Annotation, Span } from '../http/annotate/annotation';
import { contentCodings } from '../http/body';
import { CR, LF } from '../http/syntax';

export type LineEndings = 'crlf' | 'lf' | 'mixed' | 'none';

/** Spans whose bytes are content (a message's body, bytes the annotator could not place, another protocol's after a switch). */
const CONTENT = new Set<Span['kind']>(['body', 'chunk_data', 'unparsed', 'tunnel']);

/** The line-end kinds the protocol defines: where a bare LF is a protocol mistake, not data. */
export const PROTOCOL_LINE_ENDS = new Set<Span['kind']>(['line_end', 'blank_line', 'chunk_end', 'leading_empty_line']);

/** Each LF of the text (head and text bodies), and whether a CR of the text comes right before it. */
export function textLineFeeds(bytes: Uint8Array, annotation: Annotation): { at: number; crlf: boolean }[] {
  const inText = textMask(bytes, annotation);
  const feeds: { at: number; crlf: boolean }[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== LF || inText[i] !== 1) continue;
    feeds.push({ at: i, crlf: i > 0 && bytes[i - 1] === CR && inText[i - 1] === 1 });
  }
  return feeds;
}

/** Which line ends the text uses: all CRLF, all bare LF, both, or none at all. */
export function lineEndingsOf(bytes: Uint8Array, annotation: Annotation): LineEndings {
  const feeds = textLineFeeds(bytes, annotation);
  const crlf = feeds.filter((f) => f.crlf).length;
  if (feeds.length === 0) return 'none';
  if (crlf === feeds.length) return 'crlf';
  return crlf === 0 ? 'lf' : 'mixed';
}

/** The bytes with every line end of the text made `to`; nothing else changes (a lone CR stays). */
export function convertLineEndsOf(bytes: Uint8Array, annotation: Annotation, to: 'crlf' | 'lf'): Uint8Array {
  const out: number[] = [];
  const feeds = textLineFeeds(bytes, annotation);
  let next = 0;
  for (let i = 0; i < bytes.length; i++) {
    const feed = feeds[next];
    if (feed && feed.at === i) {
      next++;
      if (to === 'crlf' && !feed.crlf) out.push(CR);
      if (to === 'lf' && feed.crlf) out.pop(); // the CR just copied
    }
    out.push(bytes[i] as number);
  }
  return new Uint8Array(out);
}

/** 1 for each byte that is text: outside any content span, or in one whose content is text. */
function textMask(bytes: Uint8Array, annotation: Annotation): Uint8Array {
  const mask = new Uint8Array(bytes.length).fill(1);
  for (const span of annotation.spans) {
    if (!CONTENT.has(span.kind)) continue;
    const message = annotation.messages[span.message];
    const encoded = message !== undefined && contentCodings(message.contentEncoding).length > 0;
    if (encoded || isBinary(bytes, span.offset, span.offset + span.length)) mask.fill(0, span.offset, span.offset + span.length);
  }
  return mask;
}

/** Control bytes that text does not have (all of C0 but TAB, LF, FF, CR and ESC, and DEL): a JPEG's or a gzip member's first bytes have some. */
function isBinary(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) return true;
  }
  return false;
}
