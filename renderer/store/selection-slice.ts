// The bytes the person has selected in the byte views: one range of one direction of one
// connection, shared by every view of it (select in the hex view, see it in the text view too, and
// the structure tree and problems list select by setting it). Byte fields are `dir`, `offset` and
// `length` as everywhere; `anchor` and `focus` are where a drag or shift-click began and where it
// is now (the caret), so a selection can grow either way.
import type { StateCreator } from 'zustand';
import type { Dir } from '../../shared/contract/contract';
import type { ByteSelection, SelectionSlice, WirebenchState } from './state-types';

export const createSelectionSlice: StateCreator<WirebenchState, [], [], SelectionSlice> = (set) => ({
  byteSelection: null,
  selectBytes: (byteSelection) => set({ byteSelection }),
});

/** The selection, if it is of this connection (selecting another connection leaves it behind). */
export const selectByteSelection =
  (connId: string | null) =>
  (s: WirebenchState): ByteSelection | null =>
    s.byteSelection !== null && s.byteSelection.connId === connId ? s.byteSelection : null;

/** The selection from `anchor` to `focus`, both bytes included (either may come first). */
export function selectionBetween(connId: string, dir: Dir, anchor: number, focus: number): ByteSelection {
  const offset = Math.min(anchor, focus);
  return { connId, dir, offset, length: Math.abs(focus - anchor) + 1, anchor, focus };
}

/** A range selected whole (from the structure tree or a problem), the caret at its start. */
export function selectionOf(connId: string, dir: Dir, offset: number, length: number): ByteSelection {
  const n = Math.max(1, length);
  return { connId, dir, offset, length: n, anchor: offset + n - 1, focus: offset };
}
