import { describe, expect, it } from 'vitest';
import { MAX_ITEMS, MAX_SCROLL_PX, readScroll, realHeight, rowsPerItem, scrollRatio, wheelPixels, writeScroll } from './scroll-scale';

describe('scroll scaling', () => {
  const total = 6_553_600 * 20; // 100 MiB of hex rows
  const viewport = 600;

  it('leaves rows that fit alone', () => {
    expect(scrollRatio(10_000, viewport)).toBe(1);
    expect(realHeight(10_000)).toBe(10_000);
    expect(readScroll({ real: 0, virtual: 0 }, 300, 1)).toEqual({ real: 300, virtual: 300 });
  });

  it('maps the whole of a longer list onto the element: its end is reachable', () => {
    const ratio = scrollRatio(total, viewport);
    expect(realHeight(total)).toBe(MAX_SCROLL_PX);
    const end = MAX_SCROLL_PX - viewport;
    expect(readScroll({ real: 0, virtual: 0 }, end, ratio).virtual).toBeCloseTo(total - viewport, 3);
    const last = writeScroll(total, total, viewport);
    expect(last.virtual).toBe(total - viewport);
    expect(last.real).toBeCloseTo(end, 6);
  });

  it('keeps the position asked for when the browser rounds it', () => {
    const ratio = scrollRatio(total, viewport);
    const asked = writeScroll(12_345, total, viewport);
    expect(asked.real % 1).not.toBe(0);
    expect(readScroll(asked, Math.round(asked.real), ratio).virtual).toBe(12_345);
    // The scrollbar dragged: a position of its own.
    expect(readScroll(asked, Math.round(asked.real) + 40, ratio).virtual).toBeCloseTo((Math.round(asked.real) + 40) * ratio);
  });

  it('gives the virtualizer groups of rows when rows are millions', () => {
    expect(rowsPerItem(1000)).toBe(1);
    expect(rowsPerItem(MAX_ITEMS)).toBe(1);
    expect(rowsPerItem(MAX_ITEMS + 1)).toBe(2);
    const group = rowsPerItem(6_553_600 + 1600);
    expect(group).toBe(128);
    expect(Math.ceil((6_553_600 + 1600) / group)).toBeLessThanOrEqual(MAX_ITEMS);
  });

  it('reads wheel deltas in pixels, lines or pages', () => {
    expect(wheelPixels(3, 1, 20, 600)).toBe(60);
    expect(wheelPixels(1, 2, 20, 600)).toBe(600);
    expect(wheelPixels(100, 0, 20, 600)).toBe(100);
  });
});
