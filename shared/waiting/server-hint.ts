// What our own server waits for on one of its connections, from that connection's journal (the
// engine's decisions are its notes: shared/contract/notes.ts), where its request stream stands
// (the annotator, which frames requests as the engine does: shared/http/framing.ts), and the
// server's settings, the same rules main/engine/server-exchange.ts follows:
// - a request's timers start when it starts (accept, dequeue, or the answer before it under
//   keep-alive): the header timeout from then, the idle timeout from then or the last byte in;
// - after a half-close the server waits halfCloseWaitMs for the client's FIN (the note's ms).
// The settings are today's: a change applies from the next request, so a wait begun before a
// change may end at the old time (the timeout event, when it comes, says which).
import type { JournalEvent } from '../contract/contract';
import type { MessageProgress } from '../http/annotate/annotator';
import type { ServerSettings } from '../server/settings';
import type { WaitingHint, WaitingTimer } from './waiting-codes';

export interface ServerSide {
  settings: Pick<ServerSettings, 'answerWhen' | 'idleTimeoutMs' | 'headerTimeoutMs' | 'acceptMode'>;
  /** ServerStats.queued: the connections waiting for accept(), in order (positions move as the queue does). */
  queued: readonly string[];
}

/** Events that settle what the server is doing; the last one before now decides. */
type Milestone = Extract<JournalEvent, { kind: 'opened' | 'queued' | 'dequeued' | 'note' }>;
const MILESTONE_NOTES = new Set(['keep_alive_waiting', 'answered', 'request_complete', 'request_invalid', 'hanging', 'waiting_for_fin', 'drip_started', 'keep_alive_declined']);

export function serverHint(events: readonly JournalEvent[], request: MessageProgress | null, server: ServerSide): WaitingHint | null {
  let milestone: Milestone | null = null;
  let lastIn: number | null = null;
  let peerFin = false;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as JournalEvent;
    // Closed, reset, timed out, failed: nothing is waited for any more.
    if (e.kind === 'closed' || e.kind === 'rst_sent' || e.kind === 'rst_received' || e.kind === 'timeout' || e.kind === 'error') return null;
    if (e.kind === 'peer_fin') peerFin = true;
    if (e.kind === 'data' && e.dir === 'in') lastIn ??= e.at;
    if (e.kind === 'opened' || e.kind === 'queued' || e.kind === 'dequeued' || (e.kind === 'note' && MILESTONE_NOTES.has(e.code))) {
      milestone = e;
      break;
    }
  }
  if (milestone === null) return null;
  const source = 'server' as const;
  const { settings } = server;
  switch (milestone.kind) {
    case 'queued': {
      const at = server.queued.indexOf(milestone.connId);
      return { code: 'queued_in_backlog', source, params: { position: at >= 0 ? at + 1 : milestone.position } };
    }
    case 'opened':
    case 'dequeued':
      if (milestone.kind === 'opened' && settings.acceptMode === 'sequential' && server.queued.includes(milestone.connId)) {
        return { code: 'queued_in_backlog', source, params: { position: server.queued.indexOf(milestone.connId) + 1 } };
      }
      return peerFin ? null : triggerHint(request, settings, milestone.at, lastIn);
    case 'note':
      break;
  }
  switch (milestone.code) {
    case 'waiting_for_fin': {
      if (peerFin) return null;
      const ms = Number(milestone.params.ms ?? 0);
      const hint: WaitingHint = { code: 'awaiting_peer_fin', source, params: { seconds: Math.round(ms / 1000) } };
      return ms > 0 ? { ...hint, deadlineAt: milestone.at + ms, timer: 'fin_wait' } : hint;
    }
    case 'hanging':
      return peerFin ? null : { code: 'hanging', source, params: {} };
    case 'keep_alive_waiting': {
      if (peerFin) return null;
      // Bytes of a request are in: the rest of the one answered early (on its first chunk), or
      // the next one, whose end the server waits for (it frames requests under keep-alive).
      if (request && (request.phase !== 'start' || request.pendingBytes > 0)) {
        const due = settings.answerWhen === 'peer_fin' ? { code: 'answer_on_fin' as const, source, params: {} } : requestHint(request, source);
        return due && withTimer(due, settings, milestone.at, lastIn);
      }
      return withTimer({ code: 'keep_alive_idle', source, params: {} }, settings, milestone.at, lastIn);
    }
    default:
      // Answering, dripping, sending, closing: the server is at work, not waiting for the client.
      return null;
  }
}

/** Waiting for this request's trigger (shared/server/settings.ts AnswerWhen), since `from`. */
function triggerHint(request: MessageProgress | null, settings: ServerSide['settings'], from: number, lastIn: number | null): WaitingHint | null {
  const source = 'server' as const;
  const started = request !== null && (request.phase !== 'start' || request.pendingBytes > 0);
  let hint: WaitingHint | null = null;
  if (settings.answerWhen === 'peer_fin') hint = { code: 'answer_on_fin', source, params: {} };
  else if (!started) hint = request === null && lastIn !== null && lastIn >= from ? null : { code: 'awaiting_request', source, params: {} };
  else if (settings.answerWhen === 'request_end' && request) hint = requestHint(request, source);
  return hint && withTimer(hint, settings, from, lastIn);
}

/** What a request still lacks, by where its stream stands; null once nothing is due. */
export function requestHint(request: MessageProgress, source: WaitingHint['source']): WaitingHint | null {
  switch (request.phase) {
    case 'start':
      return request.pendingBytes > 0 ? { code: 'awaiting_blank_line', source, params: {} } : null;
    case 'head':
    case 'trailers':
      return { code: 'awaiting_blank_line', source, params: {} };
    case 'body_length':
      return { code: 'body_bytes_due', source, params: { count: request.bytesDue } };
    case 'chunk_size':
    case 'chunk_end':
      return { code: 'chunk_size_due', source, params: {} };
    case 'chunk_data':
      return { code: 'chunk_data_due', source, params: { count: request.bytesDue } };
    default:
      return null;
  }
}

/** The server timer that ends this wait first: the header timeout from `from`, the idle one from `from` or the last byte in. */
function withTimer(hint: WaitingHint, settings: ServerSide['settings'], from: number, lastIn: number | null): WaitingHint {
  const candidates: [WaitingTimer, number][] = [];
  if (settings.idleTimeoutMs > 0) candidates.push(['idle', Math.max(from, lastIn ?? from) + settings.idleTimeoutMs]);
  if (settings.headerTimeoutMs > 0) candidates.push(['header', from + settings.headerTimeoutMs]);
  const first = candidates.sort((a, b) => a[1] - b[1])[0];
  if (!first) return hint;
  // keep_alive_idle says how long a silence the server allows: the timer that will end it.
  const params = hint.code === 'keep_alive_idle' ? { seconds: Math.round((first[1] - from) / 1000) } : hint.params;
  return { ...hint, params, timer: first[0], deadlineAt: first[1] };
}
