// Which panels are showing their error fallback now (renderer/ui/panel-boundary.tsx). Kept in the
// `layout` settings section (renderer/settings), so that a panel still broken when the app closed
// has its saved choices reset at the next start: a saved choice may be what breaks it.
import type { StateCreator } from 'zustand';
import type { PanelId } from '../ui/panel-ids';
import type { PanelsSlice, WirebenchState } from './state-types';

export const createPanelsSlice: StateCreator<WirebenchState, [], [], PanelsSlice> = (set) => ({
  failedPanels: [],
  panelFailed: (panel) => set((s) => (s.failedPanels.includes(panel) ? {} : { failedPanels: [...s.failedPanels, panel] })),
  panelRecovered: (panel) => set((s) => (s.failedPanels.includes(panel) ? { failedPanels: s.failedPanels.filter((p) => p !== panel) } : {})),
});

export const selectFailedPanels = (s: WirebenchState): readonly PanelId[] => s.failedPanels;
