// A connection's exchange in one line for its card: the first request line and the status line
// that answered it ("GET /favicon.ico → 404 Not Found"), read from the journal's data events the
// renderer already holds. A browser's extra request (the favicon) is then seen at a glance.
// Only the first line of each direction is read, and at most LINE_MAX bytes of it.
import type { JournalEvent, Role } from '../../../shared/contract/contract';

/** Enough for a request line with a long path; the card shortens what it shows anyway. */
const LINE_MAX = 200;
const LF = 0x0a;
const HTTP_VERSION = /\s+HTTP\/\d(\.\d)?$/;
const STATUS_LINE = /^HTTP\/\d(\.\d)?\s+(\d{3}.*)$/;

export interface ExchangeLine {
  /** The first line the client sent (without its ending, nor the HTTP version); null: none yet. */
  request: string | null;
  /** The server's answer: status code and reason (`404 Not Found`), null when none came or it was no status line. */
  status: string | null;
}

export const NO_EXCHANGE: ExchangeLine = { request: null, status: null };

/**
 * The request and status of a connection. On the server's side of it the request comes in; on a
 * client's it goes out.
 */
export function exchangeLineOf(role: Role, events: readonly JournalEvent[]): ExchangeLine {
  const requestDir = role === 'server' ? 'in' : 'out';
  const request = firstLine(events, requestDir);
  const answer = firstLine(events, requestDir === 'in' ? 'out' : 'in');
  const status = answer === null ? null : (STATUS_LINE.exec(answer)?.[2]?.trim() ?? null);
  return { request: request === null || request === '' ? null : request.replace(HTTP_VERSION, ''), status };
}

/** The first line one way, as text (bytes read one to one, controls left out), or null. */
function firstLine(events: readonly JournalEvent[], dir: 'in' | 'out'): string | null {
  let text = '';
  let seen = false;
  for (const e of events) {
    if (e.kind !== 'data' || e.dir !== dir) continue;
    // Payload dropped to save memory: what is known so far is all there is.
    if (e.bytes === null) break;
    seen = true;
    for (const b of e.bytes) {
      if (b === LF || text.length >= LINE_MAX) return text;
      // Printable ASCII and Latin-1 as is; CR, tabs and other controls are not part of the words.
      if (b >= 0x20 && b !== 0x7f) text += String.fromCharCode(b);
    }
  }
  return seen ? text : null;
}

/** Whether the card matches a filter: its words, its ends and its id, without regard to case. */
export function matchesFilter(filter: string, words: readonly (string | null)[]): boolean {
  const wanted = filter.trim().toLowerCase();
  if (wanted === '') return true;
  return words.some((w) => w !== null && w.toLowerCase().includes(wanted));
}
