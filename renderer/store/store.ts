// The renderer's zustand store, made of one slice per feature. Components read it through the
// `selectX` functions beside each slice, with useWirebench (store-context.tsx), from the store
// main.tsx provides; only ingest and the command modules write. The combined state type lives in
// state-types.ts, which the slices import instead of this module: here is the one place that
// imports the slices, so neither side imports the other.
import { createStore } from 'zustand';
import { createClientSlice } from './client-slice';
import { createConnectionsSlice } from './connections-slice';
import { createEditorSlice } from './editor-slice';
import { createPanelsSlice } from './panels-slice';
import { createSelectionSlice } from './selection-slice';
import { createServersSlice } from './servers-slice';
import { createSettingsSlice } from './settings-slice';
import type { WirebenchState } from './state-types';
import { createUiSlice } from './ui-slice';

/** A fresh store: the app makes one, tests make one each. */
export function createWirebenchStore() {
  return createStore<WirebenchState>()((...a) => ({
    ...createServersSlice(...a),
    ...createConnectionsSlice(...a),
    ...createClientSlice(...a),
    ...createUiSlice(...a),
    ...createSelectionSlice(...a),
    ...createSettingsSlice(...a),
    ...createEditorSlice(...a),
    ...createPanelsSlice(...a),
  }));
}

export type WirebenchStore = ReturnType<typeof createWirebenchStore>;
