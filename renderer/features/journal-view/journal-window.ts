// Which journal entries to draw. A busy connection can log hundreds of thousands of chunks, and a
// list that long would stall the page (a virtualized view is the real fix, see DESIGN.md). Until
// then, the beginning (the handshake, the request) and the end (the FINs, the close) are what a
// learner needs, so those are kept and the middle is counted.
import type { JournalEvent } from '../../../shared/contract/contract';

export const JOURNAL_HEAD = 300;
export const JOURNAL_TAIL = 700;

export interface JournalWindow {
  head: readonly JournalEvent[];
  hidden: number;
  tail: readonly JournalEvent[];
}

export function journalWindow(events: readonly JournalEvent[], headSize = JOURNAL_HEAD, tailSize = JOURNAL_TAIL): JournalWindow {
  if (events.length <= headSize + tailSize) return { head: events, hidden: 0, tail: [] };
  return {
    head: events.slice(0, headSize),
    hidden: events.length - headSize - tailSize,
    tail: events.slice(events.length - tailSize),
  };
}
