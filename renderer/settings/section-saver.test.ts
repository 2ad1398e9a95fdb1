import { describe, expect, it } from 'vitest';
import type { SettingsSection } from '../../shared/contract/app-settings';
import { createSectionSaver } from './section-saver';

/** Hand-cranked timers: `advance(ms)` runs what falls due. */
function clock() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    setTimer: (run: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at > now) continue;
        timers.delete(id);
        t.run();
      }
    },
  };
}

function saver() {
  const c = clock();
  const sent: [SettingsSection, unknown][] = [];
  const s = createSectionSaver({ send: (section, value) => sent.push([section, value]), delayMs: 400, ...c });
  return { s, c, sent };
}

describe('createSectionSaver', () => {
  it('sends nothing while held, then each section once, 400 ms after its last change', () => {
    const { s, c, sent } = saver();
    s.schedule('server', 1);
    c.advance(1000);
    expect(sent).toEqual([]);
    s.release();
    s.schedule('server', 2);
    c.advance(300);
    s.schedule('server', 3);
    s.schedule('layout', 'a');
    c.advance(399);
    expect(sent).toEqual([]);
    c.advance(1);
    expect(sent).toEqual([
      ['server', 3],
      ['layout', 'a'],
    ]);
  });

  it('flushes what waits at once, and only once', () => {
    const { s, c, sent } = saver();
    s.release();
    s.schedule('client', 'x');
    s.flush();
    c.advance(1000);
    s.flush();
    expect(sent).toEqual([['client', 'x']]);
  });

  it('keeps a value that could not be sent for the next flush, unless a newer one is waiting', () => {
    const { s, sent } = saver();
    s.release();
    s.retry('layout', 'old');
    s.schedule('server', 'newer');
    s.retry('server', 'older');
    s.flush();
    expect(sent).toEqual([
      ['layout', 'old'],
      ['server', 'newer'],
    ]);
  });

  it('sends nothing after dispose', () => {
    const { s, c, sent } = saver();
    s.release();
    s.schedule('server', 1);
    s.dispose();
    c.advance(1000);
    s.flush();
    expect(sent).toEqual([]);
  });
});
