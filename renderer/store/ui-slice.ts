// What the person is looking at, and whether the link to the engine is up (for the banner).
import type { StateCreator } from 'zustand';
import type { LinkState } from '../bridge/bridge-types';
import type { JournalViewKind, UiSlice, WirebenchState } from './state-types';

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
});

export const selectSelectedConnId = (s: WirebenchState): string | null => s.selectedConnId;
export const selectLink = (s: WirebenchState): LinkState => s.link;
export const selectJournalView = (s: WirebenchState): JournalViewKind => s.journalView;
export const selectJournalLarge = (s: WirebenchState): boolean => s.journalLarge;
/** The picked journal entry's seq, if it is one of this connection's. */
export const selectSelectedSeq =
  (connId: string | null) =>
  (s: WirebenchState): number | null =>
    s.selectedEvent !== null && s.selectedEvent.connId === connId ? s.selectedEvent.seq : null;
