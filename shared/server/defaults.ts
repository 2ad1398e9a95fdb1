// The server's defaults: lesson L1's settings, and how a patch applies to settings. Apart from
// choices.ts because they need a preset's bytes and the settings' types, which themselves use the
// choices.
import { DEFAULT_PRESET } from './presets';
import type { ServerSettings, ServerSettingsPatch } from './settings';

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
