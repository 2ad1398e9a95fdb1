// The server's choices as plain constants, with no imports: the lists the forms and the CLI offer,
// from which shared/server/settings.ts builds its schemas (and checks RESPONDER_KINDS against its
// responders). The semantics of each choice are documented there.
export const RESPONDER_KINDS = ['canned', 'static', 'routes', 'echo'] as const;
export const ANSWER_WHEN = ['first_chunk', 'request_end', 'peer_fin'] as const;
export const AFTER_ANSWER = ['close', 'half_close', 'keep_alive', 'reset', 'hang', 'drip'] as const;
export const ACCEPT_MODES = ['concurrent', 'sequential'] as const;

/** server.start's listen defaults (shared/contract/contract.ts): loopback, lesson L1's port, listen(5). */
export const DEFAULT_LISTEN = { host: '127.0.0.1', port: 9000, backlog: 5 } as const;
