// Bytes [offset, offset + length) of one direction, from the chunks the renderer holds, or null
// when any of them is not at hand (evicted, or only fetchable in pages): the body preview shows
// what is whole, never a body with holes in it.
import { concatBytes } from '../../../shared/bytes/bytes';
import { chunkAt, type DirStream } from './exchange-model';

export function readStream(stream: DirStream, offset: number, length: number): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let at = offset;
  const end = offset + length;
  while (at < end) {
    const chunk = chunkAt(stream, at);
    if (!chunk?.bytes) return null;
    const from = at - chunk.offset;
    const to = Math.min(chunk.length, end - chunk.offset);
    parts.push(chunk.bytes.subarray(from, to));
    at = chunk.offset + to;
  }
  return parts.length === 1 ? (parts[0] as Uint8Array) : concatBytes(parts);
}
