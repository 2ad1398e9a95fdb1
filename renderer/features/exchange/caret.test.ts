import { describe, expect, it } from 'vitest';
import { movedCaret } from './caret';
import { hexLayout } from './hex-layout';
import { exchangeOf, SPLIT_EXCHANGE } from './test-exchange';
import { byteSource, PageCache } from './byte-source';
import { TextLayoutCache, textLayout } from './text-layout';

const ex = exchangeOf([...SPLIT_EXCHANGE, ['in', 'GET /2 HTTP/1.1\r\n\r\n']]);
const hex = hexLayout(ex);

describe('movedCaret', () => {
  it('moves a byte left and right, within its direction', () => {
    expect(movedCaret(hex, ex, 'in', 5, 'ArrowRight')).toBe(6);
    expect(movedCaret(hex, ex, 'in', 0, 'ArrowLeft')).toBe(0);
    expect(movedCaret(hex, ex, 'out', 42, 'ArrowRight')).toBe(42);
  });

  it('moves a row up and down keeping the column, skipping the other direction', () => {
    expect(movedCaret(hex, ex, 'in', 3, 'ArrowDown')).toBe(19);
    // From the end of the first request (27 bytes), down over the response to the second one,
    // which starts at 27 in the same row of the stream (16..31): the column is kept where it can be.
    expect(movedCaret(hex, ex, 'in', 20, 'ArrowDown')).toBe(27);
    expect(movedCaret(hex, ex, 'in', 27, 'ArrowUp')).toBe(26);
    expect(movedCaret(hex, ex, 'in', 3, 'ArrowUp')).toBe(3);
  });

  it('goes to the ends of the row, and a screenful at a time', () => {
    expect(movedCaret(hex, ex, 'out', 20, 'Home')).toBe(16);
    expect(movedCaret(hex, ex, 'out', 20, 'End')).toBe(31);
    expect(movedCaret(hex, ex, 'out', 1, 'PageDown', 10)).toBe(33);
  });

  it('follows the text view\'s rows when that view has focus', () => {
    const text = textLayout(ex, byteSource(ex, new PageCache()), new TextLayoutCache(), { width: 64 });
    // "GET / HTTP/1.1 CR LF" (0..16), "Host: x CR LF" (16..25): column 10 is past the second line's end.
    expect(movedCaret(text, ex, 'in', 10, 'ArrowDown')).toBe(24);
  });
});
