import { describe, expect, it } from 'vitest';
import { widerSide } from './lessons-room';

describe('widerSide', () => {
  it('widens the side pane to the share, taking half from the console and half from the results', () => {
    expect(widerSide({ 'pane-side': 20, 'pane-client': 44, 'pane-results': 36 }, 30)).toEqual({ 'pane-side': 30, 'pane-client': 39, 'pane-results': 31 });
  });

  it('leaves a side pane already as wide alone', () => {
    expect(widerSide({ 'pane-side': 35, 'pane-client': 35, 'pane-results': 30 }, 30)).toBeNull();
  });

  it('leaves a layout it does not know alone', () => {
    expect(widerSide({ a: 50, b: 50 }, 30)).toBeNull();
  });
});
