// The shape every language's presets and fixes words take (shared/i18n/<language>/ui-presets.ts),
// so that a preset or a fix added to the server without words is a compile error in each catalog.
import type { PresetName } from '../server/presets';
import type { FixCode } from '../server/response-fixes';

/** Each preset's label and the one thing it teaches. */
export type PresetWords = Record<PresetName, { label: string; teaches: string }>;

/** Fixes whose words count something (LFs, lines, bytes): plural forms, picked by `count`. */
type CountedFix = 'bare_lf_to_crlf' | 'remove_empty_line' | 'remove_bytes_after_body';

/** Each fix's words; a counted one in each plural form the language has (en: one, other). */
export type FixWords<Form extends string> = Record<Exclude<FixCode, CountedFix> | `${CountedFix}_${Form}`, string>;
