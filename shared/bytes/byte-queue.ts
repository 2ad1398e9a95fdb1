// The bytes a streaming parser has received but not consumed yet, in one growable buffer: appending
// copies only the new bytes, consuming moves a start index. So a line that arrives one byte at a
// time costs O(line) in all, not O(line²) as concatenating the tail on every push would.
// An empty queue can also borrow the caller's bytes instead of copying them (lend, then keep once
// the caller's turn is over): a body of many pieces then costs no copy at all, only its tail does.

export class ByteQueue {
  private buf: Uint8Array = new Uint8Array(256);
  private head = 0;
  private tail = 0;
  /** While lending: the queue's own buffer, set aside; `buf` is then the caller's bytes. */
  private own: Uint8Array | null = null;
  /** Stream offset of the first unconsumed byte. */
  offset = 0;

  get length(): number {
    return this.tail - this.head;
  }

  /**
   * The unconsumed bytes are `data[start, end)`: a reader that scans them in place makes no view
   * per look (view() allocates one). Valid until the next append, lend or keep; bytes of `data`
   * outside the range are not the stream's.
   */
  get data(): Uint8Array {
    return this.buf;
  }

  get start(): number {
    return this.head;
  }

  get end(): number {
    return this.tail;
  }

  append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.keep();
    if (this.tail + bytes.length > this.buf.length) this.makeRoom(bytes.length);
    this.buf.set(bytes, this.tail);
    this.tail += bytes.length;
  }

  /** The unconsumed bytes (a view: valid until the next append or consume). */
  view(): Uint8Array {
    return this.buf.subarray(this.head, this.tail);
  }

  consume(count: number): void {
    this.head += count;
    this.offset += count;
    if (this.head === this.tail) {
      this.head = this.tail = 0;
      this.giveBack();
    }
  }

  /**
   * Makes `bytes` the queue's content without copying them; the queue must be empty. They are
   * the caller's: before the caller may change or reuse them, keep() must be called.
   */
  lend(bytes: Uint8Array): void {
    if (this.tail > this.head) throw new Error('ByteQueue.lend: the queue is not empty');
    if (bytes.length === 0) return;
    this.own ??= this.buf;
    // A plain Uint8Array over the same memory: a subclass's subarray (Node's Buffer) is a slower path.
    this.buf = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    this.head = 0;
    this.tail = bytes.length;
  }

  /** Ends a lend: what is left of the lent bytes is copied into the queue's own buffer. */
  keep(): void {
    if (this.own === null) return;
    const rest = this.buf.subarray(this.head, this.tail);
    this.giveBack();
    this.head = this.tail = 0;
    if (rest.length === 0) return;
    if (rest.length > this.buf.length) this.makeRoom(rest.length);
    this.buf.set(rest, 0);
    this.tail = rest.length;
  }

  private giveBack(): void {
    if (this.own === null) return;
    this.buf = this.own;
    this.own = null;
  }

  private makeRoom(extra: number): void {
    const used = this.tail - this.head;
    // Slide down when that frees enough; grow (doubling) only when the live bytes need it.
    if (used + extra <= this.buf.length / 2) {
      this.buf.copyWithin(0, this.head, this.tail);
    } else {
      let size = this.buf.length * 2;
      while (size < used + extra) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.buf.subarray(this.head, this.tail));
      this.buf = next;
    }
    this.head = 0;
    this.tail = used;
  }
}
