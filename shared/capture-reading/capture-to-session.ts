// A capture file (pcap or pcapng, from tcpdump, dumpcap or Wireshark) opened as a session: its TCP
// connections reassembled (tcp-streams.ts) into journals, each with the summary the journal would
// keep, so the app opens it like a saved session and `wirebench annotate` reads it like one.
import type { ConnSummary, JournalTotals } from '../contract/contract';
import { buildSession, type SessionFile } from '../session/session-file';
import { summaryOfEvents } from '../session/summary-of-events';
import { readCapture, type CaptureContainer } from './capture-container';
import { tcpSegmentOf, type TcpSegment } from './packet-layers';
import { reassemble, type CapturedConnection, type StreamGap } from './tcp-streams';

export interface OpenedCapture {
  container: CaptureContainer;
  session: SessionFile;
  /** Packets that carried no TCP segment we read (ARP, UDP, fragments, other link types). */
  skippedPackets: number;
  /** The file ended inside a record (a capture still being written, or cut short). */
  truncated: boolean;
  gaps: StreamGap[];
}

export type CaptureResult = { ok: true; capture: OpenedCapture } | { ok: false; error: { code: 'capture_unreadable'; params: { file: string } } };

export function captureToSession(bytes: Uint8Array, file: string, version: string): CaptureResult {
  const read = readCapture(bytes);
  if (!read.ok) return { ok: false, error: { code: 'capture_unreadable', params: { file } } };
  const segments: TcpSegment[] = [];
  for (const packet of read.packets) {
    const segment = tcpSegmentOf(packet);
    if (segment) segments.push(segment);
  }
  const { connections, gaps } = reassemble(segments);
  const summaries = connections.map(summarize);
  const totals: JournalTotals = {
    connections: connections.length,
    bytesIn: summaries.reduce((n, s) => n + s.bytesIn, 0),
    bytesOut: summaries.reduce((n, s) => n + s.bytesOut, 0),
    storedPayloadBytes: summaries.reduce((n, s) => n + s.bytesIn + s.bytesOut, 0),
    droppedConnections: 0,
  };
  const session = buildSession({
    writer: { host: 'cli', version },
    servers: [],
    totals,
    connections: connections.map((c, i) => ({ summary: summaries[i] as ConnSummary, events: c.events })),
    savedAt: read.packets.at(-1)?.atMs ?? 0,
  });
  return { ok: true, capture: { container: read.container, session, skippedPackets: read.packets.length - segments.length, truncated: read.truncated, gaps } };
}

/** The summary the journal would keep of a connection made from the capture. */
function summarize(conn: CapturedConnection): ConnSummary {
  return summaryOfEvents({ connId: conn.connId, role: 'server', serverId: null, local: conn.server, remote: conn.client, openedAt: conn.events[0]?.at ?? 0 }, conn.events);
}
