// A connection's journal when it is long: only the entries on screen (and a few either side) are
// drawn. A busy keep-alive connection logs thousands of chunks; drawing them all made selecting it
// a task of about a second and every update after it a long frame (issue 19). A short journal, as
// every lesson has, is drawn whole (journal-view.tsx), so what a learner and the e2e tests see of
// it does not change.
// The entries drawn sit in normal flow inside one <ol>, moved down to where the first of them
// begins, over a box as tall as all of them: each entry keeps its own height and needs no offset.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import type { JournalEvent } from '../../../shared/contract/contract';
import { JournalEntry, PREVIEW_BYTES } from './journal-entry';

/** From this many entries on, the journal is virtualized. */
export const VIRTUAL_FROM = 200;
// Estimates as drawn (journal-view.css, measured in Chromium), whole pixels as the library
// measures: where the estimate is right, a measured entry moves nothing, and a keyboard scroll in
// progress is not interrupted by the list putting its scroll position right.
/** A one-line entry with no payload. */
const LINE_PX = 32;
/** A data entry's line and the box around its payload, then each line of payload (13px/1.5 monospace). */
const PAYLOAD_ENTRY_PX = 51.4;
const PAYLOAD_LINE_PX = 19.5;
/**
 * No entry is taken for less, even where it measures 0 (a hidden panel, a test's DOM): entries of no
 * height would all fit on screen, and all be drawn.
 */
const MIN_ENTRY_PX = 20;

interface VirtualJournalListProps {
  events: readonly JournalEvent[];
  selectedSeq: number | null;
  /** The box that scrolls (journal-view.tsx's), once it is in the page. */
  scrollElement: HTMLDivElement | null;
  /** A message is shown above the list (a failed fetch): the list begins lower. */
  belowMessage: boolean;
}

export function VirtualJournalList({ events, selectedSeq, scrollElement, belowMessage }: VirtualJournalListProps) {
  const box = useRef<HTMLDivElement>(null);
  // Where the list begins in the scrolled box (below a failed fetch's message, if any).
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const list = box.current;
    if (!scrollElement || !list) return;
    const margin = list.getBoundingClientRect().top - scrollElement.getBoundingClientRect().top + scrollElement.scrollTop;
    setScrollMargin(margin);
  }, [scrollElement, belowMessage]);

  // The library hands back functions the React compiler cannot memoize; nothing here memoizes them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollElement,
    estimateSize: (i) => estimateHeight(events[i]),
    measureElement: (element, entry, instance) => Math.max(MIN_ENTRY_PX, measureElement(element, entry, instance)),
    overscan: 8,
    scrollMargin,
    getItemKey: (i) => events[i]?.seq ?? i,
  });

  // An entry picked elsewhere (the teardown diagram) brought into sight, once per pick, even when
  // it is not drawn yet; once drawn, the entry itself keeps it in sight (journal-entry.tsx).
  const scrolledTo = useRef<number | null>(null);
  useEffect(() => {
    // Not before the box is there: the pick may come first (Show in Events mounts this list).
    if (scrollElement === null || selectedSeq === null || scrolledTo.current === selectedSeq) return;
    const index = indexOfSeq(events, selectedSeq);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    scrolledTo.current = selectedSeq;
  }, [scrollElement, selectedSeq, events, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  return (
    <div ref={box} className="journal-virtual" data-virtual="true" style={{ height: virtualizer.getTotalSize() }}>
      <ol className="journal-list" style={{ transform: `translateY(${first ? first.start - scrollMargin : 0}px)` }}>
        {items.map((item) => {
          const event = events[item.index];
          return event === undefined ? null : (
            <JournalEntry key={item.key} event={event} selected={event.seq === selectedSeq} index={item.index} measure={virtualizer.measureElement} />
          );
        })}
      </ol>
    </div>
  );
}

function estimateHeight(event: JournalEvent | undefined): number {
  if (event?.kind !== 'data' || event.bytes === null) return LINE_PX;
  // Only the preview is drawn (journal-entry.tsx); a few KiB at most to count. Each LF ends a
  // line; what follows the last one is a line too.
  const end = Math.min(event.bytes.length, PREVIEW_BYTES);
  let lines = end > 0 && event.bytes[end - 1] !== 10 ? 1 : 0;
  for (let i = 0; i < end; i++) if (event.bytes[i] === 10) lines++;
  return Math.round(PAYLOAD_ENTRY_PX + lines * PAYLOAD_LINE_PX);
}

/** Events are sorted by seq (store/journal-merge.ts). */
function indexOfSeq(events: readonly JournalEvent[], seq: number): number {
  let lo = 0;
  let hi = events.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = events[mid]?.seq ?? -1;
    if (at === seq) return mid;
    if (at < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
