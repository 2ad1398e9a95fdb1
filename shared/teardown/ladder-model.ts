// Builds the teardown diagram's model (ladder-types.ts) from journals: one connection's, or both
// ends' when both are ours (our client talking to our server), joined on the engine's monotonic
// clock (`opened.mono + t`). The arrows come from ladder-arrows.ts; each side's states from its
// inferred state machine (tcp-machine.ts) merged with the kernel's readings into one track
// (ladder-track.ts). Then the steps, in time order: one per thing a side did or saw, each saying
// what follows from it for that side, and one per change of state no event of that side explains
// (the other's ACK, a timer, a kernel reading).
// Pure: journal events in, a model out, so the renderer, the CLI and the tests draw the same thing.
import type { JournalEvent } from '../contract/contract';
import { buildArrows, journalOf, refOf, type Opened } from './ladder-arrows';
import { stepsOf, type Happening } from './ladder-steps';
import { otherSide, type LadderModel, type Side } from './ladder-types';
import type { Reading } from './ladder-track';

const endpoint = (a: Opened['local']): string => (a.family === 'IPv6' ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`);

/**
 * The diagram of a connection from its journal, and from the other end's journal when that end is
 * ours too (see findPeerConnection). Null when the journal has no `opened` event.
 */
export function buildLadder(events: readonly JournalEvent[], peerEvents: readonly JournalEvent[] | null = null): LadderModel | null {
  const mine = journalOf(events);
  if (!mine) return null;
  const peer = peerEvents ? journalOf(peerEvents) : null;
  const both = peer !== null && peer.side !== mine.side ? peer : null;
  const start = Math.min(mine.opened.mono, both?.opened.mono ?? Infinity);
  for (const j of [mine, both]) if (j) j.time = (e) => j.opened.mono + e.t - start;

  const arrows = buildArrows(mine, both);
  const happenings: Happening[] = [];
  const readings: Record<Side, Reading[]> = { client: [], server: [] };
  for (const j of [mine, both]) {
    if (!j) continue;
    for (const e of j.events) {
      const t = j.time(e);
      const ref = refOf(e);
      if (e.kind === 'closed') happenings.push({ t, what: 'close', side: j.side, ref });
      else if (e.kind === 'tcp_state') readings[j.side].push({ t, state: e.state, timerMs: e.timerMs, ref });
      else if (e.kind === 'timeout') happenings.push({ t, what: 'timed_out', side: j.side, params: { which: e.which, ms: e.ms }, ref });
      else if (e.kind === 'note' && e.code === 'client_gave_up') happenings.push({ t, what: 'gave_up', side: j.side, params: { ms: Number(e.params.ms ?? 0) }, ref });
    }
  }
  arrows.forEach((arrow, index) => {
    happenings.push({ t: arrow.sentT, what: 'send', kind: arrow.kind, from: arrow.from, arrow: index });
    happenings.push({ t: arrow.arrivedT, what: 'arrive', kind: arrow.kind, from: arrow.from, arrow: index });
  });
  // Sends before arrivals at the same instant (an arrow cannot land before it leaves).
  const order = { send: 0, arrive: 1, close: 2, gave_up: 2, timed_out: 2 } as const;
  happenings.sort((x, y) => x.t - y.t || order[x.what] - order[y.what]);
  for (const side of ['client', 'server'] as const) readings[side].sort((x, y) => x.t - y.t);

  const ours = { client: mine.side === 'client' || both !== null, server: mine.side === 'server' || both !== null };
  const steps = stepsOf(happenings, arrows, readings, ours);
  const lanes = {
    [mine.side]: { connId: mine.opened.connId, endpoint: endpoint(mine.opened.local) },
    [otherSide(mine.side)]: { connId: both?.opened.connId ?? null, endpoint: endpoint(mine.opened.remote) },
  } as LadderModel['lanes'];
  const times = [...happenings.map((h) => h.t), ...steps.map((s) => s.t)];
  return { lanes, arrows, steps, duration: Math.max(0, ...times) };
}

/**
 * Our connection at the other end of `connId`, if both ends are ours: the one whose local end is
 * this one's remote end and the other way round.
 */
export function findPeerConnection(
  conn: { connId: string; local: Opened['local']; remote: Opened['remote'] },
  others: readonly { connId: string; local: Opened['local']; remote: Opened['remote'] }[],
): string | null {
  const same = (a: Opened['local'], b: Opened['local']): boolean => a.port === b.port && a.address.replace(/^::ffff:/, '') === b.address.replace(/^::ffff:/, '');
  return others.find((o) => o.connId !== conn.connId && same(o.local, conn.remote) && same(o.remote, conn.local))?.connId ?? null;
}
