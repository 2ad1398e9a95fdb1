// Socket writes gathered until the end of the event loop's turn, then made one after another.
//
// Why: on a busy server, libuv hands over many readable sockets in one turn. Answering each at
// once interleaves our JavaScript with write syscalls, and on loopback (a test, a class demo, a
// load tool) each write that finds the peer asleep pays for waking it: measured on a 2-core VM,
// the same answer's write() cost 7 µs while the peer was busy and over 20 µs while it slept.
// Made back to back at the turn's end, the first write wakes the peer and the rest find it
// awake (tried on a bare node:net server doing 20 µs of work per request under `wrk -t1 -c16`:
// 13,400 requests/s writing at once, 18,400 writing at the turn's end, 11 writes per turn).
// Nothing a peer sees changes: each connection's own writes, FIN and release keep their order
// (see Connection), and the delay is the rest of one turn, microseconds.

const waiting: Array<() => void> = [];

/** Runs `flush` once the callbacks of this turn's poll phase have run (setImmediate). */
export function atTurnEnd(flush: () => void): void {
  waiting.push(flush);
  if (waiting.length === 1) setImmediate(runAll);
}

function runAll(): void {
  // A flush may queue another (a connection answered again meanwhile): it runs in this same pass.
  for (let i = 0; i < waiting.length; i++) (waiting[i] as () => void)();
  waiting.length = 0;
}
