// For the tests that read the kernel's table: whether it is small enough to be read. A machine
// holding more TCP sockets than MAX_TABLE_SOCKETS (a load test, or a test that opened thousands of
// connections, in the last minute leaves its TIME_WAITs) makes the engine infer the states instead.
// TIME_WAIT lasts 60 s on Linux, so a test first waits for them to go; only a table still too big
// after that (something else keeps it full) makes it skip, saying why.
import { performance } from 'node:perf_hooks';
import { readSocketCount } from './proc-net-tcp';
import { MAX_TABLE_SOCKETS } from './tcp-state-watcher';

/** Long enough for the TIME_WAITs of a burst of connections to expire (60 s), with a margin. */
export const TABLE_WAIT_MS = 65_000;

/** Null once the table can be read (waiting up to waitMs); else why not, in words for a skipped test. */
export async function tableTooBig(waitMs = TABLE_WAIT_MS): Promise<string | null> {
  const deadline = performance.now() + waitMs;
  for (;;) {
    const count = await readSocketCount();
    if (count === null || count <= MAX_TABLE_SOCKETS) return null;
    if (performance.now() >= deadline) {
      return `the machine holds ${count} TCP sockets (over ${MAX_TABLE_SOCKETS}, still after ${Math.round(waitMs / 1000)} s: something keeps opening connections); the engine does not read its table then`;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
