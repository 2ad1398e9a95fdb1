// Fetches one connection's whole journal (payloads included where the engine still has them).
import type { Bridge } from '../../shared/contract/bridge';
import type { WirebenchStore } from '../store/store';

export async function loadJournal(bridge: Bridge, store: WirebenchStore, connId: string): Promise<void> {
  store.getState().journalLoading(connId);
  const result = await bridge.invoke('journal.events', { connId });
  if (result.ok) store.getState().journalLoaded(connId, result.value.events);
  else store.getState().journalFailed(connId, result.error);
}
