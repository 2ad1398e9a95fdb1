// Hands the store to components, as bridge-context.tsx hands the bridge: main.tsx provides the
// app's one store, and a component test provides its own, so a panel can be drawn alone with the
// state the test sets up. No module holds a store of its own.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WirebenchState } from './state-types';
import type { WirebenchStore } from './store';

const StoreContext = createContext<WirebenchStore | null>(null);

export function StoreProvider({ store, children }: { store: WirebenchStore; children: ReactNode }) {
  return <StoreContext value={store}>{children}</StoreContext>;
}

/** The store itself, for what acts on it (the command modules take it as an argument). */
export function useWirebenchStore(): WirebenchStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWirebenchStore outside StoreProvider');
  return store;
}

/** What `selector` picks from the store; the component draws again when that changes. */
export function useWirebench<T>(selector: (s: WirebenchState) => T): T {
  return useStore(useWirebenchStore(), selector);
}
