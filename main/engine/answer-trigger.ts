// When a request is answered, by settings.answerWhen (shared/server/settings.ts): on its first
// chunk, once it is complete, or on the peer's FIN; and what is journaled about the request then
// (complete, invalid, incomplete), so that the learner sees why the answer came when it did.
import type { ServerSettings } from '../../shared/server/settings';
import type { Connection } from './connection';
import { MAX_BUFFERED_REQUEST, type RequestBuffer } from './request-buffer';

/** Whether the request's trigger has come, with what was buffered so far; its note journaled if so. */
export function triggerCame(answerWhen: ServerSettings['answerWhen'], request: RequestBuffer, conn: Connection): boolean {
  switch (answerWhen) {
    case 'first_chunk':
      return request.length > 0;
    case 'request_end': {
      const state = request.state;
      if (state.state === 'complete') conn.recordNote('request_complete', { length: state.length });
      else if (state.state === 'invalid') conn.recordNote('request_invalid', { reason: state.reason });
      else return false;
      return true;
    }
    case 'peer_fin':
      if (request.length > MAX_BUFFERED_REQUEST) {
        conn.recordNote('request_invalid', { reason: 'too_large' });
        return true;
      }
      return false;
  }
}

/**
 * Whether the peer's FIN, come while the request waits for its trigger, is answered (its note
 * journaled if so), or the server hangs up too. Nothing was asked and nothing more will be: hang
 * up. (Waiting for the FIN itself, a first request is answered even if empty, like a server that
 * reads to EOF.)
 */
export function answersPeerFin(answerWhen: ServerSettings['answerWhen'], request: RequestBuffer, requests: number, conn: Connection): boolean {
  if (request.length === 0 && !(answerWhen === 'peer_fin' && requests === 1)) return false;
  if (answerWhen === 'request_end') conn.recordNote('request_invalid', { reason: 'incomplete' });
  return true;
}
