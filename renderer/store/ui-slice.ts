// What the person is looking at, and whether the link to the engine is up (for the banner).
import type { StateCreator } from 'zustand';
import type { EventRef } from '../../shared/teardown/ladder-types';
import type { LinkState } from '../bridge/bridge-types';
import type { WirebenchState } from './store';

/** The journal panel's view of the selected connection: its events, its bytes each way, or its teardown diagram. */
export type JournalViewKind = 'events' | 'bytes' | 'diagram';

export interface UiSlice {
  selectedConnId: string | null;
  link: LinkState;
  journalView: JournalViewKind;
  /** The Bytes view covers the whole workbench (its Smaller/Larger toggle). */
  journalLarge: boolean;
  /** One journal entry picked elsewhere (an arrow of the teardown diagram): the Events view marks it. */
  selectedEvent: EventRef | null;
  /** The teardown diagram's picked step on a connection (kept while another view is shown); null: the latest. */
  diagramStep: { connId: string; step: number } | null;
  select: (connId: string | null) => void;
  setLink: (link: LinkState) => void;
  setJournalView: (view: JournalViewKind) => void;
  setJournalLarge: (large: boolean) => void;
  selectEvent: (ref: EventRef | null) => void;
  pickDiagramStep: (pick: { connId: string; step: number } | null) => void;
}

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
