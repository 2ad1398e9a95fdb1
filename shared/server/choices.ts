// The server's choices as plain constants, with no imports: the lists the forms and the CLI offer,
// from which shared/server/settings.ts builds its schemas (and checks RESPONDER_KINDS against its
// responders). The semantics of each choice are documented there.
export const RESPONDER_KINDS = ['canned', 'static', 'routes', 'echo'] as const;
export const ANSWER_WHEN = ['first_chunk', 'request_end', 'peer_fin'] as const;
export const AFTER_ANSWER = ['close', 'half_close', 'keep_alive', 'reset', 'hang', 'drip'] as const;
export const ACCEPT_MODES = ['concurrent', 'sequential'] as const;

/** server.start's listen defaults (shared/contract/contract.ts): loopback, lesson L1's port, listen(5). */
export const DEFAULT_LISTEN = { host: '127.0.0.1', port: 9000, backlog: 5 } as const;

/**
 * The port each lesson's own server listens on (LESSONS.md): L1 9000, L2 8888, L4's static server
 * 7788 (its first). LESSONS.md names none for L3; its server (the classic "raw Python server" with
 * a page, test.jpg and a form) listens on 8000, which `wirebench serve --l3` takes.
 */
export const LESSON_PORTS = { L1: 9000, L2: 8888, L3: 8000, L4: 7788 } as const;
