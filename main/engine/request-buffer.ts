// The bytes a server connection has received and not yet answered, and where the first request in
// them ends. Chunks are appended to one growing buffer (doubling, so appending is amortized O(chunk))
// rather than kept as a list to concatenate, because frameRequest resumes a scan on *the same*
// buffer grown longer: each chunk is then framed in time proportional to itself, however small the
// pieces a slow client sends (RFC 9112 section 6 framing lives in shared/http/request.ts).
import { frameRequest, type FramingProgress, type RequestHead } from '../../shared/http/request';

/** Past this, a request that is still not complete is answered as it is (memory is not unbounded). */
export const MAX_BUFFERED_REQUEST = 16 * 1024 * 1024;

/** Where the first buffered request stands; `reason` codes are framing errors, or 'too_large'. */
export type RequestState =
  | { state: 'incomplete' }
  | { state: 'complete'; length: number; head: RequestHead }
  | { state: 'invalid'; reason: string; head: RequestHead | null };

const INCOMPLETE: RequestState = { state: 'incomplete' };
const EMPTY = new Uint8Array(0);

export class RequestBuffer {
  private storage: Uint8Array = new Uint8Array(0);
  /**
   * `storage` is a chunk as it arrived, taken without copying (the journal holds the same array):
   * it is never written to, and the first append after it copies it into storage of our own. Most
   * requests come in one chunk, and a server closing after each answer then copies nothing.
   */
  private borrowed = false;
  private start = 0;
  private end = 0;
  private resume: FramingProgress | undefined;
  private current: RequestState = INCOMPLETE;
  /** Frame as bytes arrive (request_end, keep-alive); off, bytes are only kept. */
  private framing = false;
  /** Off once the exchange will not look at what arrives any more. */
  private keeping = true;

  get length(): number {
    return this.end - this.start;
  }

  /** The first request's state, as of the last append. */
  get state(): RequestState {
    return this.current;
  }

  /** The buffered bytes, without copying: valid until the next append or shift. */
  view(): Uint8Array {
    return this.storage.subarray(this.start, this.end);
  }

  /** A copy of the first `length` bytes (default: all), safe to hand to a responder. */
  copy(length = this.length): Uint8Array {
    return this.storage.slice(this.start, this.start + Math.min(length, this.length));
  }

  /** Turns framing on or off (per request cycle: the settings may change between requests). */
  setFraming(on: boolean): void {
    this.framing = on;
    this.reframe();
  }

  /** Stops keeping bytes: the exchange answered and will read no further request. */
  discard(): void {
    this.keeping = false;
    this.storage = EMPTY;
    this.borrowed = false;
    this.start = this.end = 0;
    this.resume = undefined;
    this.current = INCOMPLETE;
  }

  append(chunk: Uint8Array): RequestState {
    if (!this.keeping) return this.current;
    if (this.length === 0) {
      this.storage = chunk;
      this.borrowed = true;
      this.start = 0;
      this.end = chunk.length;
      this.advance();
      return this.current;
    }
    this.ensureRoom(chunk.length);
    this.storage.set(chunk, this.end);
    this.end += chunk.length;
    this.advance();
    return this.current;
  }

  /** Drops the first `length` bytes (a request that was answered); the rest starts the next one. */
  shift(length: number): void {
    this.start += Math.min(length, this.length);
    if (this.start === this.end) this.start = this.end = 0;
    this.reframe();
  }

  private reframe(): void {
    this.resume = undefined;
    this.current = INCOMPLETE;
    if (this.length > 0) this.advance();
  }

  private advance(): void {
    if (!this.framing || this.current.state !== 'incomplete') return;
    const framed = frameRequest(this.view(), this.resume === undefined ? {} : { resume: this.resume });
    if (framed.state === 'incomplete') {
      this.resume = framed.resume;
      if (this.length > MAX_BUFFERED_REQUEST) this.current = { state: 'invalid', reason: 'too_large', head: null };
      return;
    }
    this.resume = undefined;
    this.current = framed;
  }

  private ensureRoom(extra: number): void {
    if (!this.borrowed && this.end + extra <= this.storage.length) return;
    const length = this.length;
    // Moving the live bytes to the front keeps every offset relative to `start`, so a resumed scan
    // (offsets into view()) stays valid.
    if (!this.borrowed && length + extra <= this.storage.length / 2) {
      this.storage.copyWithin(0, this.start, this.end);
    } else {
      const grown = new Uint8Array(Math.max(1024, 2 * (length + extra)));
      grown.set(this.storage.subarray(this.start, this.end));
      this.storage = grown;
      this.borrowed = false;
    }
    this.start = 0;
    this.end = length;
  }
}
