// The connection list when it is long: only the cards on screen (and a few either side) are drawn.
// Under close-per-request load the engine keeps a thousand closed connections and a couple of
// hundred come and go between two updates of the list; drawing every card made each update a
// frame of hundreds of ms (issue 19). A short list, as every lesson has, is drawn whole
// (connection-list.tsx), so what a learner and the e2e tests see of it does not change.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** From this many cards on, the list is virtualized. */
export const VIRTUAL_FROM = 200;
/** A card with its request line, as most are under load; cards are measured once drawn. */
const CARD_ESTIMATE_PX = 84;
const GAP_PX = 6;

interface VirtualConnListProps {
  ids: readonly string[];
  selected: string | null;
  listRef: RefObject<HTMLUListElement | null>;
  renderCard: (id: string) => ReactNode;
}

export function VirtualConnList({ ids, selected, listRef, renderCard }: VirtualConnListProps) {
  // The library hands back functions the React compiler cannot memoize; nothing here memoizes them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => CARD_ESTIMATE_PX,
    gap: GAP_PX,
    overscan: 6,
    getItemKey: (i) => ids[i] ?? i,
  });

  // The selected card in view, once per selection, as the whole list does it.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (selected === null || scrolledTo.current === selected) return;
    const index = ids.indexOf(selected);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    scrolledTo.current = selected;
  }, [selected, ids, virtualizer]);

  return (
    <ul className="conn-list conn-list-virtual" data-testid="conn-list" data-virtual="true" ref={listRef}>
      <li aria-hidden="true" className="conn-list-spacer" style={{ height: virtualizer.getTotalSize() }} />
      {virtualizer.getVirtualItems().map((item) => {
        const id = ids[item.index];
        return id === undefined ? null : (
          <li key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="conn-list-card" style={{ transform: `translateY(${item.start}px)` }}>
            {renderCard(id)}
          </li>
        );
      })}
    </ul>
  );
}
