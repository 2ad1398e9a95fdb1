// One scrolling, virtualized view of the exchange's rows (text or hex: the layout says which): only
// the rows on screen are asked for and drawn. It owns what both views share: selecting with the
// mouse (drag, shift-click) and the keyboard (caret.ts), scrolling to a selection made elsewhere,
// keeping the same bytes in view when the rows above change (the text view counts its lines as it
// goes), titles on hover, and asking for the pages the rows on screen need. Rows too many for a
// browser's tallest element scroll scaled (scroll-scale.ts): TanStack Virtual is told the rows'
// own ("virtual") offsets, and every scroll this pane makes goes through scrollTo below.
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dir } from '../../../shared/contract/contract';
import { useWirebench } from '../../store/store-context';
import type { ByteSelection } from '../../store/state-types';
import { isCaretKey, movedCaret } from './caret';
import { byteTitle } from './describe-byte';
import type { DirAnnotations } from './exchange-annotator';
import type { Exchange } from './exchange-model';
import type { ByteLayout, ByteRow } from './hex-layout';
import { readScroll, realHeight, rowsPerItem, scrollRatio, wheelPixels, writeScroll, type ScrollPoint } from './scroll-scale';

export const ROW_HEIGHT = 20;
/** Overscan: rows drawn beyond the screen's edges, so that a scroll shows drawn rows at once. */
const OVERSCAN_ROWS = 12;
/**
 * Scaled, the browser's own scrolling (which the overscan is drawn for, before our rows follow)
 * moves the rows `ratio` times too far: every scroll redraws the rows anyway, so a few beyond the
 * edges are enough, and each one fewer is one fewer to lay out and paint per frame.
 */
const SCALED_OVERSCAN_ROWS = 2;

export interface BytePaneProps {
  connId: string;
  exchange: Exchange;
  annotations: DirAnnotations;
  layout: ByteLayout;
  selection: ByteSelection | null;
  label: string;
  className: string;
  testId: string;
  describedBy?: string;
  renderRow: (row: ByteRow) => ReactNode;
  /** The bytes of a direction the rows on screen show: fetch what is missing. */
  want: (dir: Dir, start: number, end: number) => void;
  /** The pane's width in pixels and the width of one character of its font. */
  onResize?: (width: number, charWidth: number) => void;
  /** The first byte on screen, whenever scrolling moves it. */
  onTopByte?: (dir: Dir, offset: number) => void;
  /** CSS custom properties for the rows (column widths). */
  style?: CSSProperties & Record<`--${string}`, string>;
}

interface Cell {
  dir: Dir;
  offset: number;
  length: number;
}

/**
 * The byte under the pointer. A cell is one byte, or a character of several (data-n); a run
 * (data-run, the hex view's ASCII column) is that many one-byte characters, found by where the
 * pointer is along it (the font is monospaced).
 */
function cellOf(e: { target: EventTarget | null; clientX: number }): Cell | null {
  if (!(e.target instanceof Element)) return null;
  const el = e.target.closest<HTMLElement>('[data-o]');
  const row = el?.closest<HTMLElement>('[data-dir]');
  if (!el || !row) return null;
  const dir = row.dataset.dir as Dir;
  const run = Number(el.dataset.run ?? 0);
  if (run === 0) return { dir, offset: Number(el.dataset.o), length: Number(el.dataset.n ?? 1) };
  const box = el.getBoundingClientRect();
  const i = box.width > 0 ? Math.floor(((e.clientX - box.left) / box.width) * run) : 0;
  return { dir, offset: Number(el.dataset.o) + Math.min(run - 1, Math.max(0, i)), length: 1 };
}

/** From the anchor cell to the focus cell, both whole, either way round. */
function spanning(connId: string, anchor: Cell, focus: Cell): ByteSelection {
  const offset = Math.min(anchor.offset, focus.offset);
  const end = Math.max(anchor.offset + anchor.length, focus.offset + focus.length);
  return { connId, dir: anchor.dir, offset, length: end - offset, anchor: anchor.offset, focus: focus.offset };
}

const same = (a: ByteSelection | null, b: ByteSelection): boolean =>
  a !== null && a.dir === b.dir && a.offset === b.offset && a.length === b.length && a.focus === b.focus && a.anchor === b.anchor;

/**
 * A row's key: its place among the rows drawn, not its index. The rows drawn are consecutive, so
 * a row scrolled in takes the key, and the elements, of the one scrolled out: React updates their
 * text and attributes rather than making new ones, and the browser has no new elements to style.
 * A jump (a scrollbar drag, a selection elsewhere) redraws every row the same way.
 */
const slotOf = (index: number, drawn: number): number => index % drawn;

export function BytePane(props: BytePaneProps) {
  const { connId, exchange, annotations, layout, selection, renderRow, want, onResize, onTopByte } = props;
  const { t } = useTranslation();
  const selectBytes = useWirebench((s) => s.selectBytes);
  const scrollRef = useRef<HTMLDivElement>(null);
  const probeRef = useRef<HTMLSpanElement>(null);
  const total = layout.count * ROW_HEIGHT;

  // Scroll positions: the element's (real) and the rows' (virtual), last seen or set.
  const point = useRef<ScrollPoint>({ real: 0, virtual: 0 });
  const layoutRef = useRef(layout);
  const anchor = useRef<{ dir: Dir; offset: number; delta: number } | null>(null);
  const scrollTo = (virtual: number): void => {
    const el = scrollRef.current;
    if (!el) return;
    point.current = writeScroll(virtual, layoutRef.current.count * ROW_HEIGHT, el.clientHeight);
    el.scrollTop = point.current.real;
  };
  /** Where the rows are now that the element is at `real`; remembers the first byte on screen. */
  const observed = (real: number): number => {
    const el = scrollRef.current;
    const current = layoutRef.current;
    point.current = readScroll(point.current, real, scrollRatio(current.count * ROW_HEIGHT, el?.clientHeight ?? 0));
    const virtual = point.current.virtual;
    const index = Math.floor(virtual / ROW_HEIGHT);
    const row = index < current.count ? current.rowAt(index) : undefined;
    if (row?.kind === 'bytes') {
      anchor.current = { dir: row.dir, offset: row.start, delta: virtual - index * ROW_HEIGHT };
      onTopByte?.(row.dir, row.start);
    }
    return virtual;
  };

  const group = rowsPerItem(layout.count);
  // The library hands back functions the React compiler cannot memoize; nothing here memoizes them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: Math.ceil(layout.count / group),
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (Math.min(layout.count, (i + 1) * group) - i * group) * ROW_HEIGHT,
    overscan: group === 1 ? OVERSCAN_ROWS : 1,
    observeElementOffset: (instance, cb) => observeElementOffset(instance, (offset, isScrolling) => cb(observed(offset), isScrolling)),
    scrollToFn: (offset, { adjustments = 0, behavior }, instance) => {
      const el = scrollRef.current;
      if (!el) return;
      point.current = writeScroll(offset + adjustments, layoutRef.current.count * ROW_HEIGHT, el.clientHeight);
      elementScroll(point.current.real, { behavior }, instance);
    },
  });
  // Rows are placed where the element's scroll puts them: at their own offsets while they fit.
  const virtualTop = virtualizer.scrollOffset ?? 0;
  const viewport = virtualizer.scrollRect?.height ?? 0;
  const ratio = scrollRatio(total, viewport);
  const realTop = virtualTop / ratio;
  const overscan = ratio > 1 ? SCALED_OVERSCAN_ROWS : OVERSCAN_ROWS;
  const first = Math.max(0, Math.floor(virtualTop / ROW_HEIGHT) - overscan);
  const last = Math.min(layout.count - 1, Math.ceil((virtualTop + viewport) / ROW_HEIGHT) + overscan);
  const rows: ByteRow[] = [];
  for (const item of virtualizer.getVirtualItems()) {
    const from = item.index * group;
    const to = Math.min(layout.count, from + group) - 1;
    // A group of one is drawn whole (the virtualizer's overscan); a bigger one where it meets the screen.
    for (let i = group === 1 ? from : Math.max(from, first); i <= (group === 1 ? to : Math.min(to, last)); i++) rows.push(layout.rowAt(i));
  }

  const select = (next: ByteSelection | null): void => {
    if (next === null ? selection !== null : !same(selection, next)) selectBytes(next);
  };

  // Mouse: press on a byte to select it (with Shift: extend from the anchor), drag to extend.
  const drag = useRef<Cell | null>(null);
  const onPointerDown = (e: React.PointerEvent): void => {
    if (e.button !== 0) return;
    const cell = cellOf(e);
    if (!cell) return;
    e.preventDefault(); // no native text selection: ours is the one that counts
    scrollRef.current?.focus({ preventScroll: true });
    const anchor: Cell =
      e.shiftKey && selection && selection.dir === cell.dir ? { dir: cell.dir, offset: selection.anchor, length: 1 } : cell;
    drag.current = anchor;
    select(spanning(connId, anchor, cell));
    window.addEventListener('pointerup', () => (drag.current = null), { once: true });
  };
  const onPointerMove = (e: React.PointerEvent): void => {
    const anchor = drag.current;
    if (!anchor || (e.buttons & 1) === 0) {
      showTitle(e);
      return;
    }
    const cell = cellOf(e);
    if (cell && cell.dir === anchor.dir) select(spanning(connId, anchor, cell));
  };
  // Titles are worked out when the pointer gets there: a screenful of bytes would be thousands.
  // A run's title is its byte under the pointer's, so it follows the pointer along the run.
  const showTitle = (e: React.PointerEvent): void => {
    const el = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-o]') : null;
    if (!el || el.dataset.name) return; // control badges have their own title
    const moved = e.type === 'pointermove';
    if (moved && !el.dataset.run) return; // a cell's title was set on the way in
    const cell = cellOf(e);
    if (!cell) return;
    const key = `${cell.dir}:${cell.offset}`;
    if (moved && el.dataset.titled === key) return;
    el.dataset.titled = key;
    el.title = byteTitle(exchange, annotations[cell.dir], cell.dir, cell.offset, t);
    titled.current = { el, dir: cell.dir, offset: el.dataset.o };
  };
  // Rows keep their elements as they scroll (slotOf): a title set above belongs to the byte it
  // was set for, so the element under a pointer that stays put (wheel, keys) loses it when it
  // shows another byte. Any other element gets its title again when the pointer gets there.
  const titled = useRef<{ el: HTMLElement; dir: Dir; offset: string | undefined } | null>(null);
  useLayoutEffect(() => {
    const last = titled.current;
    if (!last) return;
    const dir = last.el.closest<HTMLElement>('[data-dir]')?.dataset.dir;
    if (last.el.dataset.o === last.offset && dir === last.dir) return;
    last.el.removeAttribute('title');
    delete last.el.dataset.titled;
    titled.current = null;
  });

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') {
      select(null);
      return;
    }
    if (!isCaretKey(e.key)) return;
    e.preventDefault();
    const el = scrollRef.current;
    const pageRows = el ? Math.max(1, Math.floor(el.clientHeight / ROW_HEIGHT) - 1) : 20;
    if (!selection) {
      const first = rows.find((r) => r.kind === 'bytes' && r.index * ROW_HEIGHT >= point.current.virtual);
      if (first?.kind === 'bytes') select(spanning(connId, { dir: first.dir, offset: first.start, length: 1 }, { dir: first.dir, offset: first.start, length: 1 }));
      return;
    }
    const focus = movedCaret(layout, exchange, selection.dir, selection.focus, e.key, pageRows);
    const at: Cell = { dir: selection.dir, offset: focus, length: 1 };
    select(spanning(connId, e.shiftKey ? { dir: selection.dir, offset: selection.anchor, length: 1 } : at, at));
  };

  // A selection made elsewhere (the other view, the structure tree, a problem): bring it into view.
  const shown = useRef<ByteSelection | null>(null);
  useEffect(() => {
    if (!selection || selection === shown.current) return;
    shown.current = selection;
    const row = layout.rowOfByte(selection.dir, selection.focus);
    const el = scrollRef.current;
    if (row < 0 || !el) return;
    const top = row * ROW_HEIGHT;
    const seen = point.current.virtual;
    if (top < seen || top + ROW_HEIGHT > seen + el.clientHeight) scrollTo(top - (el.clientHeight - ROW_HEIGHT) / 2);
  }, [selection, layout]);

  // The first byte on screen stays on screen when rows above it change (counted, fetched).
  useLayoutEffect(() => {
    layoutRef.current = layout;
    const a = anchor.current;
    if (!a || point.current.virtual === 0) return;
    const row = layout.rowOfByte(a.dir, a.offset);
    const target = row * ROW_HEIGHT + a.delta;
    if (row >= 0 && Math.abs(target - point.current.virtual) >= 1) scrollTo(target);
  }, [layout]);

  // Scaled, a wheel step moves the rows as far as it would unscaled (the browser would move the
  // element that far: `ratio` times as many rows).
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || scrollRatio(total, el.clientHeight) <= 1) return;
    const onWheel = (e: WheelEvent): void => {
      if (e.ctrlKey || Math.abs(e.deltaY) < Math.abs(e.deltaX)) return;
      e.preventDefault();
      scrollTo(point.current.virtual + wheelPixels(e.deltaY, e.deltaMode, ROW_HEIGHT, el.clientHeight));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [total]);

  // The pages the rows on screen need (nothing when their bytes are at hand).
  useEffect(() => {
    const range: Partial<Record<Dir, [number, number]>> = {};
    for (const row of rows) {
      if (row.kind !== 'bytes') continue;
      const r = range[row.dir];
      range[row.dir] = r ? [Math.min(r[0], row.start), Math.max(r[1], row.end)] : [row.start, row.end];
    }
    for (const [dir, r] of Object.entries(range) as [Dir, [number, number]][]) want(dir, r[0], r[1]);
  });

  useEffect(() => {
    const el = scrollRef.current;
    const probe = probeRef.current;
    if (!el || !probe || !onResize) return;
    const observer = new ResizeObserver(() => onResize(el.clientWidth, probe.getBoundingClientRect().width / 10));
    observer.observe(el);
    return () => observer.disconnect();
  }, [onResize]);

  return (
    <div
      ref={scrollRef}
      className={`byte-pane ${props.className}`}
      data-testid={props.testId}
      tabIndex={0}
      aria-label={props.label}
      aria-describedby={props.describedBy}
      style={props.style}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerOver={showTitle}
      onKeyDown={onKeyDown}
    >
      <span ref={probeRef} className="char-probe" aria-hidden="true">
        0000000000
      </span>
      <div className="byte-rows" style={{ height: realHeight(virtualizer.getTotalSize()) }}>
        {rows.map((row) => {
          const dir = row.kind === 'head' ? row.segment.dir : row.dir;
          return (
            <div
              key={slotOf(row.index, rows.length)}
              className={`byte-row ${row.kind === 'head' ? 'row-head' : 'row-bytes'} dir-${dir}`}
              data-dir={dir}
              data-testid={row.kind === 'head' ? 'byte-row-head' : 'byte-row'}
              style={{ transform: `translateY(${realTop + row.index * ROW_HEIGHT - virtualTop}px)` }}
            >
              {renderRow(row)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
