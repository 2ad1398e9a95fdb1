// When a drawn row can be left as it is. A pane re-renders on every scroll event (the virtualizer
// moves), every page that arrives and every selection change, and its rows are rebuilt each time
// (layout.rowAt makes new objects, byteSource.read new views or copies): so rows are compared by
// what they show, not by identity. A row of 16 to a few hundred bytes compares in far less time
// than it renders. Pure.
import type { ByteSelection } from '../../store/state-types';
import type { ReadResult } from './byte-source';
import type { ByteRow } from './hex-layout';

type BytesRow = Extract<ByteRow, { kind: 'bytes' }>;

/** Same bytes, or the same reason for having none. */
export function sameBytes(a: ReadResult, b: ReadResult): boolean {
  if (a === b) return true;
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length) return false;
  if (a.buffer === b.buffer && a.byteOffset === b.byteOffset) return true;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The same place in the same stream, with the same chunks starting in it. */
export function sameRow(a: BytesRow, b: BytesRow): boolean {
  if (a.index !== b.index || a.dir !== b.dir || a.rowOffset !== b.rowOffset || a.start !== b.start || a.end !== b.end) return false;
  if (a.pending !== b.pending || a.chunkStarts.length !== b.chunkStarts.length) return false;
  return a.chunkStarts.every((c, i) => {
    const d = b.chunkStarts[i];
    return d !== undefined && c.index === d.index && c.offset === d.offset && c.ordinal === d.ordinal && c.t === d.t;
  });
}

/**
 * What of the selection a row draws: the selected part of its bytes, and the caret if it is there.
 * A selection elsewhere draws as none, so a drag redraws only the rows it crosses.
 */
export function selectionInRow(selection: ByteSelection | null, row: BytesRow): string {
  if (!selection || selection.dir !== row.dir) return '';
  const from = Math.max(selection.offset, row.start);
  const to = Math.min(selection.offset + selection.length, row.end);
  if (to <= from) return ''; // the caret is always inside the selection
  const caret = selection.focus >= row.start && selection.focus < row.end ? selection.focus : -1;
  return `${from}-${to}@${caret}`;
}
