// Test support for the scenarios: run one through the door, wait until both ends have settled
// (closed, and the kernel's last state read: TIME_WAIT or CLOSED), and read both journals.
import type { JournalEvent } from '../../../shared/contract/contract';
import type { TeardownScenario } from '../../../shared/teardown/tcp-states';
import type { EngineProbe } from './engine-probe';

export interface Played {
  client: JournalEvent[];
  server: JournalEvent[];
}

/** The kernel states journaled, in order. */
export const kernelStates = (events: readonly JournalEvent[]): string[] =>
  events.flatMap((e) => (e.kind === 'tcp_state' ? [e.state] : []));

/** The journal without the kernel's states, the server's notes and the client's `resolved`. */
export const socketEvents = (events: readonly JournalEvent[]): string[] =>
  events.flatMap((e) => {
    if (e.kind === 'tcp_state' || e.kind === 'note') return [];
    if (e.kind === 'data') return [`data ${e.dir}`];
    if (e.kind === 'error') return [`error ${e.code}`];
    return [e.kind];
  });

/** Runs of the same word made one: `data in, data in` is `data in`. */
export const runs = (words: readonly string[]): string[] => words.filter((w, i) => i === 0 || words[i - 1] !== w);

/** Does `all` hold `wanted` in this order (other items between allowed)? */
export function hasInOrder(all: readonly string[], wanted: readonly string[]): boolean {
  let i = 0;
  for (const item of all) if (item === wanted[i]) i++;
  return i === wanted.length;
}

const settled = (events: readonly JournalEvent[], kernel: boolean): boolean => {
  if (!events.some((e) => e.kind === 'closed')) return false;
  if (!kernel) return true;
  const last = events.findLast((e) => e.kind === 'tcp_state');
  return last?.kind === 'tcp_state' && (last.state === 'TIME_WAIT' || last.state === 'CLOSED');
};

/** Plays `scenario` and resolves with both ends' journals once both have settled. */
export async function play(probe: EngineProbe, scenario: TeardownScenario, kernel: boolean): Promise<Played> {
  const run = await probe.call('scenario.run', { scenario });
  const settle = (connId: string): Promise<JournalEvent[]> =>
    probe.waitFor(`${scenario} ${connId} settled`, async () => {
      const events = await probe.events(connId);
      return settled(events, kernel) && events;
    });
  const [client, server] = await Promise.all([settle(run.clientConnId), settle(run.serverConnId)]);
  return { client, server };
}
