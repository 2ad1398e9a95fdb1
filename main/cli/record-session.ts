// --record FILE and --pcapng FILE (serve, connect): the run's whole journal written once the
// engine has closed, as a session file (shared/session/session-file.ts, the format the app saves
// and opens) or as a pcapng capture for Wireshark (shared/capture). Each is written to a temporary
// file beside it and renamed, so that a reader never sees half a file and an old one is replaced
// only by a whole new one.
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ConnSummary, ErrorInfo, JournalEvent, JournalTotals, ServerInfo } from '../../shared/contract/contract';
import { journalToPcapng } from '../../shared/capture/journal-to-pcapng';
import { buildSession, encodeSession, type SessionConnection } from '../../shared/session/session-file';
import type { Dispatch } from '../host/dispatch';
import type { Recording } from './recording-options';

interface Snapshot {
  servers: ServerInfo[];
  conns: ConnSummary[];
  totals: JournalTotals;
}

/** The servers as they are now: read before the engine closes, which stops and forgets them. */
export async function serversNow(dispatch: Dispatch): Promise<ServerInfo[]> {
  const snapshot = await dispatch('journal.snapshot', {});
  return snapshot.ok ? (snapshot.value as Snapshot).servers : [];
}

/**
 * Reads the journal through the door every host uses and writes what `recording` asks for, with
 * `servers` (serversNow's, from before the close); the first error, or null.
 */
export async function writeRecording(dispatch: Dispatch, recording: Recording, version: string, servers: ServerInfo[]): Promise<ErrorInfo | null> {
  if (recording.session === null && recording.pcapng === null) return null;
  const snapshot = await dispatch('journal.snapshot', {});
  if (!snapshot.ok) return snapshot.error;
  const { conns, totals } = snapshot.value as Snapshot;
  const connections: SessionConnection[] = [];
  for (const summary of conns) {
    const read = await dispatch('journal.events', { connId: summary.connId });
    // Dropped by the journal between the two reads: it is in the totals, as any dropped one is.
    if (read.ok) connections.push({ summary, events: (read.value as { events: JournalEvent[] }).events });
  }
  if (recording.session !== null) {
    const text = encodeSession(buildSession({ writer: { host: 'cli', version }, servers, totals, connections }));
    const failed = await writeWhole(recording.session, text);
    if (failed) return failed;
  }
  if (recording.pcapng !== null) {
    const capture = journalToPcapng(
      connections.map((c) => c.summary),
      connections.flatMap((c) => c.events),
    );
    return writeWhole(recording.pcapng, capture);
  }
  return null;
}

async function writeWhole(file: string, content: string | Uint8Array): Promise<ErrorInfo | null> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.part`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
    return null;
  } catch (err) {
    await rm(temporary, { force: true });
    return { code: 'file_unwritable', params: { file, code: (err as NodeJS.ErrnoException).code ?? 'EIO' } };
  }
}
