// Browsers cap how tall an element may be (Chromium near 33.5 million pixels, Firefox near 17.9
// million), and 100 MB of hex is 6.5 million rows of 20 pixels: 131 million. So past a bound the
// scrolled element is made shorter than the rows and its scroll position is scaled: the scrollbar
// still spans the whole exchange, and wheel, keys and jumps move in rows' pixels (a wheel step
// moves as far as it would in a short exchange, not `ratio` times as far). Positions in the rows
// are "virtual", the element's scrollTop is "real"; virtual = real x ratio. Pure.

export const MAX_SCROLL_PX = 8_000_000;

/**
 * Past this many rows, the virtualizer is given groups of rows rather than rows: it keeps a
 * measurement object per item it is given (6.5 million for 100 MB of hex took a third of a second
 * and hundreds of MB), so it gets at most 65,536 groups, and the rows of the groups it hands back
 * are drawn where they meet the screen.
 */
export const MAX_ITEMS = 65_536;

/** Rows per item given to the virtualizer: 1 while they are few, else a power of two. */
export function rowsPerItem(count: number): number {
  let group = 1;
  while (count / group > MAX_ITEMS) group *= 2;
  return group;
}

/** How tall the scrolled element is made for rows `total` pixels tall. */
export function realHeight(total: number): number {
  return Math.min(total, MAX_SCROLL_PX);
}

/** Virtual pixels per real pixel (1 while the rows fit). */
export function scrollRatio(total: number, viewport: number): number {
  if (total <= MAX_SCROLL_PX) return 1;
  const span = MAX_SCROLL_PX - viewport;
  return span > 0 ? (total - viewport) / span : 1;
}

export interface ScrollPoint {
  real: number;
  virtual: number;
}

/**
 * Where the rows are when the element reports `real`. A read-back of our own write (the browser
 * rounds scrollTop to a pixel) keeps the exact virtual position that was asked for.
 */
export function readScroll(last: ScrollPoint, real: number, ratio: number): ScrollPoint {
  if (ratio > 1 && Math.abs(real - last.real) < 1) return { real, virtual: last.virtual };
  return { real, virtual: real * ratio };
}

/** Where to scroll the element to show the rows from `virtual` (clamped to what can be shown). */
export function writeScroll(virtual: number, total: number, viewport: number): ScrollPoint {
  const v = Math.max(0, Math.min(virtual, total - viewport));
  return { real: v / scrollRatio(total, viewport), virtual: v };
}

/** The wheel's delta in pixels, whatever unit the event gave it in (lines, pages). */
export function wheelPixels(delta: number, mode: number, rowHeight: number, viewport: number): number {
  return mode === 1 ? delta * rowHeight : mode === 2 ? delta * viewport : delta;
}
