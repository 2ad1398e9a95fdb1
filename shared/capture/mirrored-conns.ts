// Our own client talking to our own server is one TCP connection journaled twice: once from each
// end (local and remote swapped). A capture would hold its frames once, so the file does too.
import type { Address, ConnSummary, JournalEvent } from '../contract/contract';

interface Journal {
  summary: ConnSummary;
  events: readonly JournalEvent[];
}

export interface Twins {
  /** Indexes of journals left out: the client end of a pair. */
  dropped: Set<number>;
  /** For each journal kept in place of its twin, the twin's index. */
  keptFor: Map<number, number>;
}

/**
 * Pairs a client-role journal with the server-role journal whose ends are its own, swapped, and
 * whose lifetime (by the engine's monotonic clock) overlaps its own: a 4-tuple is reused only
 * once the earlier connection is over. The server's journal is kept (it is the one that answered,
 * with the server's notes beside it); the bytes are the same either way.
 */
export function sameConnectionTwice(journals: readonly Journal[]): Twins {
  const twins: Twins = { dropped: new Set(), keptFor: new Map() };
  const servers = new Map<string, number[]>();
  journals.forEach((j, i) => {
    if (j.summary.role !== 'server') return;
    const key = tupleKey(j.summary.local, j.summary.remote);
    servers.set(key, [...(servers.get(key) ?? []), i]);
  });
  journals.forEach((j, i) => {
    if (j.summary.role !== 'client') return;
    const candidates = servers.get(tupleKey(j.summary.remote, j.summary.local)) ?? [];
    const span = lifetime(j.events);
    const match = candidates.find((s) => !twins.keptFor.has(s) && overlaps(span, lifetime((journals[s] as Journal).events)));
    if (match === undefined) return;
    twins.dropped.add(i);
    twins.keptFor.set(match, i);
  });
  return twins;
}

function tupleKey(a: Address, b: Address): string {
  return `${a.address}|${a.port}|${b.address}|${b.port}`;
}

/** From `opened` to the last event kept, on the engine's monotonic clock; null without `opened`. */
function lifetime(events: readonly JournalEvent[]): [number, number] | null {
  const first = events[0];
  if (first?.kind !== 'opened') return null;
  return [first.mono, first.mono + (events[events.length - 1] as JournalEvent).t];
}

function overlaps(a: [number, number] | null, b: [number, number] | null): boolean {
  if (!a || !b) return false;
  return a[0] <= b[1] && b[0] <= a[1];
}
