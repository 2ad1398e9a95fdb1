// The field lines of the message before, kept as they were read, so that a line sent again byte
// for byte is not read again. A keep-alive stream repeats most of its head from message to
// message (a browser's Host, User-Agent, Accept..., a server's Date, Server, Cache-Control), and
// comparing a line's bytes with the same line before is one pass, where reading it is three (the
// scan, then the name and the value each compared with the strings made before; see Texts in
// shared/http/annotate/scan.ts). A line's reading depends on its bytes alone (the message model
// then keeps the field or counts it, the same way whoever read it), so a line with the same bytes
// reads the same: its name, value and parts are the ones kept here.
// Only lines QuickLines (shared/http/annotate/quick-lines.ts) read are kept: a line that had a
// problem is read as text again, which says what is wrong with it.
import type { HttpMessage } from './annotation';
import { sameText } from './scan';

/** A field line as QuickLines read it; positions count from the line's first byte. */
export interface SeenLine {
  /**
   * The line, its line end included, one char per byte (the stream's bytes are lent only for a
   * push; a string is a plain heap object, where a copy in a typed array of its own costs a buffer
   * outside the heap, which was a tenth of the time).
   */
  readonly text: string;
  readonly name: string;
  readonly value: string;
  /** The colon, the value's start and end (OWS either side left out), the line end's start. */
  readonly colon: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly stop: number;
}

/**
 * Lines, and bytes of them, kept per message: a usual head has fewer, and an annotator (the
 * renderer keeps two per connection) must not hold a copy of a huge one: at most twice this.
 */
const MAX_SEEN = 64;
export const MAX_SEEN_BYTES = 8 * 1024;

export class SeenLines {
  /** The lines of the message before `currentOf`, and of `currentOf`, by the index of their field (a hole where a line was not kept). */
  private before: (SeenLine | undefined)[] = [];
  private current: (SeenLine | undefined)[] = [];
  private currentOf: HttpMessage | undefined;
  /** Bytes of the lines kept for `currentOf`. */
  private currentBytes = 0;

  /**
   * The line field `index` of the message before had, if bytes [start, limit) start with exactly
   * its bytes; `msg` is the message arriving, `previous` the one opened before it.
   */
  match(msg: HttpMessage, previous: HttpMessage | undefined, index: number, bytes: Uint8Array, start: number, limit: number): SeenLine | undefined {
    this.follow(msg, previous);
    const seen = this.before[index];
    if (seen === undefined) return undefined;
    const end = start + seen.text.length;
    return end <= limit && sameText(bytes, start, end, seen.text) ? seen : undefined;
  }

  /** Field `index` of `msg` was read from `seen`'s bytes: what the next message's line `index` is compared with. */
  note(msg: HttpMessage, previous: HttpMessage | undefined, index: number, seen: SeenLine): void {
    this.follow(msg, previous);
    if (index >= MAX_SEEN || this.currentBytes + seen.text.length > MAX_SEEN_BYTES) return;
    this.current[index] = seen;
    this.currentBytes += seen.text.length;
  }

  private follow(msg: HttpMessage, previous: HttpMessage | undefined): void {
    if (this.currentOf === msg) return;
    // A new message: the lines of the one just before are what it is compared with; those of any
    // other (a message between them that had no usual field line) are not. New arrays rather than
    // `length = 0`, which is a call into the runtime each time.
    this.before = previous !== undefined && this.currentOf === previous ? this.current : [];
    this.current = [];
    this.currentBytes = 0;
    this.currentOf = msg;
  }
}
