// A text row's bytes as cells a view can select one by one: each character of a printable run
// (one to four bytes of UTF-8), each control byte, each byte that is not UTF-8. shared/bytes/bytes.ts
// visibleTokens decides what is what (so CR, LF, TAB and the other controls are the same badges as
// everywhere); this only cuts its text runs into characters and keeps every cell's offset.
import { visibleTokens, type TokenKind } from '../../../shared/bytes/bytes';

export interface TextCell {
  /** Offset in the stream (the row's `base` plus the byte's place in the row). */
  offset: number;
  length: number;
  text: string;
  kind: TokenKind;
  /** For C0 controls and DEL: its ASCII name, drawn as a badge. */
  name?: string;
}

/** The length of the UTF-8 sequence a lead byte starts (visibleTokens has validated it). */
function sequenceLength(lead: number): number {
  return lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}

export function textCells(bytes: Uint8Array, base: number): TextCell[] {
  const cells: TextCell[] = [];
  for (const token of visibleTokens(bytes)) {
    if (token.kind !== 'text') {
      cells.push({ offset: base + token.offset, length: token.length, text: token.text, kind: token.kind, name: token.name });
      continue;
    }
    let at = token.offset;
    for (const ch of token.text) {
      const n = sequenceLength(bytes[at] ?? 0);
      cells.push({ offset: base + at, length: n, text: ch, kind: 'text' });
      at += n;
    }
  }
  return cells;
}
