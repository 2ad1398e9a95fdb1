// A connection's exchange in one line for its card: the first request line and the status line
// that answered it ("GET /favicon.ico → 404 Not Found"), read from the first line each way that the
// connection's summary carries (ConnSummary.firstLines: the renderer holds the events of the
// connections it shows only, issue 19). A browser's extra request (the favicon) is then seen at a glance.
import type { ConnSummary, Role } from '../../../shared/contract/contract';

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
export function exchangeLineOf(role: Role, firstLines: ConnSummary['firstLines']): ExchangeLine {
  const request = role === 'server' ? firstLines.in : firstLines.out;
  const answer = role === 'server' ? firstLines.out : firstLines.in;
  const status = answer === null ? null : (STATUS_LINE.exec(answer)?.[2]?.trim() ?? null);
  return { request: request === null || request === '' ? null : request.replace(HTTP_VERSION, ''), status };
}

/** Whether the card matches a filter: its words, its ends and its id, without regard to case. */
export function matchesFilter(filter: string, words: readonly (string | null)[]): boolean {
  const wanted = filter.trim().toLowerCase();
  if (wanted === '') return true;
  return words.some((w) => w !== null && w.toLowerCase().includes(wanted));
}
