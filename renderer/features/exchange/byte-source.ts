// Where the byte views get their bytes. The rule: a chunk whose journal event still carries its
// bytes is read from there (deltas deliver every chunk's bytes while the engine stores them, so a
// lesson's exchange, and anything that fits the payload budget, never costs a round trip). A chunk
// whose event has none (the renderer let go of them when the engine evicted some of the
// connection's payload, or the journal came without them) is read from pages of PAGE_BYTES that
// the views fetch with `journal.payload`, only for the rows they show; the engine answers with what
// it still stores, or `evicted`. Fetched pages are kept up to a bound (least recently used go).
// Pure: the fetching itself is use-payload-pages.ts.
import type { Dir } from '../../../shared/contract/contract';
import { floorIndex, type Exchange, type ExchangeChunk } from './exchange-model';

/** 64 KiB: a screenful of hex is 640 bytes, of text a few KiB; a page serves many scrolls. */
export const PAGE_BYTES = 64 * 1024;

export type Missing = 'loading' | 'evicted';
export type ReadResult = Uint8Array | Missing;

type Page = Uint8Array | 'evicted' | 'loading';

export class PageCache {
  private readonly pages = new Map<string, Page>();
  private byteCount = 0;

  constructor(private readonly maxBytes = 16 * 1024 * 1024) {}

  get(dir: Dir, page: number): Page | undefined {
    const key = `${dir}:${page}`;
    const found = this.pages.get(key);
    if (found instanceof Uint8Array) {
      // Used again: to the back of the line.
      this.pages.delete(key);
      this.pages.set(key, found);
    }
    return found;
  }

  loading(dir: Dir, page: number): void {
    this.set(dir, page, 'loading');
  }

  /** The engine's answer for a page: its bytes, or null when it no longer stores all of them. */
  put(dir: Dir, page: number, bytes: Uint8Array | null): void {
    this.set(dir, page, bytes ?? 'evicted');
    for (const [key, value] of this.pages) {
      if (this.byteCount <= this.maxBytes) break;
      if (!(value instanceof Uint8Array)) continue;
      this.pages.delete(key);
      this.byteCount -= value.length;
    }
  }

  /** Forgets a page whose fetch failed, so it is asked for again. */
  forget(dir: Dir, page: number): void {
    this.set(dir, page, undefined);
  }

  private set(dir: Dir, page: number, value: Page | undefined): void {
    const key = `${dir}:${page}`;
    const old = this.pages.get(key);
    if (old instanceof Uint8Array) this.byteCount -= old.length;
    this.pages.delete(key);
    if (value === undefined) return;
    this.pages.set(key, value);
    if (value instanceof Uint8Array) this.byteCount += value.length;
  }
}

export interface ByteSource {
  /** The bytes of [start, end) of a direction if every one is at hand, else why not. */
  read(dir: Dir, start: number, end: number): ReadResult;
  /** The pages to fetch so that [start, end) can be read (none if it can be, or is gone). */
  missingPages(dir: Dir, start: number, end: number): number[];
}

export function byteSource(exchange: Exchange, cache: PageCache): ByteSource {
  /** The chunks overlapping [start, end) of a direction, each with the overlap. */
  function* pieces(dir: Dir, start: number, end: number): Generator<{ chunk: ExchangeChunk; from: number; to: number }> {
    const stream = exchange[dir];
    for (let i = Math.max(0, floorIndex(stream.starts, start)); i < stream.chunks.length; i++) {
      const chunk = stream.chunks[i] as ExchangeChunk;
      if (chunk.offset >= end) return;
      const from = Math.max(start, chunk.offset);
      const to = Math.min(end, chunk.offset + chunk.length);
      if (to > from) yield { chunk, from, to };
    }
  }

  const fromPages = (dir: Dir, from: number, to: number, out: Uint8Array | null, outStart: number): Missing | null => {
    for (let page = Math.floor(from / PAGE_BYTES); page * PAGE_BYTES < to; page++) {
      const got = cache.get(dir, page);
      const pageStart = page * PAGE_BYTES;
      const a = Math.max(from, pageStart);
      const b = Math.min(to, pageStart + PAGE_BYTES);
      if (got === 'evicted') return 'evicted';
      // Not fetched, on its way, or fetched before the stream grew this far.
      if (!(got instanceof Uint8Array) || got.length < b - pageStart) return 'loading';
      out?.set(got.subarray(a - pageStart, b - pageStart), a - outStart);
    }
    return null;
  };

  const read = (dir: Dir, start: number, end: number): ReadResult => {
    if (end <= start) return new Uint8Array(0);
    const stream = exchange[dir];
    const only = stream.chunks[floorIndex(stream.starts, start)];
    // The common case: inside one chunk whose bytes are here; no copy.
    if (only?.bytes && end <= only.offset + only.length) return only.bytes.subarray(start - only.offset, end - only.offset);
    // As common once a big exchange is paged: inside one chunk without bytes and one page; no copy.
    const page = Math.floor(start / PAGE_BYTES);
    if (only && !only.bytes && end <= only.offset + only.length && end <= (page + 1) * PAGE_BYTES) {
      const got = cache.get(dir, page);
      if (got === 'evicted') return 'evicted';
      if (!(got instanceof Uint8Array) || got.length < end - page * PAGE_BYTES) return 'loading';
      return got.subarray(start - page * PAGE_BYTES, end - page * PAGE_BYTES);
    }
    // Every piece at hand before anything is copied: a block of a big exchange is asked for often.
    for (const { chunk, from, to } of pieces(dir, start, end)) {
      const missing = chunk.bytes ? null : fromPages(dir, from, to, null, start);
      if (missing) return missing;
    }
    const out = new Uint8Array(end - start);
    for (const { chunk, from, to } of pieces(dir, start, end)) {
      if (chunk.bytes) out.set(chunk.bytes.subarray(from - chunk.offset, to - chunk.offset), from - start);
      else fromPages(dir, from, to, out, start);
    }
    return out;
  };

  const missingPages = (dir: Dir, start: number, end: number): number[] => {
    const wanted = new Set<number>();
    for (const { chunk, from, to } of pieces(dir, start, end)) {
      if (chunk.bytes) continue;
      for (let page = Math.floor(from / PAGE_BYTES); page * PAGE_BYTES < to; page++) {
        const got = cache.get(dir, page);
        const needed = Math.min(to, (page + 1) * PAGE_BYTES) - page * PAGE_BYTES;
        if (got === undefined || (got instanceof Uint8Array && got.length < needed)) wanted.add(page);
      }
    }
    return [...wanted];
  };

  return { read, missingPages };
}
