// A message's body as the application sees it: the body bytes the annotator found, with chunked
// framing taken off (RFC 9112 section 7.1: only chunk data is content). Content codings (gzip, ...)
// are the next layer; the renderer decodes those (renderer/features/body-preview).
import type { Annotation, HttpMessage } from './annotate/annotation';
import { concatBytes } from '../bytes/bytes';

/**
 * The content of `message`: its body spans (or chunk data spans), read with `read(offset, length)`
 * from that direction's stream (null: those bytes are not at hand: not fetched, or evicted). What
 * cannot be read is left out, and `complete` says whether everything the message declared is there.
 */
export function messageContent(
  annotation: Annotation,
  message: HttpMessage,
  read: (offset: number, length: number) => Uint8Array | null,
): { bytes: Uint8Array; complete: boolean } {
  const kind = message.framing === 'chunked' ? 'chunk_data' : 'body';
  const parts: Uint8Array[] = [];
  let missing = false;
  // By the table's columns: a long connection has many spans, and only this message's body is wanted.
  const spans = annotation.spans;
  for (let i = spans.find(kind, message.index); i >= 0; i = spans.find(kind, message.index, i + 1)) {
    const bytes = read(spans.offsetOf(i), spans.lengthOf(i));
    if (bytes) parts.push(bytes);
    else missing = true;
  }
  return { bytes: concatBytes(parts), complete: message.complete && !missing };
}

/** The media type of a Content-Type value, lower-cased, without parameters (RFC 9110 section 8.3.1). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The codings of a Content-Encoding value, in the order they were applied (RFC 9110 section 8.4). */
export function contentCodings(contentEncoding: string | undefined): string[] {
  return (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c.length > 0 && c !== 'identity');
}
