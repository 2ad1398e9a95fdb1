// What the person is looking at, and whether the link to the engine is up (for the banner).
import type { StateCreator } from 'zustand';
import type { LinkState } from '../bridge/bridge-types';
import type { WirebenchState } from './store';

/** The journal panel's view of the selected connection: its events, or its bytes each way. */
export type JournalViewKind = 'events' | 'bytes';

export interface UiSlice {
  selectedConnId: string | null;
  link: LinkState;
  journalView: JournalViewKind;
  /** The Bytes view covers the whole workbench (its Smaller/Larger toggle). */
  journalLarge: boolean;
  select: (connId: string | null) => void;
  setLink: (link: LinkState) => void;
  setJournalView: (view: JournalViewKind) => void;
  setJournalLarge: (large: boolean) => void;
}

export const createUiSlice: StateCreator<WirebenchState, [], [], UiSlice> = (set) => ({
  selectedConnId: null,
  link: 'connecting',
  journalView: 'events',
  // The byte view wants room: by default it covers the whole workbench (Smaller gives it back).
  journalLarge: true,
  select: (selectedConnId) => set({ selectedConnId }),
  setLink: (link) => set({ link }),
  setJournalView: (journalView) => set({ journalView }),
  setJournalLarge: (journalLarge) => set({ journalLarge }),
});

export const selectSelectedConnId = (s: WirebenchState): string | null => s.selectedConnId;
export const selectLink = (s: WirebenchState): LinkState => s.link;
export const selectJournalView = (s: WirebenchState): JournalViewKind => s.journalView;
export const selectJournalLarge = (s: WirebenchState): boolean => s.journalLarge;
