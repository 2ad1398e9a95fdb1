// A connection's journal for a component, fetched from the engine when the renderer's copy is
// missing events (a connection from before this page loaded, or a gap after a reconnect). Outside
// features/: the journal panel, the client console's transcript and the teardown diagram all read it.
import { useEffect } from 'react';
import { useBridge } from '../bridge/bridge-context';
import type { ConnJournal } from '../store/journal-merge';
import { selectJournal } from '../store/connections-slice';
import { useWirebench, useWirebenchStore } from '../store/store-context';
import { loadJournal } from './journal-commands';

export function useJournal(connId: string | null): ConnJournal | undefined {
  const bridge = useBridge();
  const store = useWirebenchStore();
  const journal = useWirebench(selectJournal(connId));
  const wanted = connId !== null && journal !== undefined && journal.needsFetch && !journal.loading;
  useEffect(() => {
    if (wanted && connId !== null) void loadJournal(bridge, store, connId);
  }, [wanted, connId, bridge, store]);
  return journal;
}
