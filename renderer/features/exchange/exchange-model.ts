// A connection's bytes as the two streams TCP gives it, one each way, and the chunks they came in.
// TCP delivers a stream, not messages (RFC 9293 section 3.8.7 lets either end cut it anywhere): one
// `data` event is one OS read or write, and where it starts or ends says nothing about HTTP. So
// every chunk keeps its direction, its offset within that direction's stream (the bytes that went
// that way before it), its length and its time, and the views draw the stream continuously with
// the chunk boundaries marked inside it.
// Pure, and O(chunks): row objects are computed later, by index (hex-layout.ts, text-layout.ts).
import type { ConnSummary, Dir, JournalEvent } from '../../../shared/contract/contract';

export interface ExchangeChunk {
  /** Its place among all chunks of the connection, both directions, in time order. */
  index: number;
  seq: number;
  dir: Dir;
  /** Its number among its direction's chunks, from 1: the nth read (in) or write (out). */
  ordinal: number;
  /** Where it starts in its direction's stream. */
  offset: number;
  length: number;
  /** ms since the connection opened. */
  t: number;
  /** Null once the renderer's copy no longer holds them: byte-source.ts asks the engine. */
  bytes: Uint8Array | null;
}

/** Consecutive chunks going the same way: a turn of the conversation. Rows never mix directions. */
export interface Segment {
  index: number;
  dir: Dir;
  offset: number;
  length: number;
  /** Its chunks: exchange.chunks[firstChunk .. firstChunk + chunkCount). */
  firstChunk: number;
  chunkCount: number;
}

export interface DirStream {
  /** This direction's chunks in stream order (also time order). */
  chunks: ExchangeChunk[];
  /** Their offsets, for binary search. */
  starts: Float64Array;
  /** This direction's segments, in stream order. */
  segments: Segment[];
  /**
   * Bytes before the first chunk known here: the journal's event cap dropped the oldest chunks of
   * a long kept-alive connection (offsets stay those of the whole stream).
   */
  base: number;
  /** Where the last known chunk ends. */
  end: number;
}

export interface Exchange {
  chunks: ExchangeChunk[];
  segments: Segment[];
  in: DirStream;
  out: DirStream;
  /** The direction is over: the peer's FIN arrived (in), ours went out (out). */
  ended: { in: boolean; out: boolean };
}

/**
 * The chunks of a connection's journal events. Offsets are counted from each direction's first
 * byte; if the events have a gap (the engine's event cap dropped the oldest after `opened`), the
 * summary's exact counters say how many bytes went before the first chunk still known.
 */
export function buildExchange(
  events: readonly JournalEvent[],
  summary?: Pick<ConnSummary, 'bytesIn' | 'bytesOut' | 'chunksIn' | 'chunksOut'>,
): Exchange {
  const data = events.filter((e): e is Extract<JournalEvent, { kind: 'data' }> => e.kind === 'data');
  const known = { in: 0, out: 0 };
  const knownChunks = { in: 0, out: 0 };
  for (const e of data) {
    known[e.dir] += e.length;
    knownChunks[e.dir]++;
  }
  const gap = summary !== undefined && events.some((e, i) => e.seq !== i);
  const at = {
    in: gap ? Math.max(0, summary.bytesIn - known.in) : 0,
    out: gap ? Math.max(0, summary.bytesOut - known.out) : 0,
  };
  const base = { ...at };
  const ordinals = {
    in: gap ? Math.max(0, summary.chunksIn - knownChunks.in) : 0,
    out: gap ? Math.max(0, summary.chunksOut - knownChunks.out) : 0,
  };
  const chunks: ExchangeChunk[] = [];
  const segments: Segment[] = [];
  for (const e of data) {
    if (e.length === 0) continue;
    const ordinal = ++ordinals[e.dir];
    const chunk: ExchangeChunk = { index: chunks.length, seq: e.seq, dir: e.dir, ordinal, offset: at[e.dir], length: e.length, t: e.t, bytes: e.bytes };
    at[e.dir] += e.length;
    chunks.push(chunk);
    const last = segments.at(-1);
    if (last && last.dir === chunk.dir) {
      last.length += chunk.length;
      last.chunkCount++;
    } else {
      segments.push({ index: segments.length, dir: chunk.dir, offset: chunk.offset, length: chunk.length, firstChunk: chunk.index, chunkCount: 1 });
    }
  }
  const stream = (dir: Dir): DirStream => {
    const own = chunks.filter((c) => c.dir === dir);
    return {
      chunks: own,
      starts: Float64Array.from(own, (c) => c.offset),
      segments: segments.filter((s) => s.dir === dir),
      base: base[dir],
      end: at[dir],
    };
  };
  const ended = { in: events.some((e) => e.kind === 'peer_fin'), out: events.some((e) => e.kind === 'fin_sent') };
  return { chunks, segments, in: stream('in'), out: stream('out'), ended };
}

/** The index of the last element of a sorted array that is <= value, or -1. */
export function floorIndex(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The chunk of `dir` holding the byte at `offset`, if one does. */
export function chunkAt(stream: DirStream, offset: number): ExchangeChunk | undefined {
  const chunk = stream.chunks[floorIndex(stream.starts, offset)];
  return chunk && offset < chunk.offset + chunk.length ? chunk : undefined;
}

/** The chunks of `dir` that start inside [start, end), in order. */
export function chunksStartingIn(stream: DirStream, start: number, end: number): ExchangeChunk[] {
  const out: ExchangeChunk[] = [];
  let i = floorIndex(stream.starts, start - 1) + 1;
  for (; i < stream.chunks.length; i++) {
    const chunk = stream.chunks[i] as ExchangeChunk;
    if (chunk.offset >= end) break;
    out.push(chunk);
  }
  return out;
}

/** The segment of `dir` holding the byte at `offset`, if one does. */
export function segmentAt(stream: DirStream, offset: number): Segment | undefined {
  const segs = stream.segments;
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((segs[mid] as Segment).offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  const seg = segs[lo - 1];
  return seg && offset < seg.offset + seg.length ? seg : undefined;
}
