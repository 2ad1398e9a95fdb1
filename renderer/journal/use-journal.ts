// A connection's journal for a component. Reading it watches it (watch-registry.ts): the host sends
// this page the events of the connections its views show, and the events so far when one is first
// shown, or when the page's copy is missing some (a gap after a reconnect). Outside features/: the
// journal panel, the client console's transcript, the teardown diagram and the lessons read it.
import { useEffect, useMemo } from 'react';
import { useBridge } from '../bridge/bridge-context';
import type { ConnJournal } from '../store/journal-merge';
import { selectJournal } from '../store/connections-slice';
import { useWirebench, useWirebenchStore } from '../store/store-context';
import { watchRegistry } from './watch-registry';

export function useJournal(connId: string | null): ConnJournal | undefined {
  const journal = useWirebench(selectJournal(connId));
  useWatched(connId === null ? NONE : [connId], journal !== undefined && journal.needsFetch && !journal.loading);
  return journal;
}

/**
 * Watches these connections while the component shows them (`ids` compared by content). `stale`:
 * a journal among them is missing events, so the set is sent again for what is missing.
 */
export function useWatched(ids: readonly string[], stale = false): void {
  const bridge = useBridge();
  const store = useWirebenchStore();
  const key = ids.join(' ');
  const stable = useMemo(() => (key === '' ? NONE : key.split(' ')), [key]);
  useEffect(() => watchRegistry(bridge, store).watch(stable), [bridge, store, stable]);
  useEffect(() => {
    if (stale) watchRegistry(bridge, store).refresh();
  }, [stale, bridge, store]);
}

const NONE: readonly string[] = [];
