// One captured packet's TCP segment: the link layer peeled off (Ethernet, loopback, Linux cooked
// v1 and v2, raw IP), then IPv4 (RFC 791) or IPv6 (RFC 8200, extension headers skipped), then
// TCP (RFC 9293 section 3.1). Anything else (ARP, UDP, an IP fragment, a cut header) is no segment.
import { ipv6Text } from '../capture/ip-address';
import { ETHERTYPE, ETHERTYPE_VLAN_TAGS, IP_PROTOCOL_TCP, LINKTYPE, TCP_FLAGS } from '../capture/wire-numbers';
import type { CapturedPacket } from './capture-container';

export interface TcpSegment {
  atMs: number;
  family: 'IPv4' | 'IPv6';
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  syn: boolean;
  ackFlag: boolean;
  fin: boolean;
  rst: boolean;
  /** The segment's data as captured. */
  payload: Uint8Array;
  /** How many data bytes the segment carried on the wire (more than payload.length when the snap length cut it). */
  payloadLength: number;
}

const isIp = (etherType: number): boolean => etherType === ETHERTYPE.IPv4 || etherType === ETHERTYPE.IPv6;

/** The IP packet inside the link layer, by the link type (tcpdump.org's LINKTYPE_ list). */
function ipPacket(packet: CapturedPacket): Uint8Array | null {
  const d = packet.data;
  const be16 = (at: number): number => ((d[at] as number) << 8) | (d[at + 1] as number);
  switch (packet.linkType) {
    case LINKTYPE.ETHERNET: {
      // Ethernet: two addresses, then the EtherType, after any 802.1Q tags.
      let at = 12;
      while (at + 2 <= d.length && ETHERTYPE_VLAN_TAGS.includes(be16(at))) at += 4;
      const type = at + 2 <= d.length ? be16(at) : 0;
      return isIp(type) ? d.subarray(at + 2) : null;
    }
    case LINKTYPE.NULL:
    case LINKTYPE.LOOP:
      return d.length > 4 ? d.subarray(4) : null;
    case LINKTYPE.RAW:
    case LINKTYPE.RAW_ALT_12:
    case LINKTYPE.RAW_ALT_14:
    case LINKTYPE.IPV4:
    case LINKTYPE.IPV6:
      return d;
    case LINKTYPE.LINUX_SLL:
      return d.length > 16 && isIp(be16(14)) ? d.subarray(16) : null;
    case LINKTYPE.LINUX_SLL2:
      return d.length > 20 && isIp(be16(0)) ? d.subarray(20) : null;
    default:
      return null;
  }
}

/** The TCP segment a packet carries, or null. */
export function tcpSegmentOf(packet: CapturedPacket): TcpSegment | null {
  const ip = ipPacket(packet);
  if (!ip || ip.length < 1) return null;
  const version = (ip[0] as number) >> 4;
  const view = new DataView(ip.buffer, ip.byteOffset, ip.byteLength);
  let tcpAt: number;
  let tcpEnd: number;
  let src: string;
  let dst: string;
  let family: TcpSegment['family'];
  if (version === 4) {
    if (ip.length < 20) return null;
    const headerLength = ((ip[0] as number) & 0x0f) * 4;
    const flagsAndOffset = view.getUint16(6);
    // A fragment carries a part of a segment: not reassembled here (loopback traffic is never fragmented).
    if ((flagsAndOffset & 0x3fff) !== 0 || ip[9] !== IP_PROTOCOL_TCP) return null;
    tcpAt = headerLength;
    // The IP total length, not the frame's: Ethernet pads short frames to 60 bytes.
    tcpEnd = view.getUint16(2);
    src = ip.subarray(12, 16).join('.');
    dst = ip.subarray(16, 20).join('.');
    family = 'IPv4';
  } else if (version === 6) {
    if (ip.length < 40) return null;
    let next = ip[6] as number;
    let at = 40;
    // Hop-by-hop (0), routing (43) and destination options (60) are skipped; a fragment (44) is not read.
    while (next === 0 || next === 43 || next === 60) {
      if (at + 2 > ip.length) return null;
      next = ip[at] as number;
      at += ((ip[at + 1] as number) + 1) * 8;
    }
    if (next !== IP_PROTOCOL_TCP) return null;
    tcpAt = at;
    tcpEnd = 40 + view.getUint16(4);
    src = ipv6Text(ip.subarray(8, 24));
    dst = ipv6Text(ip.subarray(24, 40));
    family = 'IPv6';
  } else {
    return null;
  }
  if (tcpAt + 20 > ip.length) return null;
  const offset = ((ip[tcpAt + 12] as number) >> 4) * 4;
  const flags = ip[tcpAt + 13] as number;
  const dataAt = tcpAt + offset;
  const payloadLength = Math.max(0, tcpEnd - dataAt);
  return {
    atMs: packet.atMs,
    family,
    src,
    dst,
    srcPort: view.getUint16(tcpAt),
    dstPort: view.getUint16(tcpAt + 2),
    seq: view.getUint32(tcpAt + 4),
    ack: view.getUint32(tcpAt + 8),
    fin: (flags & TCP_FLAGS.FIN) !== 0,
    syn: (flags & TCP_FLAGS.SYN) !== 0,
    rst: (flags & TCP_FLAGS.RST) !== 0,
    ackFlag: (flags & TCP_FLAGS.ACK) !== 0,
    payload: ip.subarray(Math.min(dataAt, ip.length), Math.min(tcpEnd, ip.length)),
    payloadLength,
  };
}
