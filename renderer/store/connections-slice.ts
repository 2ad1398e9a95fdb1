// Every connection the engine reported (its summary, by id, in order of appearance), each one's
// journal, and the totals. Fed by ingest (snapshots and deltas) and by journal fetches.
import type { StateCreator } from 'zustand';
import type { ConnSummary, JournalEvent, JournalTotals } from '../../shared/contract/contract';
import {
  EMPTY_JOURNAL,
  mergeDeltaEvents,
  mergeFetchedEvents,
  withoutPayloads,
  type ConnJournal,
} from './journal-merge';
import type { ConnectionsSlice, WirebenchState } from './state-types';

export const ZERO_TOTALS: JournalTotals = {
  connections: 0,
  bytesIn: 0,
  bytesOut: 0,
  storedPayloadBytes: 0,
  droppedConnections: 0,
};

export const createConnectionsSlice: StateCreator<WirebenchState, [], [], ConnectionsSlice> = (set) => ({
  conns: {},
  connOrder: [],
  journals: {},
  totals: ZERO_TOTALS,
  forgottenConns: {},

  applySnapshot: (list, totals) =>
    set((s) => {
      const conns: Record<string, ConnSummary> = {};
      const journals: Record<string, ConnJournal> = {};
      for (const c of list) {
        conns[c.connId] = c;
        // Events may have happened while we were not listening: re-fetch whatever is looked at.
        const known = s.journals[c.connId];
        journals[c.connId] = known ? { ...known, needsFetch: true, error: null } : EMPTY_JOURNAL;
      }
      const connOrder = byOpenedAt(
        list.map((c) => c.connId).filter((id) => !s.forgottenConns[id]),
        conns,
      );
      return { conns, connOrder, journals, totals };
    }),

  applyDelta: (delta) =>
    set((s) => {
      const journals = copyRecord(s.journals);
      for (const [connId, events] of groupByConn(delta.events)) {
        journals[connId] = mergeDeltaEvents(journals[connId], events);
      }
      const conns = copyRecord(s.conns);
      const added: string[] = [];
      for (const c of delta.conns) {
        if (!conns[c.connId] && !s.forgottenConns[c.connId]) added.push(c.connId);
        conns[c.connId] = c;
        const j = journals[c.connId];
        // Known by its summary only (its first events were missed): fetch it when looked at.
        if (!j) journals[c.connId] = EMPTY_JOURNAL;
        // The engine dropped this connection's payloads to stay in budget; so does the renderer.
        else if (c.payloadEvicted) journals[c.connId] = withoutPayloads(j);
      }
      // In order of opening, as the snapshot has them, whichever delta happened to bring them.
      let connOrder = added.length > 0 ? byOpenedAt([...s.connOrder, ...added], conns) : s.connOrder;
      // The engine let go of these whole (its cap on closed connections): so does the renderer.
      if (delta.dropped.length > 0) {
        const gone = new Set(delta.dropped);
        for (const connId of gone) {
          delete conns[connId];
          delete journals[connId];
        }
        connOrder = connOrder.filter((id) => !gone.has(id));
      }
      return { conns, connOrder, journals, totals: delta.totals };
    }),

  addConn: (summary) =>
    set((s) => {
      if (s.conns[summary.connId]) return {};
      const conns = { ...s.conns, [summary.connId]: summary };
      return {
        conns,
        connOrder: byOpenedAt([...s.connOrder, summary.connId], conns),
        // Its `opened` event (seq 0) is on its way in a delta: nothing is missing yet.
        journals: s.journals[summary.connId]
          ? s.journals
          : { ...s.journals, [summary.connId]: { ...EMPTY_JOURNAL, needsFetch: false } },
      };
    }),

  forgetClosedConns: () =>
    set((s) => {
      const forgottenConns = { ...s.forgottenConns };
      for (const id of s.connOrder) if (s.conns[id]?.closed) forgottenConns[id] = true;
      const connOrder = s.connOrder.filter((id) => !forgottenConns[id]);
      const selectedConnId = s.selectedConnId !== null && forgottenConns[s.selectedConnId] ? null : s.selectedConnId;
      return { forgottenConns, connOrder, selectedConnId };
    }),

  // Each in one store update for all the connections of one journal.watch: under load the set of
  // watched connections (the server's open ones, for the waiting hints) changes every frame.
  journalLoading: (connIds) =>
    set((s) => {
      const wanted = connIds.filter((id) => !s.journals[id]?.loading);
      if (wanted.length === 0) return {};
      const journals = copyRecord(s.journals);
      for (const id of wanted) journals[id] = { ...(journals[id] ?? EMPTY_JOURNAL), loading: true };
      return { journals };
    }),

  journalLoaded: (loaded) =>
    set((s) => {
      if (loaded.length === 0) return {};
      const journals = copyRecord(s.journals);
      for (const { connId, events } of loaded) {
        let journal = mergeFetchedEvents(journals[connId], events);
        if (s.conns[connId]?.payloadEvicted) journal = withoutPayloads(journal);
        journals[connId] = journal;
      }
      return { journals };
    }),

  journalFailed: (failed) =>
    set((s) => {
      if (failed.length === 0) return {};
      const journals = copyRecord(s.journals);
      for (const { connId, error } of failed) {
        journals[connId] = { ...(journals[connId] ?? EMPTY_JOURNAL), loading: false, needsFetch: false, error };
      }
      return { journals };
    }),
});

/**
 * A shallow copy of a record keyed by connection id. Not `{ ...record }`: with a thousand ids, and
 * ids deleted as the engine drops closed connections, V8 keeps the record as a dictionary, and
 * spreading one took some 4 ms per delta where copying key by key takes 0.3 (issue 19: under
 * close-per-request load this was the renderer's largest cost).
 */
function copyRecord<T>(record: Record<string, T>): Record<string, T> {
  const copy: Record<string, T> = {};
  for (const key of Object.keys(record)) copy[key] = record[key] as T;
  return copy;
}

/** Stable: connections opened in the same millisecond keep the order they were reported in. */
function byOpenedAt(ids: string[], conns: Record<string, ConnSummary>): string[] {
  return ids.sort((a, b) => (conns[a]?.openedAt ?? 0) - (conns[b]?.openedAt ?? 0));
}

function groupByConn(events: readonly JournalEvent[]): Map<string, JournalEvent[]> {
  const groups = new Map<string, JournalEvent[]>();
  for (const e of events) {
    const list = groups.get(e.connId);
    if (list) list.push(e);
    else groups.set(e.connId, [e]);
  }
  return groups;
}

export const selectConnOrder = (s: WirebenchState): string[] => s.connOrder;
export const selectConns = (s: WirebenchState): Record<string, ConnSummary> => s.conns;
export const selectTotals = (s: WirebenchState): JournalTotals => s.totals;
/** Every connection, the newest first: where a connection's other end is looked for (the newest match wins). */
export const selectConnsNewestFirst = (s: WirebenchState): ConnSummary[] => {
  const out: ConnSummary[] = [];
  for (let i = s.connOrder.length - 1; i >= 0; i--) {
    const c = s.conns[s.connOrder[i] as string];
    if (c) out.push(c);
  }
  return out;
};
export const selectConn =
  (connId: string | null) =>
  (s: WirebenchState): ConnSummary | undefined =>
    connId === null ? undefined : s.conns[connId];
export const selectJournal =
  (connId: string | null) =>
  (s: WirebenchState): ConnJournal | undefined =>
    connId === null ? undefined : s.journals[connId];
