// Every narration code has its sentence, for each side, in the English catalog: a step never
// shows a bare key.
import { describe, expect, it } from 'vitest';
import { NARRATION_CODES, type LadderStep } from './ladder-types';
import { englishNarration } from './testing/ladder-golden';
import { TCP_STATES } from './tcp-states';

const open = { state: 'ESTABLISHED', source: 'inferred', timerMs: null, timerRef: null, canSend: true, canReceive: true } as const;
const step = (code: LadderStep['code'], side: LadderStep['side'], params: LadderStep['params'] = {}): LadderStep => ({ t: 0, code, side, params, arrow: null, ref: null, states: { client: open, server: open } });

describe('narrationKey', () => {
  for (const side of ['client', 'server'] as const) {
    it(`has a sentence for every code, the ${side} telling`, () => {
      for (const code of NARRATION_CODES) {
        const text = englishNarration(step(code, side, { length: 2, seconds: 60, ms: 1500, which: 'idle', state: 'FIN_WAIT_1' }));
        expect(text, code).not.toMatch(/\{\{|undefined/);
        expect(text, code).toContain(side);
      }
      for (const state of TCP_STATES) expect(englishNarration(step('kernel_state', side, { state }))).toContain(state);
      expect(englishNarration(step('data_sent', side, { length: 1 }))).toContain('1 byte.');
      expect(englishNarration(step('timed_out', side, { ms: 5, which: 'fin_wait' }))).toContain('wait-for-FIN');
      expect(englishNarration(step('timed_out', side, { ms: 5, which: 'unread' }))).toContain('unread-answer');
      // Why an RST came, in the words every other view uses (shared/i18n/en/rst.ts).
      expect(englishNarration(step('rst_arrived', side, { cause: 'before_data' }))).toContain('before sending anything');
    });
  }
});
