// For the tests that read the kernel's table: whether it is small enough to be read now. A machine
// holding more TCP sockets than MAX_TABLE_SOCKETS (a load test run in the last minute leaves its
// TIME_WAITs) makes the engine infer the states instead, so those tests say so and skip.
import { readSocketCount } from './proc-net-tcp';
import { MAX_TABLE_SOCKETS } from './tcp-state-watcher';

/** Null when the table can be read; else why not, in words for a skipped test. */
export async function tableTooBig(): Promise<string | null> {
  const count = await readSocketCount();
  return count !== null && count > MAX_TABLE_SOCKETS
    ? `the machine holds ${count} TCP sockets (over ${MAX_TABLE_SOCKETS}: a recent load test's TIME_WAITs); the engine does not read its table then`
    : null;
}
