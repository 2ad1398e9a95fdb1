// Entries that must be printed after everything else but arrive all along: annotate's problems
// (listed after the spans), and with --json its messages too (the "messages" array follows the
// "spans" array). Kept in memory up to a budget, past it in a temporary file, read back in order at
// the end: 100 MB of requests without Host is millions of problems, which must not all be held.
// An entry that may still change (a problem whose count of bare LFs still grows) is kept as the
// object and rendered only when read back; the annotator hands over at most two such a take.
// The file is removed as soon as it is open (Linux, macOS), so nothing is left behind even if the
// process is killed; where that is refused (Windows) it is removed by close().
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchWriter } from './annotate-output';

/** Characters kept in memory before entries go to the file. */
export const SPILL_MEMORY_CHARS = 8 * 1024 * 1024;
/** Characters gathered before they are written to the file (or kept) as one piece. */
const PIECE_CHARS = 1024 * 1024;
/** Bytes read back from the file at a time. */
const READ_BYTES = 1024 * 1024;

/** The temporary file could not be made, written or read: its errno, and the folder it was to be in. */
export class SpillFailed extends Error {
  constructor(
    readonly errno: string,
    readonly dir: string,
  ) {
    super(`spill ${errno} in ${dir}`);
  }
}

type Segment<T> = string | { from: number; to: number } | { live: T };

export class Spill<T> {
  private readonly segments: Segment<T>[] = [];
  private text = '';
  private inMemory = 0;
  private file: { fd: number; dir: string | null; length: number } | null = null;
  /** Entries added so far. */
  count = 0;

  constructor(
    /** What goes between two entries (',' for JSON; '' for lines that end themselves). */
    private readonly separator: string,
    private readonly render: (item: T) => string,
    /** The folder the temporary file is made in. */
    private readonly tmp: string,
    private readonly budget = SPILL_MEMORY_CHARS,
  ) {}

  add(entry: string): void {
    if (this.count++ > 0) this.text += this.separator;
    this.text += entry;
    if (this.text.length >= PIECE_CHARS) this.cut();
  }

  /** An entry that may still change: rendered when read back, in its place. */
  addLive(item: T): void {
    if (this.count++ > 0) this.text += this.separator;
    this.cut();
    this.segments.push({ live: item });
  }

  /** Every entry, in order, to `writer`; waits for the writer whenever its stream is full. */
  async copyTo(writer: BatchWriter): Promise<void> {
    this.cut();
    for (const segment of this.segments) {
      if (typeof segment === 'string') writer.write(segment);
      else if ('live' in segment) writer.write(this.render(segment.live));
      else {
        for (let at = segment.from; at < segment.to; ) {
          const piece = Buffer.allocUnsafe(Math.min(READ_BYTES, segment.to - at));
          const n = this.io(() => readSync(this.fileFd(), piece, 0, piece.length, at));
          if (n === 0) throw new SpillFailed('EIO', this.tmp);
          writer.bytes(piece.subarray(0, n));
          at += n;
          if (writer.waiting) await writer.settle();
        }
      }
      if (writer.waiting) await writer.settle();
    }
  }

  /** Lets the file go (and removes it, where that could not be done at once). */
  close(): void {
    const file = this.file;
    this.file = null;
    if (!file) return;
    closeSync(file.fd);
    if (file.dir !== null) rmSync(file.dir, { recursive: true, force: true });
  }

  private cut(): void {
    const text = this.text;
    if (text.length === 0) return;
    this.text = '';
    if (this.inMemory + text.length <= this.budget) {
      this.segments.push(text);
      this.inMemory += text.length;
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    const file = this.openFile();
    this.io(() => writeSync(file.fd, bytes, 0, bytes.length, file.length));
    const last = this.segments.at(-1);
    // Pieces written one after another are one range to read back.
    if (last !== undefined && typeof last === 'object' && 'to' in last && last.to === file.length) last.to += bytes.length;
    else this.segments.push({ from: file.length, to: file.length + bytes.length });
    file.length += bytes.length;
  }

  private openFile(): { fd: number; dir: string | null; length: number } {
    if (this.file) return this.file;
    const dir = this.io(() => mkdtempSync(join(this.tmp, 'wirebench-annotate-')));
    const fd = this.io(() => openSync(join(dir, 'spill'), 'w+'));
    let kept: string | null = null;
    try {
      rmSync(dir, { recursive: true });
    } catch {
      kept = dir;
    }
    this.file = { fd, dir: kept, length: 0 };
    return this.file;
  }

  private fileFd(): number {
    if (!this.file) throw new SpillFailed('EBADF', this.tmp);
    return this.file.fd;
  }

  private io<R>(run: () => R): R {
    try {
      return run();
    } catch (err) {
      if (err instanceof SpillFailed) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      throw new SpillFailed(typeof code === 'string' ? code : 'unknown', this.tmp);
    }
  }
}
