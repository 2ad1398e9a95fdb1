// What the journal keeps of one connection: shared by the recording (journal.ts) and the bounds
// that trim and evict it (journal-bounds.ts).
import type { ConnSummary, JournalEvent } from '../../shared/contract/contract';
import type { FirstLineState } from '../../shared/contract/first-line';

export interface JournalEntry {
  summary: ConnSummary;
  events: JournalEvent[];
  storedBytes: number;
  /** Events before this index hold no payload any more (eviction of an open connection resumes here). */
  payloadFrom: number;
  /** How many events trimEvents dropped: the next event's seq is events.length + trimmed. */
  trimmed: number;
  /**
   * Bytes of the data events trimEvents dropped, per direction: where the first kept chunk of
   * that direction starts in its stream (the chunks dropped were the oldest).
   */
  trimmedBytes: { in: number; out: number };
  /** The summary's firstLines as they grow (NO_LINE until a byte comes; complete at the first LF). */
  firstLines: { in: FirstLineState; out: FirstLineState };
  /** We sent bytes after the peer's FIN: one of the facts the RST's cause is read from. */
  sentAfterFin: boolean;
}
