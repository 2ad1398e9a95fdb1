// pcapng blocks, as the IETF draft draft-ietf-opsawg-pcapng describes them: a Section Header Block,
// one Interface Description Block, and an Enhanced Packet Block per frame. Written little-endian:
// section 3.6.1 lets a writer use its own byte order, and the SHB's Byte-Order Magic tells readers
// which it was.
import { utf8Encode } from '../bytes/bytes';
import { LINKTYPE, PCAPNG_BLOCK, PCAPNG_BYTE_ORDER_MAGIC } from './wire-numbers';

/** Timestamp units per second: if_tsresol 6 (microseconds) or 9 (nanoseconds), section 4.2. */
export type TsResolution = 6 | 9;

export interface Option {
  code: number;
  value: Uint8Array;
}

/** opt_comment (section 3.5, code 1): a UTF-8 comment any block may carry. */
export const comment = (text: string): Option => ({ code: 1, value: utf8Encode(text) });

/** Section 4.1: magic, version 1.0, Section Length -1 (unknown: readers walk the blocks). */
export function sectionHeaderBlock(userAppl: string): Uint8Array {
  // shb_userappl (code 4): the application that wrote the section.
  return block(PCAPNG_BLOCK.SECTION_HEADER, 16, [{ code: 4, value: utf8Encode(userAppl) }], (view, at) => {
    view.setUint32(at, PCAPNG_BYTE_ORDER_MAGIC, true);
    view.setUint16(at + 4, 1, true);
    view.setUint16(at + 6, 0, true);
    view.setInt32(at + 8, -1, true);
    view.setInt32(at + 12, -1, true);
  });
}

/**
 * Section 4.2: LinkType, Reserved 0, SnapLen 0 ("no limit"), then if_name (2), if_description (3)
 * and if_tsresol (9; absent means microseconds, but saying it costs 8 octets and no doubt).
 */
export function interfaceDescriptionBlock(name: string, description: string, tsresol: TsResolution): Uint8Array {
  const options = [
    { code: 2, value: utf8Encode(name) },
    { code: 3, value: utf8Encode(description) },
    { code: 9, value: Uint8Array.of(tsresol) },
  ];
  return block(PCAPNG_BLOCK.INTERFACE, 8, options, (view, at) => {
    view.setUint16(at, LINKTYPE.ETHERNET, true);
    view.setUint16(at + 2, 0, true);
    view.setUint32(at + 4, 0, true);
  });
}

/** epb_flags (section 4.3.1) bits 0-1: the frame's direction as the capturing host saw it. */
export const EPB_DIRECTION = { inbound: 1, outbound: 2 } as const;

export interface PacketRecord {
  /** Units of if_tsresol since 1970-01-01 00:00:00 UTC. */
  timestamp: bigint;
  bytes: Uint8Array;
  originalLength: number;
  /** epb_flags' direction bits, or 0 when the file's host is neither end. */
  direction: number;
  comments: readonly string[];
}

/**
 * Section 4.3: Interface ID 0, the 64-bit timestamp as upper and lower 32-bit halves, Captured and
 * Original Packet Length, the frame padded to 32 bits, then options.
 */
export function enhancedPacketBlock(packet: PacketRecord): Uint8Array {
  const out = new Uint8Array(enhancedPacketBlockLength(packet));
  writeEnhancedPacketBlock(out, 0, packet);
  return out;
}

export function enhancedPacketBlockLength(packet: PacketRecord): number {
  return blockLength(20 + pad4(packet.bytes.length), epbOptions(packet));
}

/**
 * Writes the block at `at` of `out` (a whole file's buffer: a frame is copied once, into its place)
 * and returns where the next block starts.
 */
export function writeEnhancedPacketBlock(out: Uint8Array, at: number, packet: PacketRecord): number {
  const data = packet.bytes;
  return writeBlock(out, at, PCAPNG_BLOCK.ENHANCED_PACKET, 20 + pad4(data.length), epbOptions(packet), (view, body) => {
    view.setUint32(body, 0, true);
    view.setUint32(body + 4, Number(packet.timestamp >> 32n), true);
    view.setUint32(body + 8, Number(packet.timestamp & 0xffffffffn), true);
    view.setUint32(body + 12, data.length, true);
    view.setUint32(body + 16, packet.originalLength, true);
    out.set(data, at + body + 20);
  });
}

function epbOptions(packet: PacketRecord): Option[] {
  const options: Option[] = packet.comments.map(comment);
  if (packet.direction !== 0) {
    const flags = new Uint8Array(4);
    new DataView(flags.buffer).setUint32(0, packet.direction, true);
    options.push({ code: 2, value: flags });
  }
  return options;
}

/** A block on its own (the SHB and IDB, written once). */
function block(type: number, fixed: number, options: readonly Option[], write: (view: DataView, body: number) => void): Uint8Array {
  const out = new Uint8Array(blockLength(fixed, options));
  writeBlock(out, 0, type, fixed, options, write);
  return out;
}

/** Section 3.1: Block Type and Block Total Length, the body, the options, the length again. */
function blockLength(fixed: number, options: readonly Option[]): number {
  let optionsLength = 0;
  for (const o of options) optionsLength += 4 + pad4(o.value.length);
  if (options.length > 0) optionsLength += 4; // opt_endofopt
  return 8 + fixed + optionsLength + 4;
}

/**
 * Section 3.1's frame around a body at `at`: Block Type, Block Total Length, the fixed body (`fixed`
 * octets written by `write`), the options (section 3.5: each code, length, value padded to 32 bits,
 * ended by opt_endofopt), and the Block Total Length again. `out` must be zeros there: padding and
 * opt_endofopt (code 0, length 0) are left as they are.
 */
function writeBlock(out: Uint8Array, at: number, type: number, fixed: number, options: readonly Option[], write: (view: DataView, body: number) => void): number {
  const total = blockLength(fixed, options);
  const view = new DataView(out.buffer, out.byteOffset + at, total);
  view.setUint32(0, type, true);
  view.setUint32(4, total, true);
  write(view, 8);
  let o = 8 + fixed;
  for (const option of options) {
    view.setUint16(o, option.code, true);
    view.setUint16(o + 2, option.value.length, true);
    out.set(option.value, at + o + 4);
    o += 4 + pad4(option.value.length); // the padding octets stay zero (section 3.6.2)
  }
  view.setUint32(total - 4, total, true);
  return at + total;
}

function pad4(length: number): number {
  return (length + 3) & ~3;
}
