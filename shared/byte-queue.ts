// The bytes a streaming parser has received but not consumed yet, in one growable buffer: appending
// copies only the new bytes, consuming moves a start index. So a line that arrives one byte at a
// time costs O(line) in all, not O(line²) as concatenating the tail on every push would.

export class ByteQueue {
  private buf = new Uint8Array(256);
  private start = 0;
  private end = 0;
  /** Stream offset of the first unconsumed byte. */
  offset = 0;

  get length(): number {
    return this.end - this.start;
  }

  append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.end + bytes.length > this.buf.length) this.makeRoom(bytes.length);
    this.buf.set(bytes, this.end);
    this.end += bytes.length;
  }

  /** The unconsumed bytes (a view: valid until the next append or consume). */
  view(): Uint8Array {
    return this.buf.subarray(this.start, this.end);
  }

  consume(count: number): void {
    this.start += count;
    this.offset += count;
    if (this.start === this.end) this.start = this.end = 0;
  }

  private makeRoom(extra: number): void {
    const used = this.end - this.start;
    // Slide down when that frees enough; grow (doubling) only when the live bytes need it.
    if (used + extra <= this.buf.length / 2) {
      this.buf.copyWithin(0, this.start, this.end);
    } else {
      let size = this.buf.length * 2;
      while (size < used + extra) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.buf.subarray(this.start, this.end));
      this.buf = next;
    }
    this.start = 0;
    this.end = used;
  }
}
