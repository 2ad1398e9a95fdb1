// What the host allows a server to serve from (files.granted): the sample site, the folders and
// files chosen in the desktop app's dialog, the folders `wirebench web --allow` named. Asked again
// whenever `askAgain` changes (after a choice, the newly chosen path is among them); `live` drops
// an answer that arrives after the field is gone.
import { useEffect, useState } from 'react';
import type { CommandOutput } from '../../../shared/contract/contract';
import { useBridge } from '../../bridge/bridge-context';

export type GrantedPaths = CommandOutput<'files.granted'>;

export function useGrantedPaths(askAgain: unknown): GrantedPaths | null {
  const bridge = useBridge();
  const [granted, setGranted] = useState<GrantedPaths | null>(null);
  useEffect(() => {
    let live = true;
    void bridge.invoke('files.granted', {}).then((result) => {
      if (live && result.ok) setGranted(result.value);
    });
    return () => {
      live = false;
    };
  }, [bridge, askAgain]);
  return granted;
}
