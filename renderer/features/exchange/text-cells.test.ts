import { describe, expect, it } from 'vitest';
import { textCells } from './text-cells';
import { ascii } from './test-exchange';

describe('textCells', () => {
  it('cuts text into characters and keeps every cell at its stream offset', () => {
    const cells = textCells(ascii('Hé\r\n'), 100);
    expect(cells.map((c) => [c.offset, c.length, c.text, c.kind, c.name])).toEqual([
      [100, 1, 'H', 'text', undefined],
      [101, 2, 'é', 'text', undefined],
      [103, 1, '\u240d', 'cr', 'CR'],
      [104, 1, '\u240a', 'lf', 'LF'],
    ]);
  });
  it('tiles the bytes: bytes that are not UTF-8 are cells of their own', () => {
    const bytes = new Uint8Array([0x41, 0xff, 0x00, 0xf0, 0x9f, 0x98, 0x80, 0xe2, 0x82]);
    const cells = textCells(bytes, 0);
    expect(cells.map((c) => [c.kind, c.length])).toEqual([
      ['text', 1],
      ['invalid', 1],
      ['control', 1],
      ['text', 4],
      ['incomplete', 2],
    ]);
    expect(cells.reduce((n, c) => n + c.length, 0)).toBe(bytes.length);
  });
});
