// Contract-shaped values for the store's tests: what the engine sends, written out by hand.
import { freshSummary } from '../../shared/contract/conn-summary';
import { Backlog, type ConnSummary, type EventPayload, type JournalEvent, type JournalTotals, type ServerInfo } from '../../shared/contract/contract';
import { DEFAULT_SERVER_SETTINGS } from '../../shared/server/defaults';
import { ServerSettings } from '../../shared/server/settings';

/** The contract's limits on the server form's numbers, read off its schemas: the form keeps no copy of them. */
export const LIMITS = {
  backlog: bounds(Backlog),
  dripBytes: bounds(ServerSettings.shape.dripBytes),
  dripEveryMs: bounds(ServerSettings.shape.dripEveryMs),
  timeoutMs: bounds(ServerSettings.shape.idleTimeoutMs),
};

function bounds(schema: { minValue: number | null; maxValue: number | null }): { min: number; max: number } {
  return { min: schema.minValue ?? -Infinity, max: schema.maxValue ?? Infinity };
}

export function summary(connId: string, patch: Partial<ConnSummary> = {}): ConnSummary {
  const start = {
    connId,
    role: 'client',
    serverId: null,
    local: { address: '127.0.0.1', port: 50000, family: 'IPv4' },
    remote: { address: '127.0.0.1', port: 9000, family: 'IPv4' },
    openedAt: 1000,
  } as const;
  return { ...freshSummary(start), ...patch };
}

export function openedEvent(connId: string, seq = 0): JournalEvent {
  const s = summary(connId);
  return { connId, seq, at: 1000, t: 0, kind: 'opened', role: s.role, local: s.local, remote: s.remote, mono: 0 };
}

export function dataEvent(connId: string, seq: number, dir: 'in' | 'out', text: string): JournalEvent {
  const bytes = new TextEncoder().encode(text);
  return { connId, seq, at: 1000 + seq, t: seq, kind: 'data', dir, length: bytes.length, bytes };
}

export function totals(patch: Partial<JournalTotals> = {}): JournalTotals {
  return { connections: 0, bytesIn: 0, bytesOut: 0, storedPayloadBytes: 0, droppedConnections: 0, ...patch };
}

export function delta(
  conns: ConnSummary[],
  events: JournalEvent[],
  t = totals(),
  dropped: string[] = [],
): EventPayload<'journal.delta'> {
  return { conns, dropped, events, totals: t };
}

export function server(serverId: string, port: number, listening = true, patch: Partial<ServerInfo> = {}): ServerInfo {
  return {
    serverId,
    host: '127.0.0.1',
    port,
    family: 'IPv4',
    listening,
    backlog: 5,
    exposed: false,
    settings: DEFAULT_SERVER_SETTINGS,
    responseVersion: 1,
    stats: { accepted: 0, open: 0, queued: [], served: 0 },
    ...patch,
  };
}
