// Where `wirebench annotate` writes: text gathered into batches of about 64 KiB, one write() per
// batch, and, once the stream says it is full (write() returned false), no more until 'drain'.
// The dump of 100 MB is gigabytes of text: one write per line would be millions of syscalls, one
// string of it all would not fit, and writing on regardless would hold it all in the stream's
// buffer when its reader is slower than we are (a pager, a pipe into gzip).
import type { Writable } from 'node:stream';

/** Characters gathered before they are handed to the stream. */
export const BATCH_CHARS = 64 * 1024;

export class BatchWriter {
  private text = '';
  private full = false;
  /** The stream's error (EPIPE: its reader went away; ENOSPC ...), once it failed; nothing is written after. */
  failure: string | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly stream: Writable) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      this.failure ??= typeof err.code === 'string' ? err.code : 'unknown';
      this.text = '';
      this.wake?.();
    });
  }

  /** Text as it is (a piece of JSON); written once a batch is full, or at the next settle(). */
  write(text: string): void {
    if (this.failure !== null) return;
    this.text += text;
    if (this.text.length >= BATCH_CHARS) this.hand();
  }

  line(text: string): void {
    this.write(`${text}\n`);
  }

  /** Bytes exactly as given (what a temporary file gives back), after the text before them. */
  bytes(bytes: Uint8Array): void {
    if (this.failure !== null) return;
    this.hand();
    if (!this.stream.write(bytes)) this.full = true;
  }

  /** Whether the caller should settle() before making more: the stream is full. */
  get waiting(): boolean {
    return this.full;
  }

  /** Waits while the stream is full (or until it fails); what is gathered waits for its batch to fill. */
  async settle(): Promise<void> {
    while (this.full && this.failure === null) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.stream.off('drain', done);
          this.wake = null;
          resolve();
        };
        this.wake = done;
        this.stream.once('drain', done);
      });
      this.full = this.stream.writableNeedDrain;
    }
  }

  /** Hands over what is gathered and waits until the stream has passed on all of it (the end of the dump). */
  async flushed(): Promise<void> {
    this.hand();
    await this.settle();
    if (this.failure !== null || this.stream.writableLength === 0) return;
    // A write's callback runs once it and every write before it are done (or the stream failed).
    await new Promise<void>((resolve) => this.stream.write('', () => resolve()));
  }

  private hand(): void {
    if (this.text.length === 0 || this.failure !== null) return;
    const text = this.text;
    this.text = '';
    if (!this.stream.write(text)) this.full = true;
  }
}
