// When each connection's frames happened, as milliseconds since the epoch. Each event has `at` (the
// wall clock, Date.now(): whole milliseconds, may step) and `t` (monotonic milliseconds since its
// connection opened, fractional); `opened` also has `mono`, the engine's performance.now() at that
// moment, common to all connections of one engine. So a connection's frames are at its `opened.at`
// plus `t`, and connections of one engine are placed against each other by `mono`, which has
// neither Date.now()'s whole-millisecond steps nor its jumps: a session reads in the order it
// happened, to the microsecond.
import type { ConnSummary, JournalEvent } from '../contract/contract';

export interface ConnClock {
  /** Milliseconds since the epoch the connection's `t` counts from: baseMs + offsetMs (kept apart for precision). */
  baseMs: number;
  offsetMs: number;
}

/**
 * How far the wall clock and the monotonic one may disagree about the time between two openings
 * and still be taken for one engine: Date.now() truncates to whole milliseconds, so the two
 * readings of one instant are up to 1 ms apart, twice. Beyond that the connections came from
 * different engines (a session put together from two runs) or the wall clock was set meanwhile:
 * each then keeps its own `at`.
 */
const SAME_ENGINE_MS = 2;

export function connClocks(journals: readonly { summary: ConnSummary; events: readonly JournalEvent[] }[]): ConnClock[] {
  const opens = journals.map(({ summary, events }): { at: number; mono: number | null } => {
    const first = events[0];
    return first?.kind === 'opened' ? { at: first.at, mono: first.mono } : { at: summary.openedAt, mono: null };
  });
  // The reference: the earliest opening with a monotonic reading.
  let ref: { at: number; mono: number } | null = null;
  for (const o of opens) if (o.mono !== null && (ref === null || o.mono < ref.mono)) ref = { at: o.at, mono: o.mono };
  return opens.map((o) => {
    if (ref && o.mono !== null && Math.abs(o.at - ref.at - (o.mono - ref.mono)) <= SAME_ENGINE_MS) {
      return { baseMs: ref.at, offsetMs: o.mono - ref.mono };
    }
    return { baseMs: o.at, offsetMs: 0 };
  });
}
