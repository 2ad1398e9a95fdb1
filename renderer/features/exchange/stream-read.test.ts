import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { buildExchange } from './exchange-model';
import { readStream } from './stream-read';

const data = (seq: number, dir: 'in' | 'out', text: string | null, length = text?.length ?? 0): JournalEvent => ({
  kind: 'data',
  connId: 'c1',
  seq,
  at: 0,
  t: seq,
  dir,
  length,
  bytes: text === null ? null : new TextEncoder().encode(text),
});

describe('readStream', () => {
  it('reads across chunk boundaries of one direction, and gives null where bytes are not at hand', () => {
    const exchange = buildExchange([data(1, 'in', 'HTTP/1.1 200 OK\r\n'), data(2, 'out', 'x'), data(3, 'in', '\r\nhello'), data(4, 'in', null, 5)]);
    const text = (b: Uint8Array | null): string | null => (b ? new TextDecoder().decode(b) : null);
    expect(text(readStream(exchange.in, 9, 6))).toBe('200 OK');
    expect(text(readStream(exchange.in, 13, 9))).toBe('OK\r\n\r\nhel');
    expect(readStream(exchange.in, 22, 4)).toBeNull(); // its last 2 bytes are in the evicted chunk
    expect(text(readStream(exchange.in, 0, 0))).toBe('');
  });
});
