// The first line each way of a connection, as its summary carries it (ConnSummary.firstLines):
// what a connection's card shows (the request line, the status line that answered it) without the
// renderer holding that connection's events. Read from the bytes as they come: one to one as
// Latin-1, controls (CR, tabs, ...) left out, up to the first LF or FIRST_LINE_MAX characters.

/** Enough for a request line with a long path; a card shortens what it shows anyway. */
export const FIRST_LINE_MAX = 200;

const LF = 0x0a;

/** The first line so far and whether it is complete; `text` null: no byte came that way yet. */
export interface FirstLineState {
  text: string | null;
  done: boolean;
}

/** The line after one more chunk of that direction; the same object once it is complete. */
export function growFirstLine(line: FirstLineState, bytes: Uint8Array): FirstLineState {
  if (line.done) return line;
  let text = line.text ?? '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === LF || text.length >= FIRST_LINE_MAX) return { text, done: true };
    // Printable ASCII and Latin-1 as is; CR, tabs and other controls are not part of the words.
    if (b >= 0x20 && b !== 0x7f) text += String.fromCharCode(b);
  }
  return { text, done: false };
}
