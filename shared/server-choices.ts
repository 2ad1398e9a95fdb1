// The server's choices and defaults as plain constants, with no schema library behind them: the
// renderer offers these lists and defaults without shipping zod, and shared/server-settings.ts
// builds its schemas from the same lists. The semantics of each choice are documented there.
import { DEFAULT_PRESET } from './presets';
import type { ResponderKind, ServerSettings, ServerSettingsPatch } from './server-settings';

export const RESPONDER_KINDS = ['canned', 'static', 'routes', 'echo'] as const satisfies readonly ResponderKind[];
export const ANSWER_WHEN = ['first_chunk', 'request_end', 'peer_fin'] as const;
export const AFTER_ANSWER = ['close', 'half_close', 'keep_alive', 'reset', 'hang', 'drip'] as const;
export const ACCEPT_MODES = ['concurrent', 'sequential'] as const;

/** server.start's listen defaults (shared/contract.ts): loopback, lesson L1's port, listen(5). */
export const DEFAULT_LISTEN = { host: '127.0.0.1', port: 9000, backlog: 5 } as const;

/** Lesson L1's server: its response on the first chunk, then FIN, and wait for the peer's. */
export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  responder: { kind: 'canned', bytes: DEFAULT_PRESET.bytes },
  answerWhen: 'first_chunk',
  after: 'half_close',
  halfCloseWaitMs: 10_000,
  dripBytes: 8,
  dripEveryMs: 200,
  acceptMode: 'concurrent',
  idleTimeoutMs: 120_000,
  headerTimeoutMs: 60_000,
};

/** `base` with every field the patch gives replaced. */
export function withSettings(base: ServerSettings, patch: ServerSettingsPatch): ServerSettings {
  const next = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  return next;
}
