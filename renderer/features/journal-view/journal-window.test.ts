import { describe, expect, it } from 'vitest';
import { dataEvent } from '../../store/test-data';
import { journalWindow } from './journal-window';

const events = (n: number) => Array.from({ length: n }, (_, i) => dataEvent('c1', i, 'in', 'x'));

describe('journalWindow', () => {
  it('shows a short journal whole', () => {
    const all = events(5);
    expect(journalWindow(all, 2, 3)).toEqual({ head: all, hidden: 0, tail: [] });
  });
  it('keeps the beginning and the end of a long one, and counts the middle', () => {
    const w = journalWindow(events(10), 2, 3);
    expect(w.head.map((e) => e.seq)).toEqual([0, 1]);
    expect(w.hidden).toBe(5);
    expect(w.tail.map((e) => e.seq)).toEqual([7, 8, 9]);
  });
});
