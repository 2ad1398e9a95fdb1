// What the person is looking at, and whether the link to the engine is up (for the banner).
import type { StateCreator } from 'zustand';
import type { LinkState } from '../bridge/bridge-types';
import type { JournalViewKind, SideTab, UiSlice, WirebenchState } from './state-types';

export const createUiSlice: StateCreator<WirebenchState, [], [], UiSlice> = (set) => ({
  selectedConnId: null,
  link: 'connecting',
  journalView: 'events',
  // The byte view wants room: by default it covers the whole workbench (Smaller gives it back).
  journalLarge: true,
  selectedEvent: null,
  diagramStep: null,
  select: (selectedConnId) => set({ selectedConnId }),
  setLink: (link) => set({ link }),
  setJournalView: (journalView) => set({ journalView }),
  setJournalLarge: (journalLarge) => set({ journalLarge }),
  selectEvent: (selectedEvent) => set({ selectedEvent }),
  pickDiagramStep: (diagramStep) => set({ diagramStep }),
  paneSizes: {},
  sideTab: 'server',
  serverCardOpen: false,
  setPaneSizes: (group, sizes) =>
    set((s) => {
      const paneSizes = { ...s.paneSizes };
      // Rounded: a tenth of a percent is finer than a pixel, and the settings file stays readable.
      for (const [panel, size] of Object.entries(sizes)) paneSizes[paneKey(group, panel)] = Math.round(size * 10) / 10;
      return { paneSizes };
    }),
  setSideTab: (sideTab) => set({ sideTab }),
  setServerCardOpen: (serverCardOpen) => set({ serverCardOpen }),
});

/** A pane's key in paneSizes (and in the layout settings): its group's id and its own. */
export function paneKey(group: string, panel: string): string {
  return `${group}:${panel}`;
}

export const selectPaneSizes = (s: WirebenchState): Readonly<Record<string, number>> => s.paneSizes;
export const selectSideTab = (s: WirebenchState): SideTab => s.sideTab;
export const selectServerCardOpen = (s: WirebenchState): boolean => s.serverCardOpen;

export const selectSelectedConnId = (s: WirebenchState): string | null => s.selectedConnId;
export const selectLink = (s: WirebenchState): LinkState => s.link;
export const selectJournalView = (s: WirebenchState): JournalViewKind => s.journalView;
export const selectJournalLarge = (s: WirebenchState): boolean => s.journalLarge;
/** The picked journal entry's seq, if it is one of this connection's. */
export const selectSelectedSeq =
  (connId: string | null) =>
  (s: WirebenchState): number | null =>
    s.selectedEvent !== null && s.selectedEvent.connId === connId ? s.selectedEvent.seq : null;
