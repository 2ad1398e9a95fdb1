// One TCP segment as an Ethernet frame (LINKTYPE_ETHERNET): Ethernet II header, an IPv4 or IPv6
// header, the TCP header and its payload, with every checksum computed, so that Wireshark checks
// them and finds them right rather than showing them as unverified.
import { ETHERTYPE, IP_PROTOCOL_TCP, TCP_FLAGS } from './wire-numbers';

export interface Endpoint {
  mac: Uint8Array;
  /** 4 octets (IPv4) or 16 (IPv6); both ends of a frame are of one family. */
  ip: Uint8Array;
  port: number;
}

export interface Segment {
  /** Sequence and acknowledgement numbers, already wrapped to 32 bits. */
  seq: number;
  ack: number;
  flags: number;
  window: number;
  /** TCP options, a multiple of 4 octets (RFC 9293 section 3.1: Data Offset counts 32-bit words). */
  options: Uint8Array;
  /** The payload's length on the wire. */
  length: number;
  /** The payload, or null when the journal no longer holds it (the frame is then cut after the headers). */
  payload: Uint8Array | null;
}

export interface Frame {
  /** What the file holds: the whole frame, or its headers only if the payload is unknown. */
  bytes: Uint8Array;
  /** The frame's length on the wire (pcapng's Original Packet Length). */
  originalLength: number;
}

const ETHERNET_HEADER = 14;
const IPV4_HEADER = 20;
const IPV6_HEADER = 40;
const TCP_HEADER = 20;
/** Linux's default TTL / hop limit (net.ipv4.ip_default_ttl). */
const TTL = 64;

/**
 * The frame of `segment` sent from `from` to `to`. `ipId` is IPv4's Identification (RFC 791
 * section 3.1; RFC 6864: any value will do for an atomic datagram, one with DF set).
 */
export function tcpFrame(from: Endpoint, to: Endpoint, ipId: number, segment: Segment): Frame {
  const v6 = from.ip.length === 16;
  const ipHeader = v6 ? IPV6_HEADER : IPV4_HEADER;
  const tcpLength = TCP_HEADER + segment.options.length + segment.length;
  const headers = ETHERNET_HEADER + ipHeader + TCP_HEADER + segment.options.length;
  // A segment without payload is whole as it is; one whose payload is unknown is cut after the headers.
  const whole = segment.payload !== null || segment.length === 0;
  const stored = whole ? headers + segment.length : headers;
  const out = new Uint8Array(stored);
  const view = new DataView(out.buffer);

  // Ethernet II (IEEE 802.3 clause 3.2.6): destination, source, EtherType.
  out.set(to.mac, 0);
  out.set(from.mac, 6);
  view.setUint16(12, v6 ? ETHERTYPE.IPv6 : ETHERTYPE.IPv4);

  const ip = ETHERNET_HEADER;
  if (v6) {
    // RFC 8200 section 3: version 6, traffic class and flow label 0, payload length, next header, hop limit.
    view.setUint32(ip, 0x60000000);
    view.setUint16(ip + 4, tcpLength);
    out[ip + 6] = IP_PROTOCOL_TCP;
    out[ip + 7] = TTL;
    out.set(from.ip, ip + 8);
    out.set(to.ip, ip + 24);
  } else {
    // RFC 791 section 3.1: version 4, IHL 5 words, total length, DF (as Linux sets on TCP), TTL.
    out[ip] = 0x45;
    view.setUint16(ip + 2, IPV4_HEADER + tcpLength);
    view.setUint16(ip + 4, ipId & 0xffff);
    view.setUint16(ip + 6, 0x4000);
    out[ip + 8] = TTL;
    out[ip + 9] = IP_PROTOCOL_TCP;
    out.set(from.ip, ip + 12);
    out.set(to.ip, ip + 16);
    view.setUint16(ip + 10, finish(sum16(out, ip, IPV4_HEADER, 0)));
  }

  const tcp = ip + ipHeader;
  view.setUint16(tcp, from.port);
  view.setUint16(tcp + 2, to.port);
  view.setUint32(tcp + 4, segment.seq >>> 0);
  view.setUint32(tcp + 8, segment.flags & TCP_FLAGS.ACK ? segment.ack >>> 0 : 0);
  // Data Offset (header length in 32-bit words) in the top 4 bits, then the control bits.
  view.setUint16(tcp + 12, (((TCP_HEADER + segment.options.length) / 4) << 12) | segment.flags);
  view.setUint16(tcp + 14, segment.window);
  out.set(segment.options, tcp + TCP_HEADER);
  if (segment.payload) out.set(segment.payload, tcp + TCP_HEADER + segment.options.length);
  if (whole) view.setUint16(tcp + 16, tcpChecksum(out, from.ip, to.ip, tcp, tcpLength));
  // Without the payload the checksum cannot be computed: it stays 0, and a reader sees the frame
  // cut short (captured < original) and does not check it.
  return { bytes: out, originalLength: headers + segment.length };
}

/**
 * RFC 9293 section 3.1 (Checksum): the one's complement of the one's complement sum of a pseudo
 * header (source and destination address, zero, protocol 6, TCP length; for IPv6 the RFC 8200
 * section 8.1 form) followed by the TCP header and payload, padded with a zero octet if odd.
 */
function tcpChecksum(frame: Uint8Array, src: Uint8Array, dst: Uint8Array, tcp: number, tcpLength: number): number {
  let sum = sum16(src, 0, src.length, 0);
  sum = sum16(dst, 0, dst.length, sum);
  sum += IP_PROTOCOL_TCP;
  // The length: 16 bits in IPv4's pseudo header, 32 in IPv6's; the sum is the same below 65536.
  sum += (tcpLength >>> 16) + (tcpLength & 0xffff);
  sum = sum16(frame, tcp, tcpLength, sum);
  return finish(sum);
}

/**
 * Adds `length` octets from `offset` as big-endian 16-bit words to `sum` (RFC 1071 section 4.1),
 * folding the carries now and then so the running sum stays a small integer.
 */
function sum16(bytes: Uint8Array, offset: number, length: number, sum: number): number {
  const end = offset + length;
  let i = offset;
  for (; i + 1 < end; i += 2) {
    sum += ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
    if (sum > 0x7fffffff) sum = (sum & 0xffff) + (sum >>> 16);
  }
  if (i < end) sum += (bytes[i] as number) << 8;
  return sum;
}

/** Folds the carries into 16 bits and takes the one's complement. */
function finish(sum: number): number {
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return ~sum & 0xffff;
}
