// Runs a teardown scenario (our server and client over loopback) and shows its client connection:
// selected, in the Diagram view. The rest of the scenario arrives as journal deltas.
import type { Bridge } from '../../../shared/contract/bridge';
import type { ErrorInfo } from '../../../shared/contract/contract';
import type { TeardownScenario } from '../../../shared/teardown/tcp-states';
import type { WirebenchStore } from '../../store/store';

export async function runScenario(bridge: Bridge, store: WirebenchStore, scenario: TeardownScenario): Promise<ErrorInfo | null> {
  const result = await bridge.invoke('scenario.run', { scenario });
  if (!result.ok) return result.error;
  const s = store.getState();
  s.select(result.value.clientConnId);
  s.setJournalView('diagram');
  // What was picked on an earlier connection means nothing on this one.
  s.selectEvent(null);
  return null;
}
