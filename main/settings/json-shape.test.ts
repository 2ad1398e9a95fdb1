import { describe, expect, it } from 'vitest';
import { jsonShapeWithin } from './json-shape';

describe('jsonShapeWithin', () => {
  it('counts depth and values outside strings only, escapes included', () => {
    const text = JSON.stringify({ a: '[[[{{{,,,:::\\"]]]', b: [1, [2, [3]]] });
    expect(jsonShapeWithin(text, { maxDepth: 4, maxValues: 10 })).toBe(true);
    expect(jsonShapeWithin(text, { maxDepth: 3, maxValues: 10 })).toBe(false);
    // a:, b:, and the commas between values: 2 colons + 1 (a,b) + 2 (1,[ and 2,[) = 5
    expect(jsonShapeWithin(text, { maxDepth: 4, maxValues: 4 })).toBe(false);
    expect(jsonShapeWithin(text, { maxDepth: 4, maxValues: 5 })).toBe(true);
  });
});
