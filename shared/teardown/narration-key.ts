// Which catalog sentence tells a step (ui.teardown.narrate.* in shared/i18n/en/ui-teardown.ts), and
// with what values: one choice, made here, for the renderer (through i18next) and for the golden
// files (through the English catalog), so both say the same words.
import type { teardown } from '../i18n/en/ui-teardown';
import { RST_CAUSES, type RstCause } from './rst-reason';
import type { LadderStep } from './ladder-types';

/** The catalog's sentence keys under a node, as i18next types them (plural forms without `_one` / `_other`). */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K extends `${infer B}_${'one' | 'other'}` ? B : K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type NarrateKey = Leaves<typeof teardown.narrate>;
type TimeoutWhichKey = `ui.teardown.timeoutWhich.${keyof typeof teardown.timeoutWhich}`;
type RstReasonKey = `rst.${LadderStep['side']}.${RstCause}`;

export interface NarrationKey {
  /** The key under ui.teardown.narrate, e.g. `fin_sent.client`. */
  key: NarrateKey;
  /** Values to put in; `count` picks the plural form (`_one` / `_other`). */
  params: Record<string, string | number>;
  /** Values that are themselves catalog keys (whole), to be translated first. */
  keyParams: { which?: TimeoutWhichKey; reason?: RstReasonKey };
}

/** The kernel_state sentences written out; any other state has the `other` one. */
const KERNEL_STATES_TOLD = new Set(['ESTABLISHED', 'FIN_WAIT_1', 'CLOSE_WAIT', 'LAST_ACK'] as const);
type KernelStateTold = typeof KERNEL_STATES_TOLD extends Set<infer S> ? S : never;

export function narrationKey(step: LadderStep): NarrationKey {
  const p = step.params;
  const side = step.side;
  const num = (v: string | number | undefined): number => Number(v ?? 0);
  switch (step.code) {
    case 'data_sent':
      return { key: `data_sent.${side}`, params: { count: num(p.length) }, keyParams: {} };
    case 'time_wait':
      return { key: `time_wait.${side}`, params: { seconds: num(p.seconds) }, keyParams: {} };
    case 'gave_up':
      return { key: `gave_up.${side}`, params: { ms: num(p.ms) }, keyParams: {} };
    case 'timed_out':
      return { key: `timed_out.${side}`, params: { ms: num(p.ms) }, keyParams: { which: `ui.teardown.timeoutWhich.${p.which === 'header' || p.which === 'fin_wait' || p.which === 'unread' ? p.which : 'idle'}` } };
    case 'kernel_state': {
      const state = String(p.state ?? '');
      const told = (KERNEL_STATES_TOLD as ReadonlySet<string>).has(state) ? (state as KernelStateTold) : 'other';
      return { key: `kernel_state.${told}.${side}`, params: { state }, keyParams: {} };
    }
    case 'rst_arrived': {
      // Why, in the words every other view uses for it (shared/i18n/en/rst.ts).
      const cause = (RST_CAUSES as readonly string[]).includes(String(p.cause)) ? (p.cause as RstCause) : 'mid_exchange';
      return { key: `rst_arrived.${side}`, params: {}, keyParams: { reason: `rst.${side}.${cause}` } };
    }
    default:
      return { key: `${step.code}.${side}` as NarrateKey, params: {}, keyParams: {} };
  }
}
