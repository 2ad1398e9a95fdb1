// One state track per side: the states a side's socket went through, each from when it began.
// Two sources feed it: the states inferred from the journal's events (tcp-machine.ts), and the
// kernel's own readings (tcp_state events, Linux's /proc/net/tcp, sampled every few ms while the
// socket closes). The kernel is the truth where it was read, so:
// - an inferred state the readings contradict is dropped: a state the socket could not have been
//   in, given a reading before it or after it (states only move forward, RFC 9293 section 3.3.2;
//   e.g. FIN_WAIT_2 inferred the moment our FIN landed, but a later reading still FIN_WAIT_1: the
//   peer's ACK was delayed);
// - a state the kernel was read in is drawn as the kernel's for its whole span (from where the
//   events say it began, when they agree), and a state the kernel showed but the events did not
//   begins where it was read;
// - a state that was never read (too short for a read to catch, or before the watch began) stays,
//   drawn as inferred.
import type { EventRef, StateSource } from './ladder-types';
import { canReach, type TcpState } from './tcp-states';

/** A state the events led to: `cause` is the happening (ladder-model.ts) that led to it. */
export interface Inferred {
  t: number;
  state: TcpState;
  cause: number;
}

/** One of the kernel's readings of the socket's state. */
export interface Reading {
  t: number;
  state: TcpState;
  timerMs: number | null;
  ref: EventRef;
}

export interface TrackEntry {
  /** When the state began on the diagram's timeline. */
  t: number;
  state: TcpState;
  /** The state before it (null: the first). */
  from: TcpState | null;
  source: StateSource;
  /** What began it: a happening (by index), or a kernel reading no event explains. */
  cause: { happening: number } | { reading: Reading };
  /** The first reading of a timer for this state (TIME_WAIT's), if any. */
  timer: Reading | null;
}

export function mergeTrack(inferred: readonly Inferred[], readings: readonly Reading[]): TrackEntry[] {
  const before = (t: number): Reading | undefined => readings.findLast((r) => r.t <= t);
  const after = (t: number): Reading | undefined => readings.find((r) => r.t > t);
  const kept = inferred.filter((i) => {
    const b = before(i.t);
    const a = after(i.t);
    return (!b || canReach(b.state, i.state)) && (!a || canReach(i.state, a.state));
  });
  type Mark = { t: number; state: TcpState; inferred: Inferred | null; reading: Reading | null };
  const marks: Mark[] = [
    ...kept.map((i): Mark => ({ t: i.t, state: i.state, inferred: i, reading: null })),
    ...readings.map((r): Mark => ({ t: r.t, state: r.state, inferred: null, reading: r })),
  ];
  // In time order; at one instant what the events say first, the reading that confirms it after.
  marks.sort((x, y) => x.t - y.t || Number(x.reading !== null) - Number(y.reading !== null));

  const track: TrackEntry[] = [];
  for (const m of marks) {
    const current = track.at(-1);
    if (current && current.state === m.state) {
      if (m.reading) {
        current.source = 'kernel';
        if (current.timer === null && m.reading.timerMs !== null) current.timer = m.reading;
      }
      continue;
    }
    // Never back: a reading older than what the events already showed adds nothing.
    if (current && !canReach(current.state, m.state)) continue;
    track.push({
      t: m.t,
      state: m.state,
      from: current?.state ?? null,
      source: m.reading ? 'kernel' : 'inferred',
      cause: m.inferred ? { happening: m.inferred.cause } : { reading: m.reading as Reading },
      timer: m.reading && m.reading.timerMs !== null ? m.reading : null,
    });
  }
  return track;
}
