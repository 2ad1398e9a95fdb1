// What the person is looking at, and whether the link to the engine is up (for the banner).
import type { StateCreator } from 'zustand';
import type { LinkState } from '../bridge/bridge-types';
import type { WirebenchState } from './store';

export interface UiSlice {
  selectedConnId: string | null;
  link: LinkState;
  select: (connId: string | null) => void;
  setLink: (link: LinkState) => void;
}

export const createUiSlice: StateCreator<WirebenchState, [], [], UiSlice> = (set) => ({
  selectedConnId: null,
  link: 'connecting',
  select: (selectedConnId) => set({ selectedConnId }),
  setLink: (link) => set({ link }),
});

export const selectSelectedConnId = (s: WirebenchState): string | null => s.selectedConnId;
export const selectLink = (s: WirebenchState): LinkState => s.link;
