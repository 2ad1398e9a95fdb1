// Time down the diagram: compressed (one evenly spaced row per moment) or to scale.
import { useTranslation } from 'react-i18next';
import type { TimeMode } from './ladder-layout';

const MODES: readonly TimeMode[] = ['compressed', 'scale'];

export function TimeToggle({ mode, onMode }: { mode: TimeMode; onMode: (mode: TimeMode) => void }) {
  const { t } = useTranslation();
  return (
    <div className="time-toggle" role="group" aria-label={t('ui.teardown.time.label')}>
      <span className="toolbar-label">{t('ui.teardown.time.label')}</span>
      <div className="segmented">
        {MODES.map((m) => (
          <button key={m} type="button" data-testid={`ladder-time-${m}`} aria-pressed={mode === m} title={t(`ui.teardown.time.${m}Title`)} onClick={() => onMode(m)}>
            {t(`ui.teardown.time.${m}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
