// The bar over a recording: what is shown (read-only), where the replay stands, and its controls:
// replay from the start, play or pause at a chosen speed, one event at a time, to the end, and back
// to the live workbench.
import { useLayoutEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecording } from './recording-switch';
import './recording.css';

const SPEEDS = [0.25, 1, 4, 16] as const;

export function RecordingBar() {
  const { t } = useTranslation();
  const { recording, open, close } = useRecording();
  const [speed, setSpeed] = useState<number>(1);
  const bridge = recording?.bridge ?? null;
  const bar = useRef<HTMLElement>(null);
  useBarHeight(bar, recording !== null);
  // Position and state, redrawn on every step of the replay.
  const progress = useSyncExternalStore(
    (onChange) => bridge?.onProgress(onChange) ?? (() => undefined),
    () => (bridge ? `${bridge.replay.position}/${bridge.state}` : ''),
  );
  if (!recording || !bridge) return null;
  const { replay, state } = bridge;
  const atMs = replay.position === 0 ? 0 : replay.timeOf(replay.position - 1);
  const restart = (): void => {
    const again = open(recording.name, bridgeSession(recording), 'start');
    again.bridge.play(speed);
  };
  return (
    <section ref={bar} className="recording-bar" role="region" aria-label={t('ui.recording.label')} data-testid="recording-bar" data-progress={progress}>
      <strong>{t('ui.recording.showing', { name: recording.name })}</strong>
      <span className="recording-position" data-testid="recording-position">
        {t('ui.recording.position', { shown: replay.position, total: replay.length, ms: atMs.toFixed(1) })}
      </span>
      <button type="button" data-testid="recording-restart" onClick={restart}>
        {t('ui.recording.restart')}
      </button>
      {state === 'playing' ? (
        <button type="button" data-testid="recording-pause" onClick={() => bridge.pause()}>
          {t('ui.recording.pause')}
        </button>
      ) : (
        <button type="button" data-testid="recording-play" disabled={state === 'ended'} onClick={() => bridge.play(speed)}>
          {t('ui.recording.play')}
        </button>
      )}
      <label>
        {t('ui.recording.speed')}{' '}
        <select data-testid="recording-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t('ui.recording.times', { speed: s })}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="recording-step" disabled={state === 'ended'} onClick={() => bridge.step()}>
        {t('ui.recording.step')}
      </button>
      <button type="button" data-testid="recording-end" disabled={state === 'ended'} onClick={() => bridge.toEnd()}>
        {t('ui.recording.toEnd')}
      </button>
      <button type="button" data-testid="recording-close" onClick={close}>
        {t('ui.recording.backToLive')}
      </button>
    </section>
  );
}

/** The session a recording was opened from (its replay holds it). */
function bridgeSession(recording: NonNullable<ReturnType<typeof useRecording>['recording']>) {
  return recording.bridge.replay.session;
}

/**
 * The bar's height as --recording-bar-h on the page: the byte view's Larger, fixed below the header
 * (journal-view.css), starts below the bar too, so the bar and its Back to live stay in sight.
 */
function useBarHeight(bar: RefObject<HTMLElement | null>, shown: boolean): void {
  useLayoutEffect(() => {
    const el = bar.current;
    const root = document.documentElement.style;
    if (!shown || !el) return;
    const measure = (): void => root.setProperty('--recording-bar-h', `${el.getBoundingClientRect().height}px`);
    measure();
    const watch = new ResizeObserver(measure); // the bar wraps on a narrow window
    watch.observe(el);
    return () => {
      watch.disconnect();
      root.removeProperty('--recording-bar-h');
    };
  }, [bar, shown]);
}
