// "Why is it waiting?": the closed list of reasons an exchange can stall for, as codes with
// params (the words are in shared/i18n/en/ui-waiting.ts and cli.ts, never here). Each hint also
// says whose knowledge it is: our own server's state (the engine's stage and timers), or only
// what the bytes on our side of the connection show (any other peer).
export const WAITING_CODES = [
  /** Sequential server: connected, but accept() has not returned for it yet. params: { position } */
  'queued_in_backlog',
  /** The server waits for the first byte of a request. */
  'awaiting_request',
  /** The head has no blank line yet (its request line may not have ended either). */
  'awaiting_blank_line',
  /** Content-Length's body is not all in. params: { count } (bytes still due) */
  'body_bytes_due',
  /** A chunked body waits for the next chunk's size line (or the CRLF after a chunk's data). */
  'chunk_size_due',
  /** A chunk's data is not all in. params: { count } */
  'chunk_data_due',
  /** The server answers once the client half-closes (answer timing "at the client's FIN"). */
  'answer_on_fin',
  /** The server hangs on purpose (after: hang): it never answers. */
  'hanging',
  /** The server sent its FIN and waits for the client's (half-close). params: { seconds } (its wait, 0: none) */
  'awaiting_peer_fin',
  /** Kept alive, idle: waiting for the next request. params: { seconds } (the silence it allows) */
  'keep_alive_idle',
  /** The response's Content-Length promises more bytes than came. params: { count } */
  'response_bytes_due',
  /** The response has no Content-Length and is not chunked: it ends when the server closes. */
  'reads_until_close',
] as const;
export type WaitingCode = (typeof WAITING_CODES)[number];

/** Which server timer ends a wait: no byte for idleTimeoutMs, the request not complete within headerTimeoutMs, the half-close wait. */
export type WaitingTimer = 'idle' | 'header' | 'fin_wait';

export interface WaitingHint {
  code: WaitingCode;
  /** 'server': what our own server waits for (its state and timers); 'bytes': only what our side's bytes show. */
  source: 'server' | 'bytes';
  params: Record<string, number>;
  /**
   * When a server timer ends the wait, in ms since the epoch by the engine's clock (a journal
   * event's `at` plus the timer's ms): the views count down to it, as the TIME_WAIT timer does.
   */
  deadlineAt?: number;
  timer?: WaitingTimer;
}

/** Two hints say the same (a view re-announces, the CLI reprints, only when this changes). */
export function sameHint(a: WaitingHint | null, b: WaitingHint | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a.params);
  return (
    a.code === b.code &&
    a.source === b.source &&
    a.deadlineAt === b.deadlineAt &&
    keys.length === Object.keys(b.params).length &&
    keys.every((k) => a.params[k] === b.params[k])
  );
}
