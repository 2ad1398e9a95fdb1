// The drip policy's sending: an answer cut into pieces of a few bytes, one write each, a fixed
// time apart, to show that TCP chunks need not match messages (a client reading it sees many
// small reads, and HTTP still frames the response correctly).
import type { Connection } from './connection';
import { Countdown } from './countdown';

export interface DripOptions {
  bytes: number;
  everyMs: number;
  /** The last piece has been handed to the socket. */
  onDone(): void;
}

/**
 * Writes `answer` `bytes` at a time, the first at once. Stops for good when the connection can no
 * longer send (the client went away); stop() stops it too. Returns stop.
 */
export function drip(conn: Connection, answer: Uint8Array, options: DripOptions): () => void {
  const timer = new Countdown();
  let offset = 0;
  let stopped = false;
  const step = (): void => {
    if (stopped || conn.notWritable() !== null) return;
    const piece = answer.subarray(offset, offset + options.bytes);
    offset += piece.length;
    if (piece.length > 0) conn.write(piece);
    if (offset < answer.length) timer.start(options.everyMs, step);
    else options.onDone();
  };
  step();
  return () => {
    stopped = true;
    timer.stop();
  };
}
