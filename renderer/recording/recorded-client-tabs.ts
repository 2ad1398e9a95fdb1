// The client console over a recording: one tab per connection our client made in it, each
// following that connection, so the transcript typed live reads back in the console (it is
// derived from the journal, which the replay reveals event by event). A recording with no client
// connection (a server's, a capture) keeps the one empty tab a fresh store starts with.
import type { SessionFile } from '../../shared/session/session-file';
import { newSession } from '../store/client-slice';
import type { ClientSession } from '../store/state-types';

export function recordedClientTabs(session: SessionFile): { sessions: ClientSession[]; activeSessionId: string } | null {
  const clients = session.connections.filter((c) => c.summary.role === 'client');
  if (clients.length === 0) return null;
  const sessions = clients.map(({ summary }) => {
    const { address, port } = summary.remote;
    // Where it connected, as the target field would have said it (an IPv6 address needs no brackets there).
    return { ...newSession(), targetText: `${address} ${port}`, connId: summary.connId };
  });
  // The last one made: in a lesson done by hand, the one the person was typing into at the end.
  return { sessions, activeSessionId: (sessions.at(-1) as ClientSession).id };
}
