// The renderer's zustand store, made of one slice per feature. Components read it through the
// `selectX` functions beside each slice, with useWirebench (store-context.tsx), from the store
// main.tsx provides; only ingest and the command modules write.
import { createStore } from 'zustand';
import { createClientSlice, type ClientSlice } from './client-slice';
import { createConnectionsSlice, type ConnectionsSlice } from './connections-slice';
import { createEditorSlice, type EditorSlice } from './editor-slice';
import { createPanelsSlice, type PanelsSlice } from './panels-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createServersSlice, type ServersSlice } from './servers-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type WirebenchState = ServersSlice & ConnectionsSlice & ClientSlice & UiSlice & SelectionSlice & EditorSlice & SettingsSlice & PanelsSlice;

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
