// The TCP states of RFC 9293 section 3.3.2, by the names Linux's /proc/net/tcp uses for them (its
// FIN_WAIT1 and FIN_WAIT2 written as the RFC writes them). A socket's state, read from the kernel
// or inferred from its events, is one of these.
export const TCP_STATES = [
  'LISTEN',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'CLOSED',
] as const;
export type TcpState = (typeof TCP_STATES)[number];

/**
 * Where each state can go next, by RFC 9293 section 3.3.2's diagram (Figure 5), plus CLOSED from
 * anywhere: an RST (section 3.10.7) or an abort ends any state at once.
 */
const NEXT: Record<TcpState, readonly TcpState[]> = {
  LISTEN: ['SYN_RECEIVED', 'SYN_SENT'],
  SYN_SENT: ['SYN_RECEIVED', 'ESTABLISHED'],
  SYN_RECEIVED: ['ESTABLISHED', 'FIN_WAIT_1'],
  ESTABLISHED: ['FIN_WAIT_1', 'CLOSE_WAIT'],
  // FIN_WAIT_1 straight to TIME_WAIT: the peer's FIN came with the ACK of ours.
  FIN_WAIT_1: ['FIN_WAIT_2', 'CLOSING', 'TIME_WAIT'],
  FIN_WAIT_2: ['TIME_WAIT'],
  CLOSE_WAIT: ['LAST_ACK'],
  CLOSING: ['TIME_WAIT'],
  LAST_ACK: [],
  TIME_WAIT: [],
  CLOSED: [],
};

/**
 * Can a socket in `from` later be in `to` (or is it the same state)? TCP states only move forward,
 * so a reading that would go back (FIN_WAIT_2, then FIN_WAIT_1) contradicts what came before it.
 */
export function canReach(from: TcpState, to: TcpState): boolean {
  if (from === to || to === 'CLOSED') return true;
  const seen = new Set<TcpState>([from]);
  const queue: TcpState[] = [from];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const next of NEXT[s]) {
      if (next === to) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return false;
}

/**
 * The scenarios one click away, each run against our own server with our own client over loopback
 * (scenario.run), each ending in a diagram:
 * - server_closes_first: lesson L1, the server answers and shuts down its write side (FIN) first;
 * - client_half_closes_first: the client sends its request, then FIN, and still gets the answer;
 * - keep_alive_client_closes: two requests on one connection, then the client closes;
 * - server_resets: the server answers with RST instead of FIN;
 * - client_resets_mid_response: the server drips its answer, the client resets half-way;
 * - server_hangs_client_times_out: the server never answers; the client gives up and closes;
 * - both_close_at_once: both sides shut down at the same moment. If the FINs crossed on the wire
 *   (a simultaneous close) both would go through CLOSING; on loopback Linux delivers the first FIN
 *   within the call that sends it, so the kernel shows one side closing first.
 */
export const TEARDOWN_SCENARIOS = [
  'server_closes_first',
  'client_half_closes_first',
  'keep_alive_client_closes',
  'server_resets',
  'client_resets_mid_response',
  'server_hangs_client_times_out',
  'both_close_at_once',
] as const;
export type TeardownScenario = (typeof TEARDOWN_SCENARIOS)[number];
