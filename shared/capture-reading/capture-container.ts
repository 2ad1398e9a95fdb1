// The packets of a capture file, as tcpdump, dumpcap or Wireshark write them: classic pcap
// (microsecond or nanosecond, either byte order) or pcapng (draft-ietf-opsawg-pcapng: sections
// of either byte order, interfaces each with their link type and timestamp resolution, enhanced,
// simple and obsolete packet blocks). Only the container: what each packet holds is read by
// packet-layers.ts. Pure and in Uint8Array, so the app's page and the CLI read alike.
import { PCAPNG_BLOCK, PCAPNG_BYTE_ORDER_MAGIC } from '../capture/wire-numbers';

export interface CapturedPacket {
  /** The interface's link type (LINKTYPE_* of the tcpdump.org list): how the packet's bytes begin. */
  linkType: number;
  /** Wall clock in ms since the epoch, fractions kept (a nanosecond capture keeps its nanoseconds to about 0.25 µs). */
  atMs: number;
  /** The bytes captured: the first `data.length` of `originalLength` (a snap length may cut it). */
  data: Uint8Array;
  originalLength: number;
}

export type CaptureContainer = 'pcap' | 'pcapng';

export type ReadCapture =
  | { ok: true; container: CaptureContainer; packets: CapturedPacket[]; truncated: boolean }
  | { ok: false; why: 'not_a_capture' };

const PCAP_MICRO = 0xa1b2c3d4;
const PCAP_NANO = 0xa1b23c4d;

/** Whether a file's first bytes are a pcap or pcapng header (either byte order). */
export function looksLikeCapture(first: Uint8Array): boolean {
  if (first.length < 4) return false;
  const view = new DataView(first.buffer, first.byteOffset, 4);
  const big = view.getUint32(0, false);
  const little = view.getUint32(0, true);
  return big === PCAPNG_BLOCK.SECTION_HEADER || [PCAP_MICRO, PCAP_NANO].includes(big) || [PCAP_MICRO, PCAP_NANO].includes(little);
}

export function readCapture(bytes: Uint8Array): ReadCapture {
  if (bytes.length < 24) return { ok: false, why: 'not_a_capture' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magicBig = view.getUint32(0, false);
  const magicLittle = view.getUint32(0, true);
  if (magicBig === PCAPNG_BLOCK.SECTION_HEADER) return readPcapng(bytes, view);
  for (const [little, magic] of [[true, magicLittle], [false, magicBig]] as const) {
    if (magic === PCAP_MICRO || magic === PCAP_NANO) return readPcap(bytes, view, little, magic === PCAP_NANO ? 1e9 : 1e6);
  }
  return { ok: false, why: 'not_a_capture' };
}

/** Classic pcap: a 24-byte header naming one link type, then records of a 16-byte header and the bytes. */
function readPcap(bytes: Uint8Array, view: DataView, little: boolean, perSecond: number): ReadCapture {
  const linkType = view.getUint32(20, little) & 0x0fffffff; // the top bits may carry the FCS length
  const packets: CapturedPacket[] = [];
  let at = 24;
  while (at + 16 <= bytes.length) {
    const seconds = view.getUint32(at, little);
    const fraction = view.getUint32(at + 4, little);
    const captured = view.getUint32(at + 8, little);
    const original = view.getUint32(at + 12, little);
    if (at + 16 + captured > bytes.length) return { ok: true, container: 'pcap', packets, truncated: true };
    packets.push({ linkType, atMs: seconds * 1000 + (fraction * 1000) / perSecond, data: bytes.subarray(at + 16, at + 16 + captured), originalLength: original });
    at += 16 + captured;
  }
  return { ok: true, container: 'pcap', packets, truncated: at !== bytes.length };
}

interface Interface {
  linkType: number;
  /** Timestamp units per second (if_tsresol; 10^6 when absent). */
  perSecond: bigint;
  /** if_tsoffset, in seconds. */
  offsetSeconds: bigint;
}

/** pcapng: blocks, each type, total length, body, total length again; a section header sets the byte order. */
function readPcapng(bytes: Uint8Array, view: DataView): ReadCapture {
  const packets: CapturedPacket[] = [];
  let little = true;
  let interfaces: Interface[] = [];
  let at = 0;
  while (at + 12 <= bytes.length) {
    const typeBig = view.getUint32(at, false);
    if (typeBig === PCAPNG_BLOCK.SECTION_HEADER) {
      // The byte-order magic decides how this section's every number is read (section 4.1).
      const magic = view.getUint32(at + 8, true);
      if (magic === PCAPNG_BYTE_ORDER_MAGIC) little = true;
      else if (view.getUint32(at + 8, false) === PCAPNG_BYTE_ORDER_MAGIC) little = false;
      else return packets.length === 0 ? { ok: false, why: 'not_a_capture' } : { ok: true, container: 'pcapng', packets, truncated: true };
      interfaces = [];
    }
    const type = view.getUint32(at, little);
    const length = view.getUint32(at + 4, little);
    if (length < 12 || length % 4 !== 0 || at + length > bytes.length) return { ok: true, container: 'pcapng', packets, truncated: true };
    const body = at + 8;
    const end = at + length - 4;
    if (type === PCAPNG_BLOCK.INTERFACE) interfaces.push(readInterface(bytes, view, body, end, little));
    else if (type === PCAPNG_BLOCK.ENHANCED_PACKET || type === PCAPNG_BLOCK.OBSOLETE_PACKET) {
      // The obsolete packet block has a 16-bit interface id and a drops count where EPB has 32 bits.
      const id = type === PCAPNG_BLOCK.ENHANCED_PACKET ? view.getUint32(body, little) : view.getUint16(body, little);
      const iface = interfaces[id];
      const captured = view.getUint32(body + 12, little);
      if (iface && body + 20 + captured <= end) {
        const ticks = (BigInt(view.getUint32(body + 4, little)) << 32n) | BigInt(view.getUint32(body + 8, little));
        packets.push({ linkType: iface.linkType, atMs: toMs(ticks, iface), data: bytes.subarray(body + 20, body + 20 + captured), originalLength: view.getUint32(body + 16, little) });
      }
    } else if (type === PCAPNG_BLOCK.SIMPLE_PACKET) {
      // Simple packet block: no time and no interface id (the first interface's), so it takes the previous packet's time.
      const iface = interfaces[0];
      const original = view.getUint32(body, little);
      const captured = Math.min(original, end - (body + 4));
      if (iface) packets.push({ linkType: iface.linkType, atMs: packets.at(-1)?.atMs ?? 0, data: bytes.subarray(body + 4, body + 4 + captured), originalLength: original });
    }
    at += length;
  }
  return { ok: true, container: 'pcapng', packets, truncated: at !== bytes.length };
}

function readInterface(bytes: Uint8Array, view: DataView, body: number, end: number, little: boolean): Interface {
  const iface: Interface = { linkType: view.getUint16(body, little), perSecond: 1_000_000n, offsetSeconds: 0n };
  // Options after link type (2), reserved (2) and snap length (4): code, length, value padded to 4.
  for (let at = body + 8; at + 4 <= end; ) {
    const code = view.getUint16(at, little);
    const length = view.getUint16(at + 2, little);
    if (code === 0) break;
    if (code === 9 && length >= 1) {
      // if_tsresol: the high bit says a power of two, else of ten (section 4.2).
      const resolution = bytes[at + 4] as number;
      const power = BigInt(resolution & 0x7f);
      iface.perSecond = resolution & 0x80 ? 2n ** power : 10n ** power;
    } else if (code === 14 && length >= 8) {
      iface.offsetSeconds = view.getBigInt64(at + 4, little);
    }
    at += 4 + Math.ceil(length / 4) * 4;
  }
  return iface;
}

/** Ticks to ms, whole seconds apart from the fraction: a double holds neither 10^18 ns nor its precision. */
function toMs(ticks: bigint, iface: Interface): number {
  const seconds = ticks / iface.perSecond + iface.offsetSeconds;
  const fraction = ticks % iface.perSecond;
  return Number(seconds) * 1000 + (Number(fraction) * 1000) / Number(iface.perSecond);
}
