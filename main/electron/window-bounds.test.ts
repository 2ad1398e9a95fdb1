import { describe, expect, it } from 'vitest';
import { parseWindowBounds, placeWindow } from './window-bounds';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };
const saved = (x: number, y: number, width = 1280, height = 820, maximized = false) => ({ x, y, width, height, maximized });

describe('placeWindow', () => {
  it('opens where it was when that is on a display', () => {
    expect(placeWindow(saved(100, 50), [laptop, monitor])).toEqual({ ...saved(100, 50) });
    expect(placeWindow(saved(2000, 300, 1280, 820, true), [laptop, monitor])).toEqual(saved(2000, 300, 1280, 820, true));
  });
  it('falls back to the default place when the display it was on is gone', () => {
    expect(placeWindow(saved(2000, 300), [laptop])).toBeNull();
    expect(placeWindow(null, [laptop])).toBeNull();
  });
  it('pulls a window that hangs off the edge back onto its display, and shrinks it to fit', () => {
    expect(placeWindow(saved(1000, -40, 1280, 1000), [laptop])).toEqual(saved(160, 0, 1280, 900));
  });
});

describe('parseWindowBounds', () => {
  it('takes only whole, sane bounds', () => {
    expect(parseWindowBounds(JSON.stringify(saved(1, 2)))).toEqual(saved(1, 2));
    expect(parseWindowBounds('{"x":1')).toBeNull();
    expect(parseWindowBounds(JSON.stringify({ ...saved(1, 2), width: 5 }))).toBeNull();
    expect(parseWindowBounds(null)).toBeNull();
  });
});
