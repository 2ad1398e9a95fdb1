// What our client's connection is waiting for, told truthfully: when the server is our own, what
// that server waits for (server-hint.ts, from its connection's journal); when the peer is any other
// program, only what the bytes on our side show (a request with no blank line yet, a body
// Content-Length still owes, a response that runs until the close, the server's FIN).
import type { JournalEvent } from '../contract/contract';
import type { MessageProgress } from '../http/annotate/annotator';
import { requestHint } from './server-hint';
import type { WaitingHint } from './waiting-codes';

export interface ClientSide {
  events: readonly JournalEvent[];
  /** Our requests (what we sent) and the responses (what came), as far as they are known. */
  request: MessageProgress | null;
  response: MessageProgress | null;
}

/** The server's hints that say more than the bytes can: nothing on our side shows them. */
const SERVER_FIRST = new Set(['queued_in_backlog', 'awaiting_peer_fin', 'hanging', 'answer_on_fin']);

/**
 * `server`: undefined when the peer is not ours; otherwise what our server's end of this
 * connection waits for (null: nothing).
 */
export function clientHint(client: ClientSide, server: WaitingHint | null | undefined): WaitingHint | null {
  let finSent = false;
  let peerFin = false;
  for (const e of client.events) {
    if (e.kind === 'closed' || e.kind === 'rst_sent' || e.kind === 'rst_received' || e.kind === 'error') return null;
    if (e.kind === 'fin_sent') finSent = true;
    else if (e.kind === 'peer_fin') peerFin = true;
  }
  if (finSent && peerFin) return null;
  if (server !== undefined) {
    if (server && SERVER_FIRST.has(server.code)) return server;
    // A response still arriving is what holds our client, whatever the server thinks it is done
    // with (kept alive, it waits for the next request): said from the bytes, with when it closes.
    const open = responseHint(client.response);
    if (open && server?.deadlineAt !== undefined) return { ...open, deadlineAt: server.deadlineAt, timer: server.timer ?? 'idle' };
    return open ?? server;
  }
  // Any other peer: what our side's bytes show, and nothing about its timers.
  if (peerFin) return finSent ? null : { code: 'awaiting_peer_fin', source: 'bytes', params: {} };
  const request = client.request && !finSent ? requestHint(client.request, 'bytes') : null;
  return request ?? responseHint(client.response);
}

/** A response still arriving: its Content-Length owes bytes, or it is read until the close. */
function responseHint(response: MessageProgress | null): WaitingHint | null {
  if (!response || response.ended) return null;
  if (response.phase === 'body_close') return { code: 'reads_until_close', source: 'bytes', params: {} };
  if (response.phase === 'body_length') return { code: 'response_bytes_due', source: 'bytes', params: { count: response.bytesDue } };
  return null;
}
