// Which journal the workbench shows: the live engine's, or a recording opened from a file. A
// recording gets a store and an ingest of its own behind its own bridge (recording-bridge.ts), so
// the live store keeps following the engine meanwhile and "Back to live" finds it as it is now.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SessionFile } from '../../shared/session/session-file';
import { BridgeProvider } from '../bridge/bridge-context';
import type { LinkedBridge } from '../bridge/bridge-types';
import { startIngest } from '../bridge/ingest';
import { createWirebenchStore, type WirebenchStore } from '../store/store';
import { StoreProvider } from '../store/store-context';
import { ReadOnlyContext } from './read-only';
import { recordedClientTabs } from './recorded-client-tabs';
import { createRecordingBridge, type RecordingBridge } from './recording-bridge';

export interface OpenRecording {
  /** The file's name, as the bar shows it. */
  name: string;
  bridge: RecordingBridge;
  store: WirebenchStore;
  stopIngest: () => void;
}

interface RecordingControl {
  /** The recording shown, or null: live. */
  recording: OpenRecording | null;
  /** The live engine's bridge, whatever is shown (saving a session reads the live journal). */
  live: LinkedBridge;
  open: (name: string, session: SessionFile, from: 'start' | 'end') => OpenRecording;
  close: () => void;
}

const RecordingContext = createContext<RecordingControl | null>(null);

export function useRecording(): RecordingControl {
  const control = useContext(RecordingContext);
  if (!control) throw new Error('useRecording outside RecordingSwitch');
  return control;
}

export function RecordingSwitch({ store, bridge, children }: { store: WirebenchStore; bridge: LinkedBridge; children: ReactNode }) {
  const [recording, setRecording] = useState<OpenRecording | null>(null);
  const control = useMemo<RecordingControl>(() => {
    const close = (): void =>
      setRecording((current) => {
        current?.stopIngest();
        current?.bridge.dispose();
        return null;
      });
    return {
      recording,
      live: bridge,
      close,
      open: (name, session, from) => {
        const recordingStore = createWirebenchStore();
        carryView(recording?.store ?? store, recordingStore, recording?.bridge.replay.session === session);
        const clientTabs = recordedClientTabs(session);
        if (clientTabs) recordingStore.setState(clientTabs);
        const recordingBridge = createRecordingBridge(bridge, session, from);
        const opened = { name, bridge: recordingBridge, store: recordingStore, stopIngest: startIngest(recordingBridge, recordingStore) };
        setRecording((current) => {
          current?.stopIngest();
          current?.bridge.dispose();
          return opened;
        });
        return opened;
      },
    };
  }, [recording, bridge, store]);
  return (
    <RecordingContext value={control}>
      <ReadOnlyContext value={recording !== null}>
        <StoreProvider store={recording?.store ?? store}>
          <BridgeProvider bridge={recording?.bridge ?? bridge}>{children}</BridgeProvider>
        </StoreProvider>
      </ReadOnlyContext>
    </RecordingContext>
  );
}

/**
 * How the person is looking, kept across the switch: the panes' sizes, the side column's tab (a
 * lesson followed stays in sight), the server card, the journal's view; and, replaying the same
 * recording again, the connection picked. A recording's store is otherwise fresh.
 */
function carryView(from: WirebenchStore, to: WirebenchStore, sameRecording: boolean): void {
  const { paneSizes, sideTab, serverCardOpen, journalView, journalLarge, selectedConnId } = from.getState();
  to.setState({ paneSizes, sideTab, serverCardOpen, journalView, journalLarge, ...(sameRecording ? { selectedConnId } : {}) });
}
