// The selected connection as a file to keep: pcapng for Wireshark (shared/capture) or HAR 1.2
// (shared/export). Pure: the journal in, the file's bytes, type and name out; the download itself
// is export-buttons.tsx. A journal whose payloads were evicted still makes a file: pcapng writes
// the segments' headers with a comment where the bytes are gone, HAR the messages still at hand.
import type { ConnSummary, JournalEvent } from '../../../shared/contract/contract';
import { journalToPcapng } from '../../../shared/capture/journal-to-pcapng';
import { connectionToHar } from '../../../shared/export/har';

export const EXPORT_KINDS = ['pcapng', 'har'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportFile {
  /** The file's contents, as a Blob takes them. */
  bytes: Uint8Array<ArrayBuffer> | string;
  /** The media type (pcapng has none registered with IANA: plain bytes). */
  type: string;
  name: string;
}

/** `wirebench-<connId>.<ext>`, with anything a file system might refuse in a name replaced. */
export function exportFileName(connId: string, kind: ExportKind): string {
  return `wirebench-${connId.replace(/[^A-Za-z0-9._-]/g, '_')}.${kind}`;
}

export function exportFile(kind: ExportKind, summary: ConnSummary, events: readonly JournalEvent[]): ExportFile {
  const name = exportFileName(summary.connId, kind);
  // Fresh bytes over a plain ArrayBuffer (concatBytes), never a shared one: what a Blob accepts.
  if (kind === 'pcapng') return { bytes: journalToPcapng([summary], events) as Uint8Array<ArrayBuffer>, type: 'application/octet-stream', name };
  return { bytes: `${JSON.stringify(connectionToHar(summary, events), null, 2)}\n`, type: 'application/json', name };
}
