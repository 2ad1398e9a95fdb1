// How one connection's journal is kept in the renderer. Events arrive in `journal.delta` batches,
// and whole journals (or their ends) from `journal.watch` or `journal.events`; the two can overlap or race (a delta may be sent
// before or after a fetch's answer), so events are merged by `seq`, which the engine numbers from 0
// with no gaps. A journal whose events do not run 0, 1, 2, ... without a hole is missing something
// and is marked `needsFetch`, and so is one that may have missed events while the link was down.
import { EVENTS_KEPT_PER_CONNECTION, type ErrorInfo, type JournalEvent } from '../../shared/contract/contract';

export interface ConnJournal {
  /** Sorted by seq, no duplicates. */
  events: JournalEvent[];
  /** Some events are (or may be) missing: fetch `journal.events` when someone looks. */
  needsFetch: boolean;
  loading: boolean;
  /** Why the last fetch failed (e.g. the engine dropped the connection); stops retrying. */
  error: ErrorInfo | null;
}

export const EMPTY_JOURNAL: ConnJournal = { events: [], needsFetch: true, loading: false, error: null };

/**
 * Adds events from a delta, in any order; marks a gap if one opens. Only the new events are looked
 * at, not the whole journal: a busy connection's holds thousands, and a gap the engine made itself
 * (its cap on events per connection drops the oldest after `opened`) is no reason to fetch again
 * at every delta.
 */
export function mergeDeltaEvents(journal: ConnJournal | undefined, incoming: readonly JournalEvent[]): ConnJournal {
  const base = journal ?? { ...EMPTY_JOURNAL, needsFetch: false };
  const gap = opensGap(base.events, incoming);
  const events = keepNewest(mergeBySeq(base.events, incoming));
  return { ...base, events, needsFetch: base.needsFetch || gap };
}

/** Whether events past the last one held skip a seq (a connection's seq runs 0, 1, 2, ...). */
function opensGap(held: readonly JournalEvent[], incoming: readonly JournalEvent[]): boolean {
  let next = (held.at(-1)?.seq ?? -1) + 1;
  for (const e of incoming) {
    if (e.seq > next) return true;
    if (e.seq === next) next++;
  }
  return false;
}

/** Adds a fetched journal (the engine's whole record at that moment). */
export function mergeFetchedEvents(journal: ConnJournal | undefined, fetched: readonly JournalEvent[]): ConnJournal {
  const events = keepNewest(mergeBySeq(journal?.events ?? [], fetched));
  // Not gapless even now means the engine itself no longer has those events: asking again would
  // give the same answer, so do not ask again until something new is missed.
  return { events, needsFetch: false, loading: false, error: null };
}

/** Events that carried payload bytes, with the bytes dropped (the engine evicted them). */
export function withoutPayloads(journal: ConnJournal): ConnJournal {
  if (!journal.events.some((e) => e.kind === 'data' && e.bytes !== null)) return journal;
  return { ...journal, events: journal.events.map((e) => (e.kind === 'data' && e.bytes ? { ...e, bytes: null } : e)) };
}

/**
 * Past EVENTS_KEPT_PER_CONNECTION, the oldest events after the first (`opened`) are let go, as the
 * engine lets go of them: a quarter at a time, so that a busy connection's every delta does not
 * cut again. A hole this makes is not a gap to fetch: the engine no longer holds those either.
 */
function keepNewest(events: JournalEvent[]): JournalEvent[] {
  if (events.length <= EVENTS_KEPT_PER_CONNECTION) return events;
  events.splice(1, events.length - Math.floor((EVENTS_KEPT_PER_CONNECTION * 3) / 4));
  return events;
}

export function isGapless(events: readonly JournalEvent[]): boolean {
  for (let i = 0; i < events.length; i++) if (events[i]?.seq !== i) return false;
  return true;
}

function mergeBySeq(existing: readonly JournalEvent[], incoming: readonly JournalEvent[]): JournalEvent[] {
  const out = existing.slice();
  for (const event of incoming) {
    const last = out.at(-1);
    // The common case, by far: the next event in order.
    if (!last || event.seq > last.seq) {
      out.push(event);
      continue;
    }
    const at = lowerBound(out, event.seq);
    const there = out[at];
    if (there?.seq === event.seq) {
      // Same event seen twice. Keep the copy that still has its payload, if one does.
      if (there.kind === 'data' && there.bytes === null && event.kind === 'data' && event.bytes) out[at] = event;
      continue;
    }
    out.splice(at, 0, event);
  }
  return out;
}

function lowerBound(events: readonly JournalEvent[], seq: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((events[mid]?.seq ?? 0) < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
