// Moving the selection's caret with the keyboard, in whichever view has focus: Left/Right a byte,
// Up/Down a row (keeping the column, as an editor does), Home/End the row's ends, PageUp/PageDown
// a screenful. The caret stays in its direction's stream (rows of the other direction are skipped),
// within the bytes known. Pure: the view's layout says where rows are.
import type { Dir } from '../../../shared/contract/contract';
import type { Exchange } from './exchange-model';
import type { ByteLayout, ByteRow } from './hex-layout';

export type CaretKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';
const KEYS = new Set<string>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

export function isCaretKey(key: string): key is CaretKey {
  return KEYS.has(key);
}

type BytesRow = Extract<ByteRow, { kind: 'bytes' }>;

/** The next row of `dir` from row `index` going `step` (+1/-1), or undefined at the end. */
function nextRow(layout: ByteLayout, dir: Dir, index: number, step: 1 | -1): BytesRow | undefined {
  for (let i = index + step; i >= 0 && i < layout.count; i += step) {
    const row = layout.rowAt(i);
    if (row.kind === 'bytes' && row.dir === dir) return row;
  }
  return undefined;
}

/** Where the caret goes from `focus` (a byte of `dir`); `pageRows`: rows in a screenful. */
export function movedCaret(layout: ByteLayout, exchange: Exchange, dir: Dir, focus: number, key: CaretKey, pageRows = 20): number {
  const stream = exchange[dir];
  const clamp = (o: number): number => Math.max(stream.base, Math.min(stream.end - 1, o));
  const index = layout.rowOfByte(dir, focus);
  const here = layout.rowAt(index);
  if (here.kind !== 'bytes') return clamp(focus);
  const column = focus - here.rowOffset;
  const vertical = (step: 1 | -1, times: number): number => {
    let row: BytesRow = here;
    for (let n = 0; n < times; n++) {
      const next = nextRow(layout, dir, row.index, step);
      if (!next) break;
      row = next;
    }
    return Math.max(row.start, Math.min(row.end - 1, row.rowOffset + column));
  };
  switch (key) {
    case 'ArrowLeft':
      return clamp(focus - 1);
    case 'ArrowRight':
      return clamp(focus + 1);
    case 'ArrowUp':
      return vertical(-1, 1);
    case 'ArrowDown':
      return vertical(1, 1);
    case 'PageUp':
      return vertical(-1, pageRows);
    case 'PageDown':
      return vertical(1, pageRows);
    case 'Home':
      return here.start;
    case 'End':
      return here.end - 1;
  }
}
