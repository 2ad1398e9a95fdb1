// The waiting hint of one connection, live: recomputed as its journal grows (and, for our client,
// as the journal of our server's end of it grows, when the peer is our own server: found by the
// swapped addresses, as the teardown diagram pairs the two ends). Each connection's annotators are
// kept per connection (memoised), so a chunk is read once however often the journal changes.
import { useMemo } from 'react';
import type { ServerInfo } from '../../shared/contract/contract';
import { findPeerConnection } from '../../shared/teardown/ladder-model';
import type { WaitingHint } from '../../shared/waiting/waiting-codes';
import { ClientWaiting, ServerWaiting, type ServerSide } from '../../shared/waiting/waiting-hint';
import { useJournal } from '../journal/use-journal';
import { selectConn, selectConnsNewestFirst } from '../store/connections-slice';
import { selectServers } from '../store/servers-slice';
import { useWirebench } from '../store/store-context';

const sideOf = (server: ServerInfo): ServerSide => ({ settings: server.settings, queued: server.stats.queued });

/** What our client's connection waits for; null when nothing (or it is not open). */
export function useClientWaitingHint(connId: string | null): WaitingHint | null {
  const conn = useWirebench(selectConn(connId));
  // Newest first: an ephemeral port is reused in time, and an old connection of the same two
  // ports is not this one's other end.
  const peerId = useWirebench((s) => (conn && !conn.closed ? findPeerConnection(conn, selectConnsNewestFirst(s)) : null));
  const peerConn = useWirebench(selectConn(peerId));
  const servers = useWirebench(selectServers);
  const server = peerConn?.role === 'server' ? servers.find((s) => s.serverId === peerConn.serverId) : undefined;
  const events = useJournal(connId)?.events;
  const peerEvents = useJournal(server ? peerId : null)?.events;
  // One watcher per connection: its annotators carry on from the chunks read before.
  const watch = useMemo(() => (connId === null ? null : new ClientWaiting()), [connId]);
  return useMemo(() => {
    if (!watch || !events || !conn || conn.closed) return null;
    return watch.hint(events, server && peerEvents ? { events: peerEvents, server: sideOf(server) } : undefined);
  }, [watch, events, conn, server, peerEvents]);
}

/** What our server waits for on one of its connections; null when nothing. */
export function useServerWaitingHint(connId: string, server: ServerInfo): WaitingHint | null {
  const events = useJournal(connId)?.events;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh watcher for another connection: its annotators hold that one's streams
  const watch = useMemo(() => new ServerWaiting(), [connId]);
  return useMemo(() => (events ? watch.hint(events, sideOf(server)) : null), [watch, events, server]);
}

/** The server's open connections, oldest first (the one served before those queued behind it), as one stable string. */
export function useOpenConnIds(serverId: string, max: number): string[] {
  const joined = useWirebench((s) => {
    const ids: string[] = [];
    for (const id of s.connOrder) {
      const c = s.conns[id];
      if (c && c.role === 'server' && c.serverId === serverId && !c.closed) ids.push(id);
      if (ids.length === max) break;
    }
    return ids.join(' ');
  });
  return useMemo(() => (joined ? joined.split(' ') : []), [joined]);
}
