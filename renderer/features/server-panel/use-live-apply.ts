// While a running server is being edited, its settings follow the form: a moment after each change
// (so typing a number or a response sends one update, not one per key), the form's settings go to
// the engine with server.update, unless they are what the server has already.
import { useEffect, useMemo } from 'react';
import type { LinkedBridge } from '../../bridge/bridge-types';
import { useReadOnly } from '../../recording/read-only';
import { canonical, checkSettings } from '../../store/server-draft';
import { selectSelectedServerId, selectServerDraft } from '../../store/servers-slice';
import { useWirebench, useWirebenchStore } from '../../store/store-context';
import { applySettings } from './server-commands';

export const LIVE_APPLY_DELAY_MS = 250;

export function useLiveApply(bridge: LinkedBridge): void {
  const store = useWirebenchStore();
  // A recording's servers are not running: nothing to apply to (the form is disabled too).
  const serverId = useWirebench(selectSelectedServerId);
  const readOnly = useReadOnly();
  const draft = useWirebench(selectServerDraft);
  // Changes only when the settings do: typing a new host or port (Restart's business) does not count.
  const key = useMemo(() => {
    const checked = checkSettings(draft);
    return checked.ok ? canonical(checked.value) : `invalid:${checked.problem.field}`;
  }, [draft]);
  useEffect(() => {
    if (serverId === null || readOnly) return;
    const timer = setTimeout(() => void applySettings(bridge, store), LIVE_APPLY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, serverId, readOnly, bridge, store]);
}
