// One writer per output stream of the CLI (stdout, stderr). Lines are gathered and written in
// batches, at most one pass of writes per event-loop turn and BATCH_BYTES per write(), never a
// syscall per line; each line is encoded as it comes, into a buffer of BATCH_BYTES (a string of a
// thousand lines joined, flattened and encoded at once cost `serve` as much as making the lines,
// issue 19); when the stream says it is full (write() returned false) nothing more goes to
// it until 'drain', so what waits is held here, where it is counted, not in the stream.
// Two kinds of output:
//  - whole: what a command must print in full (help, annotate's annotation, connect's bytes, the
//    first and last lines of serve). Held for as long as the reader takes.
//  - live: serve's journal, a line per event as it happens. Past `capBytes` held, a live line is
//    counted instead of kept, so a reader that stops reading (a paused pager, a stuck pipe) cannot
//    grow the server's memory without end (issue 15); once there is room again, one line says how
//    many were not printed.
// A stream that fails (EPIPE: the reader went away; ENOSPC, EIO, ...) is never thrown about: the
// writer stops, lets go of what it holds, and says so through `failed`. (Node retries EAGAIN and
// ENOBUFS itself on pipes and sockets: libuv's uv__try_write counts both as "not writable yet" and
// waits for the descriptor, so they never reach this listener; after any error that does, Node has
// destroyed the stream, so there is nothing left to retry on.)
import type { Writable } from 'node:stream';

/** What may be held before live lines are left out, in bytes. */
export const DEFAULT_CAP_BYTES = 8 * 1024 * 1024;
/** The most handed to one write(): big enough to make syscalls rare, small enough for a pipe to take soon. */
export const BATCH_BYTES = 64 * 1024;
/** The most bytes UTF-8 takes for one UTF-16 unit (a surrogate pair, two units, takes four). */
const MAX_BYTES_PER_UNIT = 3;

export interface OutputFailure {
  /** The system's name for what went wrong (EPIPE, ENOSPC, EIO, ...). */
  code: string;
}

/**
 * A live line already in UTF-8, in two parts (event-lines.ts: its start, made once for the events of
 * one instant, and its words, kept from the last time they were said), without its newline. Copied,
 * not encoded: encoding a line of CR and LF pictures cost `serve` half a microsecond a line (issue 19).
 */
export interface EncodedLine {
  head: Uint8Array;
  utf8: Uint8Array;
}

/** The line that says how many live lines were left out: a sentence from the catalog, or JSON. */
export type NotPrinted = (count: number) => string;

export class OutputWriter {
  /** Bytes waiting, in order, from `head` on. */
  private pieces: Uint8Array[] = [];
  private head = 0;
  /**
   * Where text is encoded: bytes from `gathered` to `filled` are not yet a piece. Those before
   * `gathered` belong to pieces (the stream may still hold them), so the buffer is only ever
   * written further on, and a new one is taken when it is full.
   */
  private buffer: Buffer | null = null;
  private gathered = 0;
  private filled = 0;
  /** Bytes in `pieces` and in the buffer's part not yet a piece. */
  private heldBytes = 0;
  private blocked = false;
  private scheduled = false;
  private skipped = 0;
  private notPrinted: NotPrinted = String;
  /** Characters the stream has taken so far (some may still sit in its own buffer). */
  private handedOver = 0;
  private failure: OutputFailure | null = null;
  private readonly cap: number;
  private resolveFailed!: (failure: OutputFailure) => void;
  /** Resolves once, when the stream fails; never rejects. */
  readonly failed = new Promise<OutputFailure>((resolve) => (this.resolveFailed = resolve));

  constructor(
    private readonly stream: Writable,
    capBytes = DEFAULT_CAP_BYTES,
  ) {
    this.cap = capBytes;
    stream.on('error', (err) => this.fail(err));
  }

  /** A line that must be printed whole, whatever the reader's pace. */
  line(text: string): void {
    if (this.failure) return;
    // Any "not printed" line goes first: it belongs where the lines it counts would have been.
    this.sayNotPrinted();
    this.addText(`${text}\n`);
  }

  /** Bytes exactly as given (what `connect` receives): never left out. */
  bytes(data: Uint8Array): void {
    if (this.failure || data.length === 0) return;
    this.sayNotPrinted();
    this.endText();
    this.pieces.push(data);
    this.heldBytes += data.length;
    this.schedule();
  }

  /**
   * A line of a live log. `make` is called only if the line will be kept, so a server whose reader
   * has stopped does not spend its time formatting lines nobody will see; `notPrinted` words the
   * line that later counts those left out.
   */
  live(make: () => string | EncodedLine, notPrinted: NotPrinted): void {
    if (this.failure) return;
    this.notPrinted = notPrinted;
    if (!this.roomForLive()) {
      this.skipped++;
      return;
    }
    this.sayNotPrinted();
    const line = make();
    if (typeof line === 'string') this.addText(`${line}\n`);
    else this.addEncoded(line);
  }

  /** What is held, here and in the stream's own buffer. */
  held(): number {
    return this.heldBytes + this.stream.writableLength;
  }

  /** Live lines counted but not printed, and not yet reported. */
  notPrintedYet(): number {
    return this.skipped;
  }

  /**
   * Waits until everything is handed to the system, the stream failed, or the reader took nothing
   * for `stallMs`; true when nothing is left unwritten. What a process does before it exits.
   */
  async settle(stallMs: number): Promise<boolean> {
    let taken = this.taken();
    let since = Date.now();
    while (this.failure === null && (this.held() > 0 || this.scheduled)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (this.taken() !== taken) {
        taken = this.taken();
        since = Date.now();
      } else if (Date.now() - since >= stallMs) {
        return false;
      }
    }
    return true;
  }

  private taken(): number {
    return this.handedOver - this.stream.writableLength;
  }

  private roomForLive(): boolean {
    const held = this.held();
    // Once lines were left out, wait for half the room to come back: a reader that only just keeps
    // pace then gets one "not printed" line per stall, not one every other line.
    return this.skipped > 0 ? held <= this.cap / 2 : held < this.cap;
  }

  private sayNotPrinted(): void {
    if (this.skipped === 0) return;
    const count = this.skipped;
    this.skipped = 0;
    this.addText(`${this.notPrinted(count)}\n`);
  }

  private addText(text: string): void {
    const buffer = this.room(text.length * MAX_BYTES_PER_UNIT);
    if (buffer === null) {
      // A long text (a help page, a big annotation) is a piece of its own.
      const bytes = Buffer.from(text, 'utf8');
      this.pieces.push(bytes);
      this.heldBytes += bytes.length;
    } else {
      const written = buffer.write(text, this.filled, 'utf8');
      this.filled += written;
      this.heldBytes += written;
    }
    this.schedule();
  }

  private addEncoded({ head, utf8 }: EncodedLine): void {
    const size = head.length + utf8.length + 1;
    const buffer = this.room(size);
    if (buffer === null) {
      this.endText();
      const bytes = Buffer.concat([head, utf8, NEWLINE]);
      this.pieces.push(bytes);
      this.heldBytes += bytes.length;
    } else {
      let at = this.filled;
      buffer.set(head, at);
      at += head.length;
      buffer.set(utf8, at);
      at += utf8.length;
      buffer[at] = 0x0a;
      this.filled += size;
      this.heldBytes += size;
    }
    this.schedule();
  }

  /**
   * The buffer, with at least `most` bytes free from `filled` on (a new one when it is full); null
   * when `most` is more than a batch, for a piece of its own.
   */
  private room(most: number): Buffer | null {
    if (this.buffer !== null && this.buffer.length - this.filled >= most) return this.buffer;
    this.endText();
    this.buffer = null;
    if (most > BATCH_BYTES) return null;
    this.buffer = Buffer.allocUnsafeSlow(BATCH_BYTES);
    this.gathered = 0;
    this.filled = 0;
    return this.buffer;
  }

  private endText(): void {
    if (this.buffer === null || this.filled === this.gathered) return;
    this.pieces.push(this.buffer.subarray(this.gathered, this.filled));
    this.gathered = this.filled;
  }

  private schedule(): void {
    if (this.scheduled || this.blocked || this.failure) return;
    this.scheduled = true;
    // The next turn: every line the current one produces (a whole journal.delta) goes in one write.
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    while (!this.blocked && !this.failure) {
      const piece = this.take();
      if (piece === undefined) break;
      this.handedOver += piece.length;
      if (!this.stream.write(piece)) {
        this.blocked = true;
        this.stream.once('drain', this.drained);
      }
    }
    // The reader caught up enough: say now what was left out, rather than with the next line,
    // which may not come for a long time on an idle server.
    if (!this.failure && this.skipped > 0 && this.roomForLive()) this.sayNotPrinted();
  };

  private readonly drained = (): void => {
    this.blocked = false;
    this.flush();
  };

  private take(): Uint8Array | undefined {
    if (this.head === this.pieces.length) {
      this.endText();
      if (this.head === this.pieces.length) return undefined;
    }
    const piece = this.pieces[this.head];
    this.pieces[this.head++] = EMPTY; // let it go now, not when the array is next compacted
    if (this.head === this.pieces.length) {
      this.pieces = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.pieces.length) {
      this.pieces = this.pieces.slice(this.head);
      this.head = 0;
    }
    if (piece === undefined) return undefined;
    this.heldBytes -= piece.length;
    return piece;
  }

  private fail(err: unknown): void {
    if (this.failure) return;
    this.failure = { code: errnoName(err) };
    this.pieces = [];
    this.head = 0;
    this.buffer = null;
    this.gathered = 0;
    this.filled = 0;
    this.heldBytes = 0;
    this.skipped = 0;
    this.resolveFailed(this.failure);
  }
}

const EMPTY = new Uint8Array(0);
const NEWLINE = Uint8Array.of(0x0a);

function errnoName(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}
