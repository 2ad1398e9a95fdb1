// --record FILE (serve, connect): the run's whole journal written as a session file
// (shared/session/session-file.ts) once the engine has closed, the same format the app saves and
// opens. Written to a temporary file beside it and renamed, so that a reader never sees half a
// session and an old recording is replaced only by a whole new one.
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ConnSummary, ErrorInfo, JournalEvent, JournalTotals, ServerInfo } from '../../shared/contract/contract';
import { buildSession, encodeSession, type SessionConnection } from '../../shared/session/session-file';
import type { Dispatch } from '../host/dispatch';

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
 * Reads the journal through the door every host uses, and writes it to `file` with `servers`
 * (serversNow's, from before the close); an error or null.
 */
export async function recordSession(dispatch: Dispatch, file: string, version: string, servers: ServerInfo[]): Promise<ErrorInfo | null> {
  const snapshot = await dispatch('journal.snapshot', {});
  if (!snapshot.ok) return snapshot.error;
  const { conns, totals } = snapshot.value as Snapshot;
  const connections: SessionConnection[] = [];
  for (const summary of conns) {
    const read = await dispatch('journal.events', { connId: summary.connId });
    // Dropped by the journal between the two reads: it is in the totals, as any dropped one is.
    if (read.ok) connections.push({ summary, events: (read.value as { events: JournalEvent[] }).events });
  }
  const text = encodeSession(buildSession({ writer: { host: 'cli', version }, servers, totals, connections }));
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.part`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
    return null;
  } catch (err) {
    await rm(temporary, { force: true });
    return { code: 'file_unwritable', params: { file, code: (err as NodeJS.ErrnoException).code ?? 'EIO' } };
  }
}
