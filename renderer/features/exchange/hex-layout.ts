// The hex view's rows, computed by index, never all at once: a 100 MB exchange is 6.5 million
// rows, and the virtualized list asks only for the few on screen. Each turn of the conversation
// (a segment) is a heading row and then `offset | 16 bytes | ASCII` rows aligned to multiples of
// 16 in its direction's stream, like `xxd`; a segment that starts mid-row leaves the cells before
// it empty, and a row never holds bytes of both directions. Row i is found by binary search over
// the segments' first rows; O(segments) memory whatever the number of bytes.
import type { Dir } from '../../../shared/contract/contract';
import { chunksStartingIn, floorIndex, segmentAt, type Exchange, type ExchangeChunk, type Segment } from './exchange-model';

export const HEX_WIDTH = 16;

export type ByteRow =
  /** Where the direction changes: who speaks now, how much, in how many chunks, from when. */
  | { kind: 'head'; index: number; segment: Segment }
  | {
      kind: 'bytes';
      index: number;
      segment: Segment;
      dir: Dir;
      /** The offset the row stands for in its direction's stream (the offset column). */
      rowOffset: number;
      /** The bytes it shows: [start, end), within the segment. */
      start: number;
      end: number;
      /** The chunks that start in this row (each OS read or write), in order. */
      chunkStarts: ExchangeChunk[];
      /** Laid out before its bytes were at hand (text view): where it ends is a guess until then. */
      pending?: boolean;
    };

export interface ByteLayout {
  count: number;
  rowAt(index: number): ByteRow;
  /** The row showing the byte at (dir, offset), or -1 if no row does. */
  rowOfByte(dir: Dir, offset: number): number;
}

const rowsOf = (seg: Segment): number =>
  1 + Math.ceil((seg.offset + seg.length) / HEX_WIDTH) - Math.floor(seg.offset / HEX_WIDTH);

export function hexLayout(exchange: Exchange): ByteLayout {
  const segments = exchange.segments;
  const firstRow = new Float64Array(segments.length);
  let count = 0;
  segments.forEach((seg, i) => {
    firstRow[i] = count;
    count += rowsOf(seg);
  });

  const rowAt = (index: number): ByteRow => {
    const seg = segments[floorIndex(firstRow, index)] as Segment;
    const local = index - (firstRow[seg.index] as number);
    if (local === 0) return { kind: 'head', index, segment: seg };
    const rowOffset = (Math.floor(seg.offset / HEX_WIDTH) + local - 1) * HEX_WIDTH;
    const start = Math.max(rowOffset, seg.offset);
    const end = Math.min(rowOffset + HEX_WIDTH, seg.offset + seg.length);
    const stream = exchange[seg.dir];
    return { kind: 'bytes', index, segment: seg, dir: seg.dir, rowOffset, start, end, chunkStarts: chunksStartingIn(stream, start, end) };
  };

  const rowOfByte = (dir: Dir, offset: number): number => {
    const seg = segmentAt(exchange[dir], offset);
    if (!seg) return -1;
    return (firstRow[seg.index] as number) + 1 + Math.floor(offset / HEX_WIDTH) - Math.floor(seg.offset / HEX_WIDTH);
  };

  return { count, rowAt, rowOfByte };
}
