import { describe, expect, it } from 'vitest';
import { EVENTS_KEPT_PER_CONNECTION, type JournalEvent } from '../../shared/contract/contract';
import { EMPTY_JOURNAL, isGapless, mergeDeltaEvents, mergeFetchedEvents, withoutPayloads } from './journal-merge';

const base = { connId: 'c1', at: 0, t: 0 };
const opened = (seq: number): JournalEvent => ({
  ...base,
  seq,
  kind: 'opened',
  role: 'client',
  mono: 0,
  local: { address: '127.0.0.1', port: 5000, family: 'IPv4' },
  remote: { address: '127.0.0.1', port: 9000, family: 'IPv4' },
});
const data = (seq: number, bytes: Uint8Array<ArrayBuffer> | null = Uint8Array.of(65)): JournalEvent => ({
  ...base,
  seq,
  kind: 'data',
  dir: 'in',
  length: 1,
  bytes,
});
const fin = (seq: number): JournalEvent => ({ ...base, seq, kind: 'peer_fin' });
const seqs = (events: JournalEvent[]): number[] => events.map((e) => e.seq);

describe('mergeDeltaEvents', () => {
  it('starts a complete journal from seq 0 and appends in order', () => {
    const j = mergeDeltaEvents(mergeDeltaEvents(undefined, [opened(0), data(1)]), [fin(2)]);
    expect(seqs(j.events)).toEqual([0, 1, 2]);
    expect(j.needsFetch).toBe(false);
  });

  it('marks a journal whose beginning was missed', () => {
    const j = mergeDeltaEvents(undefined, [data(3)]);
    expect(j.needsFetch).toBe(true);
  });

  it('marks a gap, and keeps the events it has', () => {
    const j = mergeDeltaEvents(mergeDeltaEvents(undefined, [opened(0)]), [fin(2)]);
    expect(seqs(j.events)).toEqual([0, 2]);
    expect(j.needsFetch).toBe(true);
  });

  it('ignores an event seen twice', () => {
    const once = mergeDeltaEvents(undefined, [opened(0), data(1)]);
    const twice = mergeDeltaEvents(once, [data(1)]);
    expect(seqs(twice.events)).toEqual([0, 1]);
    expect(twice.needsFetch).toBe(false);
  });
});

describe('mergeFetchedEvents', () => {
  it('fills the gap and keeps newer events that arrived by delta meanwhile', () => {
    // A delta with seq 3 overtook the fetch's answer, which was computed when seq 2 was the last.
    const gappy = mergeDeltaEvents(mergeDeltaEvents(undefined, [opened(0)]), [fin(3)]);
    const loaded = mergeFetchedEvents({ ...gappy, loading: true }, [opened(0), data(1), data(2)]);
    expect(seqs(loaded.events)).toEqual([0, 1, 2, 3]);
    expect(loaded).toMatchObject({ needsFetch: false, loading: false, error: null });
    expect(isGapless(loaded.events)).toBe(true);
  });

  it('prefers the copy that still has its payload', () => {
    const evicted = mergeDeltaEvents(undefined, [opened(0), data(1, null)]);
    const loaded = mergeFetchedEvents(evicted, [opened(0), data(1, Uint8Array.of(66))]);
    const chunk = loaded.events[1];
    expect(chunk?.kind === 'data' && chunk.bytes ? Array.from(chunk.bytes) : null).toEqual([66]);
  });
});

describe('withoutPayloads', () => {
  it('drops stored bytes but keeps each chunk and its length', () => {
    const j = withoutPayloads(mergeDeltaEvents(undefined, [opened(0), data(1)]));
    expect(j.events[1]).toMatchObject({ kind: 'data', bytes: null, length: 1 });
  });
  it('returns the same journal when there is nothing to drop (no needless re-render)', () => {
    const j = { ...EMPTY_JOURNAL, events: [opened(0)] };
    expect(withoutPayloads(j)).toBe(j);
  });
});

describe('a busy connection in the renderer', () => {
  it('keeps at most EVENTS_KEPT_PER_CONNECTION events, `opened` and the newest, as the engine does', () => {
    let j = mergeDeltaEvents(undefined, [opened(0)]);
    // A load tool on one kept-alive connection: four times the cap, in deltas of 50.
    const total = EVENTS_KEPT_PER_CONNECTION * 4;
    for (let seq = 1; seq < total; seq += 50) j = mergeDeltaEvents(j, Array.from({ length: 50 }, (_, i) => data(seq + i)));
    expect(j.events.length).toBeLessThanOrEqual(EVENTS_KEPT_PER_CONNECTION);
    expect(j.events.length).toBeGreaterThanOrEqual(Math.floor((EVENTS_KEPT_PER_CONNECTION * 3) / 4));
    expect(j.events[0]?.kind).toBe('opened');
    // Deltas of 50 from seq 1: the last one ends at seq `total`.
    expect(j.events.at(-1)?.seq).toBe(total);
    // What it lets go of is no gap to fetch: the engine has let go of it too.
    expect(j.needsFetch).toBe(false);
    const kept = seqs(j.events).slice(1);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => (kept[0] as number) + i));
  });

  it('a fetched journal longer than the cap is cut the same way', () => {
    const fetched = [opened(0), ...Array.from({ length: EVENTS_KEPT_PER_CONNECTION + 10 }, (_, i) => data(i + 1))];
    const j = mergeFetchedEvents(undefined, fetched);
    expect(j.events.length).toBeLessThanOrEqual(EVENTS_KEPT_PER_CONNECTION);
    expect(j.events[0]?.seq).toBe(0);
    expect(j.events.at(-1)?.seq).toBe(EVENTS_KEPT_PER_CONNECTION + 10);
  });
});
