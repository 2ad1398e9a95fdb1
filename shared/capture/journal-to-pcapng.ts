// A journal as a pcapng file for Wireshark: every connection given becomes a TCP stream of
// synthesized frames (tcp-conversation.ts says which, and why), on one made-up Ethernet interface,
// in time order. Pure: bytes in, bytes out, for the renderer's export and the CLI alike.
import type { ConnSummary, JournalEvent } from '../contract/contract';
import { concatBytes } from '../bytes/bytes';
import { connEndpoints } from './conn-endpoints';
import { EPB_DIRECTION, enhancedPacketBlockLength, interfaceDescriptionBlock, sectionHeaderBlock, writeEnhancedPacketBlock, type PacketRecord, type TsResolution } from './pcapng-blocks';
import { synthesizeConversation } from './tcp-conversation';
import { tcpFrame } from './tcp-frame';
import { connClocks } from './conn-clocks';
import { sameConnectionTwice } from './mirrored-conns';

export interface PcapngOptions {
  /** Timestamp resolution: 9 (nanoseconds, the default: the journal's `t` has sub-microsecond digits) or 6. */
  tsresol?: TsResolution;
  /**
   * The largest segment payload. By default what Linux announces on loopback (MTU 65536): 65495
   * for IPv4 (the 16-bit total length less 40 octets of headers), 65476 for IPv6 (65536 less 60).
   * Say 1460 to see an Ethernet-sized exchange; capped where the IP length fields end.
   */
  mss?: number;
}

const LOOPBACK_MSS = { IPv4: 65495, IPv6: 65476 } as const;
const MAX_MSS = { IPv4: 65495, IPv6: 65515 } as const;

/**
 * The pcapng file of these connections: `conns` says which (and gives each one's totals), `events`
 * holds their journals (any order, other connections' events ignored). Connections without any
 * event of theirs still get their handshake from the summary.
 */
export function journalToPcapng(conns: readonly ConnSummary[], events: Iterable<JournalEvent>, options: PcapngOptions = {}): Uint8Array {
  const tsresol = options.tsresol ?? 9;
  const byConn = new Map<string, JournalEvent[]>(conns.map((c) => [c.connId, []]));
  for (const e of events) byConn.get(e.connId)?.push(e);
  for (const list of byConn.values()) list.sort((a, b) => a.seq - b.seq);

  const journals = conns.map((summary) => ({ summary, events: byConn.get(summary.connId) ?? [] }));
  const twice = sameConnectionTwice(journals);
  const clocks = connClocks(journals);
  const unitsPerMs = tsresol === 9 ? 1_000_000n : 1_000n;

  const records: PacketRecord[] = [];
  journals.forEach((journal, index) => {
    if (twice.dropped.has(index)) return;
    const { summary } = journal;
    const opened = journal.events[0]?.kind === 'opened' ? journal.events[0] : undefined;
    const role = opened?.role ?? summary.role;
    const ends = connEndpoints(role, opened?.local ?? summary.local, opened?.remote ?? summary.remote);
    const mss = Math.max(1, Math.min(options.mss ?? LOOPBACK_MSS[ends.family], MAX_MSS[ends.family]));
    const packets = synthesizeConversation({
      connId: summary.connId,
      role,
      events: journal.events,
      totals: { in: summary.bytesIn, out: summary.bytesOut },
      mss,
    });
    const other = twice.keptFor.get(index);
    if (other !== undefined && packets[0]) {
      packets[0].comments.push(`the same connection is journaled as ${journals[other]?.summary.connId ?? '?'} too (our own client and server): written once`);
    }
    const clock = clocks[index] as { baseMs: number; offsetMs: number };
    // IPv4 Identification counts up per sender (RFC 6864 permits any value with DF set).
    const ipIds = { local: 1, remote: 1 };
    for (const p of packets) {
      const [from, to] = p.fromLocal ? [ends.local, ends.remote] : [ends.remote, ends.local];
      const frame = tcpFrame(from, to, p.fromLocal ? ipIds.local++ : ipIds.remote++, p.segment);
      records.push({
        timestamp: toUnits(clock.baseMs, clock.offsetMs + p.t, unitsPerMs),
        bytes: frame.bytes,
        originalLength: frame.originalLength,
        direction: p.fromLocal ? EPB_DIRECTION.outbound : EPB_DIRECTION.inbound,
        comments: p.comments,
      });
    }
  });
  // One timeline for all connections; Array.prototype.sort is stable (ES2019), so each
  // connection's frames keep their order where times tie.
  records.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));

  const head = concatBytes([
    sectionHeaderBlock('Wirebench'),
    interfaceDescriptionBlock('wirebench', 'TCP synthesized by Wirebench from its connection journal (bytes, FIN, RST and times as journaled; handshake, sequence numbers and ACKs made up)', tsresol),
  ]);
  // One buffer for the whole file, each frame copied straight into its place: a journal holding
  // 64 MB of payload costs its frames and the file, not a third copy of block arrays.
  let total = head.length;
  for (const r of records) total += enhancedPacketBlockLength(r);
  const file = new Uint8Array(total);
  file.set(head, 0);
  let at = head.length;
  for (const r of records) at = writeEnhancedPacketBlock(file, at, r);
  return file;
}

/**
 * Milliseconds since the epoch as integer units, without a double's rounding: the whole
 * milliseconds of `baseMs` are scaled as a bigint, and only the small rest goes through a double.
 */
function toUnits(baseMs: number, offsetMs: number, unitsPerMs: bigint): bigint {
  const whole = Math.floor(baseMs);
  const rest = baseMs - whole + offsetMs;
  const restUnits = Math.round(rest * Number(unitsPerMs));
  return BigInt(whole) * unitsPerMs + BigInt(restUnits);
}
