import { describe, expect, it } from 'vitest';
import { EPB_DIRECTION, enhancedPacketBlock, interfaceDescriptionBlock, sectionHeaderBlock } from './pcapng-blocks';

const le = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Section 3.1: the length at both ends, a multiple of 4. */
function expectFramed(block: Uint8Array, type: number): DataView {
  const view = le(block);
  expect(view.getUint32(0, true)).toBe(type);
  expect(view.getUint32(4, true)).toBe(block.length);
  expect(view.getUint32(block.length - 4, true)).toBe(block.length);
  expect(block.length % 4).toBe(0);
  return view;
}

/** The options from `at` to the trailing length: code, length, value (padding skipped). */
function optionsOf(block: Uint8Array, at: number): Array<[number, number[]]> {
  const view = le(block);
  const out: Array<[number, number[]]> = [];
  while (at < block.length - 4) {
    const code = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    out.push([code, Array.from(block.subarray(at + 4, at + 4 + length))]);
    if (code === 0) break;
    at += 4 + ((length + 3) & ~3);
  }
  return out;
}

const text = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

describe('pcapng blocks', () => {
  it('SHB: byte-order magic, version 1.0, section length -1, shb_userappl', () => {
    const shb = sectionHeaderBlock('Wirebench');
    const view = expectFramed(shb, 0x0a0d0d0a);
    expect(view.getUint32(8, true)).toBe(0x1a2b3c4d);
    expect([view.getUint16(12, true), view.getUint16(14, true)]).toEqual([1, 0]);
    expect(view.getBigInt64(16, true)).toBe(-1n);
    expect(optionsOf(shb, 24)).toEqual([[4, text('Wirebench')], [0, []]]);
  });

  it('IDB: LINKTYPE_ETHERNET, no snap length, if_name, if_description, if_tsresol', () => {
    const idb = interfaceDescriptionBlock('wb', 'made up', 9);
    const view = expectFramed(idb, 1);
    expect([view.getUint16(8, true), view.getUint16(10, true), view.getUint32(12, true)]).toEqual([1, 0, 0]);
    expect(optionsOf(idb, 16)).toEqual([[2, text('wb')], [3, text('made up')], [9, [9]], [0, []]]);
  });

  it('EPB: the timestamp in two halves, lengths, the frame padded, comment and direction', () => {
    const frame = Uint8Array.of(1, 2, 3, 4, 5);
    const epb = enhancedPacketBlock({ timestamp: 0x123456789abcdefn, bytes: frame, originalLength: 1500, direction: EPB_DIRECTION.outbound, comments: ['hi'] });
    const view = expectFramed(epb, 6);
    expect(view.getUint32(8, true)).toBe(0);
    expect(view.getUint32(12, true)).toBe(0x01234567);
    expect(view.getUint32(16, true)).toBe(0x89abcdef);
    expect([view.getUint32(20, true), view.getUint32(24, true)]).toEqual([5, 1500]);
    expect(Array.from(epb.subarray(28, 36))).toEqual([1, 2, 3, 4, 5, 0, 0, 0]);
    expect(optionsOf(epb, 36)).toEqual([[1, text('hi')], [2, [2, 0, 0, 0]], [0, []]]);
  });

  it('EPB without options has no opt_endofopt either', () => {
    const epb = enhancedPacketBlock({ timestamp: 0n, bytes: new Uint8Array(4), originalLength: 4, direction: 0, comments: [] });
    expect(epb.length).toBe(28 + 4 + 4);
  });
});
