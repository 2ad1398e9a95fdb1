// Finding the end of a chunked request body (RFC 9112 section 7.1) in bytes that may still be
// arriving. Framing only: the chunk data is skipped, never copied or decoded. The scan keeps its
// place in a small mutable record, so a caller that calls again after more bytes arrive resumes
// where it stopped instead of rescanning the body (linear in the body, however it is split).
import { contentEnd, hasCtl, latin1, LF, parseFieldLine } from './syntax';

/** A chunk-size line (size and extensions) longer than this is refused, not waited for. */
const MAX_CHUNK_LINE = 4096;
/** 13 hex digits stay below 2^53: sizes remain exact JavaScript numbers. */
const MAX_SIZE_DIGITS = 13;

/** The annotator's codes for the same faults (bad_chunk_size, bad_chunk_end); a bad trailer it tells by its field problems. */
export type ChunkedError = 'bad_chunk_size' | 'bad_chunk_end' | 'bad_trailer';

export interface ChunkedProgress {
  /** size: reading a chunk-size line; data: waiting for a chunk's data and its CRLF; trailer: after the 0 chunk. */
  phase: 'size' | 'data' | 'trailer';
  /** Where the current line starts (size, trailer), or where the chunk data ends (data). */
  at: number;
  /** Where the search for the current line's LF resumes. */
  scanAt: number;
  /** Where the trailer section starts (its size is bounded like a head's). */
  trailerStart: number;
}

export type ChunkedScan =
  | { state: 'incomplete' }
  | { state: 'complete'; end: number }
  | { state: 'invalid'; reason: ChunkedError };

export function startChunked(bodyStart: number): ChunkedProgress {
  return { phase: 'size', at: bodyStart, scanAt: bodyStart, trailerStart: -1 };
}

/**
 * Advances `p` over `bytes` (the same buffer as before, possibly longer):
 *   chunked-body = *chunk last-chunk trailer-section CRLF
 *   chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 *   last-chunk   = 1*("0") [ chunk-ext ] CRLF
 * Each step moves `p.at` forward, so the loop ends.
 */
export function scanChunked(bytes: Uint8Array, p: ChunkedProgress, maxTrailerBytes: number): ChunkedScan {
  for (;;) {
    if (p.phase === 'data') {
      // chunk-data is followed by exactly CRLF (a bare LF is tolerated, as for every line).
      if (bytes.length <= p.at) return { state: 'incomplete' };
      const first = bytes[p.at];
      if (first === LF) {
        p.at += 1;
      } else if (first === 0x0d) {
        if (bytes.length <= p.at + 1) return { state: 'incomplete' };
        if (bytes[p.at + 1] !== LF) return { state: 'invalid', reason: 'bad_chunk_end' };
        p.at += 2;
      } else {
        return { state: 'invalid', reason: 'bad_chunk_end' };
      }
      p.phase = 'size';
      p.scanAt = p.at;
      continue;
    }

    const lf = bytes.indexOf(LF, p.scanAt);
    if (lf === -1) {
      p.scanAt = bytes.length;
      if (p.phase === 'size' && bytes.length - p.at > MAX_CHUNK_LINE) {
        return { state: 'invalid', reason: 'bad_chunk_size' };
      }
      if (p.phase === 'trailer' && bytes.length - p.trailerStart > maxTrailerBytes) {
        return { state: 'invalid', reason: 'bad_trailer' };
      }
      return { state: 'incomplete' };
    }
    const line = latin1(bytes, p.at, contentEnd(bytes, p.at, lf));
    const next = lf + 1;

    if (p.phase === 'size') {
      if (lf - p.at > MAX_CHUNK_LINE) return { state: 'invalid', reason: 'bad_chunk_size' };
      const size = parseChunkSize(line);
      if (size === null) return { state: 'invalid', reason: 'bad_chunk_size' };
      if (size === 0) {
        p.phase = 'trailer';
        p.trailerStart = next;
      } else {
        p.phase = 'data';
        p.at = next + size;
        continue;
      }
    } else {
      // The trailer section: field lines, then the empty line that ends the message (7.1.2).
      if (next - p.trailerStart > maxTrailerBytes) return { state: 'invalid', reason: 'bad_trailer' };
      if (line.length === 0) return { state: 'complete', end: next };
      if (parseFieldLine(line) === null) return { state: 'invalid', reason: 'bad_trailer' };
    }
    p.at = next;
    p.scanAt = next;
  }
}

/**
 * chunk-size = 1*HEXDIG, then optional extensions: *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] )
 * (RFC 9112 section 7.1.1). Extensions are allowed and ignored, as the RFC asks of a recipient
 * that does not understand them; they must still start with ";" and hold no control characters.
 */
function parseChunkSize(line: string): number | null {
  const digits = /^[0-9A-Fa-f]+/.exec(line)?.[0];
  if (digits === undefined) return null;
  const significant = digits.replace(/^0+(?=.)/, '');
  if (significant.length > MAX_SIZE_DIGITS) return null;
  const rest = line.slice(digits.length);
  if (rest.length > 0 && (!/^[ \t]*;/.test(rest) || hasCtl(rest))) return null;
  return parseInt(significant, 16);
}
