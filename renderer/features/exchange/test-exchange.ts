// Journals written out by hand for the exchange views' tests: an `opened`, then chunks.
import type { Dir, JournalEvent } from '../../../shared/contract/contract';
import { dataEvent, openedEvent } from '../../store/test-data';
import { buildExchange, type Exchange } from './exchange-model';

/** The events of a connection whose chunks are these, in this order (seq from 1, t = seq ms). */
export function chunkEvents(chunks: readonly (readonly [Dir, string])[]): JournalEvent[] {
  return [openedEvent('c1'), ...chunks.map(([dir, text], i) => dataEvent('c1', i + 1, dir, text))];
}

export function exchangeOf(chunks: readonly (readonly [Dir, string])[]): Exchange {
  return buildExchange(chunkEvents(chunks));
}

/** A request split mid-line (TCP cuts where it likes), and its answer in two reads. */
export const SPLIT_EXCHANGE = [
  ['in', 'GET / HT'],
  ['in', 'TP/1.1\r\nHost: x\r\n\r\n'],
  ['out', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n'],
  ['out', 'hello'],
] as const;

export const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
