// A message's body as the application sees it: the body bytes the annotator found, with chunked
// framing taken off (RFC 9112 section 7.1: only chunk data is content). Content codings (gzip, ...)
// are the next layer; the renderer decodes those (renderer/features/body-preview).
import type { Annotation, HttpMessage } from './annotation';
import { concatBytes } from './bytes';

/**
 * The content of `message`: its body spans (or chunk data spans) cut from `stream`, the bytes of
 * that whole direction from offset 0. Bytes not in `stream` (not fetched, evicted) are left out,
 * and `complete` says whether everything the message declared is there.
 */
export function messageContent(annotation: Annotation, message: HttpMessage, stream: Uint8Array): { bytes: Uint8Array; complete: boolean } {
  const kind = message.framing === 'chunked' ? 'chunk_data' : 'body';
  const parts: Uint8Array[] = [];
  let missing = false;
  for (const span of annotation.spans) {
    if (span.message !== message.index || span.kind !== kind) continue;
    if (span.offset + span.length > stream.length) missing = true;
    parts.push(stream.subarray(Math.min(span.offset, stream.length), Math.min(span.offset + span.length, stream.length)));
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
