// The protocol and file-format numbers that both sides of capture handling use: the pcapng writer
// (shared/capture) puts them in, the pcap/pcapng reader (shared/capture-reading) looks for them.
// One table, so the two can never disagree on what a number means.

/** EtherType values (IEEE 802 numbers, as in Ethernet II and Linux cooked headers). */
export const ETHERTYPE = { IPv4: 0x0800, IPv6: 0x86dd } as const;
/** 802.1Q and 802.1ad tags, which sit before the EtherType and are skipped when reading. */
export const ETHERTYPE_VLAN_TAGS: readonly number[] = [0x8100, 0x88a8];

/** IP's protocol / IPv6's next header number for TCP (IANA protocol numbers). */
export const IP_PROTOCOL_TCP = 6;

/** TCP header flags (RFC 9293 section 3.1, Control Bits). */
export const TCP_FLAGS = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;

/** Link types (tcpdump.org's LINKTYPE_ list, draft-ietf-opsawg-pcaplinktype). */
export const LINKTYPE = {
  /** BSD loopback: a 4-byte address family in the capturing host's order. */
  NULL: 0,
  /** Frames start with an Ethernet II header. */
  ETHERNET: 1,
  /** Raw IP as libpcap numbers it; 12 and 14 mean the same on some systems. */
  RAW: 101,
  RAW_ALT_12: 12,
  RAW_ALT_14: 14,
  /** OpenBSD loopback: the address family in network order. */
  LOOP: 108,
  /** Linux cooked capture v1 (tcpdump -i any): the protocol at offset 14, 16 bytes in all. */
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  /** Linux cooked capture v2: the protocol first, 20 bytes in all. */
  LINUX_SLL2: 276,
} as const;

/** pcapng block types (draft-ietf-opsawg-pcapng section 11.1) and the Section Header's byte-order magic. */
export const PCAPNG_BLOCK = { SECTION_HEADER: 0x0a0d0d0a, INTERFACE: 0x00000001, OBSOLETE_PACKET: 0x00000002, SIMPLE_PACKET: 0x00000003, ENHANCED_PACKET: 0x00000006 } as const;
export const PCAPNG_BYTE_ORDER_MAGIC = 0x1a2b3c4d;
