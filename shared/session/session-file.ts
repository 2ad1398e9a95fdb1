// A session file: the whole workbench's journal in one file, to keep, to open again later as a
// recording, and to replay in class. Every connection with every event as the journal holds it
// (chunks with their exact bytes and times, FINs, RSTs, kernel states, the server's notes), the
// servers' settings that produced it, and the totals. JSON, with bytes as {"$b64": "..."} (the
// web door's codec, shared/contract/wire-codec.ts), so any tool can read it, and versioned: a
// reader refuses a newer version by name instead of misreading it.
//
// Lossless as far as the journal is: a chunk whose payload the journal's byte budget evicted has
// `bytes: null` here too (its length is kept), and a connection dropped whole is only in the totals.
import { z } from 'zod';
import { ConnSummary, JournalEvent, JournalTotals, ServerInfo } from '../contract/contract';
import type { ErrorParams } from '../contract/errors';
import { decodeWireChecked, encodeWire } from '../contract/wire-codec';

export const SESSION_FORMAT = 'wirebench-session';
export const SESSION_VERSION = 1;
/** The file name's ending the app's dialogs offer and the CLI suggests. */
export const SESSION_EXTENSION = 'wbsession';

export const SessionConnection = z
  .object({
    summary: ConnSummary,
    /** In journal order (by seq; a gap where the journal trimmed a long connection's oldest events). */
    events: z.array(JournalEvent),
  })
  .strict();
export type SessionConnection = z.infer<typeof SessionConnection>;

export const SessionFile = z
  .object({
    format: z.literal(SESSION_FORMAT),
    version: z.literal(SESSION_VERSION),
    /** Wall clock (ms since the epoch) when it was saved. */
    savedAt: z.number(),
    /** Who wrote it: the app ('electron', 'web') or the command line ('cli'), and its version. */
    writer: z.object({ host: z.enum(['electron', 'web', 'cli']), version: z.string().max(64) }).strict(),
    /** The servers as they were when saved: their settings produced the answers recorded. */
    servers: z.array(ServerInfo),
    totals: JournalTotals,
    /** In the order they opened. */
    connections: z.array(SessionConnection),
  })
  .strict();
export type SessionFile = z.infer<typeof SessionFile>;

/** What a session is made of, as a host has it from its engine (journal.snapshot and journal.events). */
export interface SessionParts {
  writer: SessionFile['writer'];
  servers: ServerInfo[];
  totals: JournalTotals;
  connections: SessionConnection[];
  savedAt?: number;
}

export function buildSession(parts: SessionParts): SessionFile {
  const connections = [...parts.connections].sort((a, b) => a.summary.openedAt - b.summary.openedAt);
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: parts.savedAt ?? Date.now(),
    writer: parts.writer,
    servers: parts.servers,
    totals: parts.totals,
    connections,
  };
}

export function encodeSession(session: SessionFile): string {
  return encodeWire(session);
}

type SessionErrorCode = 'session_unreadable' | 'session_version' | 'session_invalid';
/** Why a file is not a session this version can open: an error code with its params, as the contract's. */
export type SessionError = { [C in SessionErrorCode]: { code: C; params: ErrorParams<C> } }[SessionErrorCode];

export type DecodedSession = { ok: true; session: SessionFile } | { ok: false; error: SessionError };

/** Reads a session file's text, checking it against the schema and the journal's own rules. */
export function decodeSession(text: string, file: string): DecodedSession {
  const decoded = decodeWireChecked(text);
  const value = decoded.ok ? decoded.value : null;
  if (value === null || typeof value !== 'object' || (value as { format?: unknown }).format !== SESSION_FORMAT) {
    return { ok: false, error: { code: 'session_unreadable', params: { file } } };
  }
  const version = (value as { version?: unknown }).version;
  if (version !== SESSION_VERSION) {
    const found = typeof version === 'number' ? String(version) : '?';
    return { ok: false, error: { code: 'session_version', params: { file, version: found, supported: String(SESSION_VERSION) } } };
  }
  const parsed = SessionFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalid(file, issue ? pathOf(issue.path) : '', issue?.message ?? '');
  }
  const broken = brokenRule(parsed.data);
  return broken ? invalid(file, broken.where, broken.issue) : { ok: true, session: parsed.data };
}

function invalid(file: string, where: string, issue: string): DecodedSession {
  return { ok: false, error: { code: 'session_invalid', params: { file, where, issue: issue.slice(0, 300) } } };
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
}

/**
 * What the schema cannot say and every view relies on: each event belongs to its connection, the
 * first is `opened`, seqs only grow, and a chunk's bytes are as long as it says.
 */
function brokenRule(session: SessionFile): { where: string; issue: string } | null {
  const ids = new Set<string>();
  for (const [c, { summary, events }] of session.connections.entries()) {
    const at = (e: number): string => `connections[${c}].events[${e}]`;
    if (ids.has(summary.connId)) return { where: `connections[${c}].summary.connId`, issue: `${summary.connId} twice` };
    ids.add(summary.connId);
    if (events[0]?.kind !== 'opened') return { where: at(0), issue: 'the first event must be opened' };
    for (const [e, event] of events.entries()) {
      if (event.connId !== summary.connId) return { where: `${at(e)}.connId`, issue: `${event.connId} is not ${summary.connId}` };
      const before = events[e - 1];
      if (before && event.seq <= before.seq) return { where: `${at(e)}.seq`, issue: `${event.seq} after ${before.seq}` };
      if (event.kind === 'data' && event.bytes !== null && event.bytes.length !== event.length) {
        return { where: `${at(e)}.bytes`, issue: `${event.bytes.length} bytes, length says ${event.length}` };
      }
    }
  }
  return null;
}
