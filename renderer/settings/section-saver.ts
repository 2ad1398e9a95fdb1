// Saves settings sections a moment after they last changed, one timer per section: typing in a
// form changes the store on every key, and one write per pause is plenty (a write replaces the
// whole file). Held until the stored settings have been read, so nothing written at startup can
// replace them with defaults; flushed at once when the page goes away.
import type { SettingsSection } from '../../shared/contract/app-settings';

export const SAVE_DELAY_MS = 400;

export interface SectionSaver {
  /** Saves `value` once `section` has not changed for the delay (and the saver is released). */
  schedule(section: SettingsSection, value: unknown): void;
  /** Saves every section waiting, now (pagehide, beforeunload, the link back up). */
  flush(): void;
  /** Starts saving: what was scheduled while held goes out after the delay. */
  release(): void;
  /** What could not be sent (the link was down) waits for the next flush, unless newer came. */
  retry(section: SettingsSection, value: unknown): void;
  dispose(): void;
}

export interface SectionSaverOptions {
  send: (section: SettingsSection, value: unknown) => void;
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function createSectionSaver(options: SectionSaverOptions): SectionSaver {
  const delay = options.delayMs ?? SAVE_DELAY_MS;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const waiting = new Map<SettingsSection, unknown>();
  const timers = new Map<SettingsSection, unknown>();
  let held = true;
  let disposed = false;

  const send = (section: SettingsSection): void => {
    const timer = timers.get(section);
    if (timer !== undefined) clearTimer(timer);
    timers.delete(section);
    if (held || disposed || !waiting.has(section)) return;
    const value = waiting.get(section);
    waiting.delete(section);
    options.send(section, value);
  };

  const arm = (section: SettingsSection): void => {
    const timer = timers.get(section);
    if (timer !== undefined) clearTimer(timer);
    timers.set(section, setTimer(() => send(section), delay));
  };

  return {
    schedule(section, value) {
      if (disposed) return;
      waiting.set(section, value);
      if (!held) arm(section);
    },
    flush() {
      for (const section of [...waiting.keys()]) send(section);
    },
    release() {
      if (!held) return;
      held = false;
      for (const section of waiting.keys()) arm(section);
    },
    retry(section, value) {
      if (!disposed && !waiting.has(section)) waiting.set(section, value);
    },
    dispose() {
      disposed = true;
      for (const timer of timers.values()) clearTimer(timer);
      timers.clear();
      waiting.clear();
    },
  };
}
