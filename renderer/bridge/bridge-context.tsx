// Hands the bridge to components. Created once in main.tsx; components never pick a transport.
import { createContext, useContext, type ReactNode } from 'react';
import type { LinkedBridge } from './bridge-types';

const BridgeContext = createContext<LinkedBridge | null>(null);

export function BridgeProvider({ bridge, children }: { bridge: LinkedBridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): LinkedBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside BridgeProvider');
  return bridge;
}
