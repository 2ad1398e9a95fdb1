// The client console's transcript, derived from its connection's journal (the one record of what
// crossed the wire; nothing is stored twice). Consecutive chunks in one direction are joined into
// runs, as a terminal would show them, which also keeps a UTF-8 character split across two reads
// whole. Other events become one-line notes, like telnet's "Connection closed by foreign host."
//
// Items are grouped into blocks of about BLOCK_BYTES, cut only where a line ends (or, for a stream
// with no line ends, at a chunk boundary past 4 x BLOCK_BYTES), and never inside a character.
// Where the cuts fall depends only on the bytes before them, so when bytes arrive only the last
// block changes: the view redraws and re-lays out that block, not the whole scrollback.
import type { Dir, JournalEvent } from '../../../shared/contract/contract';
import { concatBytes, incompleteTailLength } from '../../../shared/bytes/bytes';
import { RstWitness, type RstCause } from '../../../shared/teardown/rst-reason';

export type TranscriptItem =
  | { type: 'bytes'; key: string; dir: Dir; bytes: Uint8Array }
  /** Chunks whose payload the engine dropped to stay in its memory budget. */
  | { type: 'evicted'; key: string; dir: Dir; length: number }
  /** rstCause: for the server's RST (rst_received), why it came (shared/teardown/rst-reason.ts). */
  | { type: 'note'; key: string; event: Exclude<JournalEvent, { kind: 'data' }>; rstCause?: RstCause };

export interface TranscriptBlock {
  key: string;
  items: TranscriptItem[];
}

export interface Transcript {
  blocks: TranscriptBlock[];
  /** Bytes of payload shown, and how many there were in all (older ones are cut past the limit). */
  shownBytes: number;
  totalBytes: number;
}

/** Plenty for a lesson; keeps a long-running download from making the console crawl. */
export const TRANSCRIPT_LIMIT = 256 * 1024;
export const BLOCK_BYTES = 4096;
const LF = 0x0a;

interface Run {
  dir: Dir;
  key: string;
  chunks: Uint8Array[];
}

class Builder {
  readonly blocks: TranscriptBlock[] = [];
  private block: TranscriptBlock | null = null;
  private run: Run | null = null;

  startBlock(key: string): void {
    this.endRun();
    this.block = { key, items: [] };
    this.blocks.push(this.block);
  }

  add(item: TranscriptItem): void {
    this.endRun();
    this.current(item.key).items.push(item);
  }

  addBytes(dir: Dir, key: string, bytes: Uint8Array): void {
    if (this.run?.dir !== dir) {
      this.endRun();
      this.current(key);
      this.run = { dir, key, chunks: [] };
    }
    this.run.chunks.push(bytes);
  }

  endRun(): void {
    const run = this.run;
    this.run = null;
    if (run) this.current(run.key).items.push({ type: 'bytes', key: run.key, dir: run.dir, bytes: concatBytes(run.chunks) });
  }

  private current(key: string): TranscriptBlock {
    if (!this.block) this.startBlock(`b${key}`);
    return this.block as TranscriptBlock;
  }
}

export function buildTranscript(events: readonly JournalEvent[], limit = TRANSCRIPT_LIMIT): Transcript {
  let totalBytes = 0;
  for (const e of events) if (e.kind === 'data' && e.bytes) totalBytes += e.bytes.length;
  let skip = Math.max(0, totalBytes - limit);

  const out = new Builder();
  /** Bytes both ways since the connection began (evicted chunks count too): where cuts fall. */
  let position = 0;
  let blockStart = 0;
  let lineEnded = true;
  let charCut = false;
  const witness = new RstWitness();

  for (const e of events) {
    const rst = witness.see(e);
    if (rst) {
      out.add({ type: 'note', key: `n${e.seq}`, event: e as Extract<JournalEvent, { kind: 'rst_received' }>, rstCause: rst.cause });
      continue;
    }
    if (e.kind !== 'data') {
      // How the name resolved is shown above the transcript already, address by address.
      if (e.kind === 'note' && e.code === 'resolved') continue;
      out.add({ type: 'note', key: `n${e.seq}`, event: e });
      continue;
    }
    const size = position - blockStart;
    // Decided on positions alone, not on what is shown, so the cuts stay put as the scrollback
    // limit moves forward.
    if (size > 0 && !charCut && ((size >= BLOCK_BYTES && lineEnded) || size >= 4 * BLOCK_BYTES)) {
      out.startBlock(`b${e.seq}`);
      blockStart = position;
    }
    position += e.length;
    if (!e.bytes) {
      out.add({ type: 'evicted', key: `e${e.seq}`, dir: e.dir, length: e.length });
      lineEnded = true;
      charCut = false;
      continue;
    }
    lineEnded = e.bytes[e.bytes.length - 1] === LF;
    charCut = incompleteTailLength(e.bytes) > 0;
    let bytes = e.bytes;
    if (skip > 0) {
      // Over the limit: the oldest bytes go first, as in a terminal's scrollback.
      const cut = Math.min(skip, bytes.length);
      skip -= cut;
      bytes = bytes.subarray(cut);
      if (bytes.length === 0) continue;
    }
    out.addBytes(e.dir, `d${e.seq}`, bytes);
  }
  out.endRun();
  // Blocks that fell wholly before the scrollback limit are empty.
  const blocks = out.blocks.filter((b) => b.items.length > 0);
  return { blocks, shownBytes: Math.min(totalBytes, limit), totalBytes };
}

/** All items in order, whatever their block: for tests and simple readers. */
export function transcriptItems(t: Transcript): TranscriptItem[] {
  return t.blocks.flatMap((b) => b.items);
}
