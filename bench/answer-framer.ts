// The load generators' reading of a kept-alive connection: answers one after another, each framed
// by its Content-Length (RFC 9112 section 6.3, rule 6: the benchmark's keep-alive answers carry
// one). Both generators (load-client.ts as fast as possible, paced-load.ts at a rate) read alike.

/** An answer whose end this reader cannot find (no Content-Length): the connection is given up. */
export const UNFRAMABLE = -1;

export class AnswerFramer {
  private buffer: Buffer = Buffer.alloc(0);

  /** Takes a chunk; returns how many answers it completed, or UNFRAMABLE. */
  push(chunk: Buffer): number {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let answers = 0;
    for (;;) {
      const headEnd = this.buffer.indexOf('\r\n\r\n');
      if (headEnd === -1) return answers;
      const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(this.buffer.subarray(0, headEnd + 2).toString('latin1'));
      if (!length) return UNFRAMABLE;
      const end = headEnd + 4 + Number(length[1]);
      if (this.buffer.length < end) return answers;
      this.buffer = this.buffer.subarray(end);
      answers++;
    }
  }
}
