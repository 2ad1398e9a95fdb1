// The selected step in plain words, under the diagram, with the steps before and after a click
// away; and, when an arrow was picked, a way to see its entry or its bytes in the other views.
import { useTranslation } from 'react-i18next';
import type { LadderModel } from '../../../shared/teardown/ladder-types';
import { narrate, timeText } from './ladder-words';

interface Props {
  model: LadderModel | null;
  index: number | null;
  /** Following the latest step as events arrive (no step was picked). */
  live: boolean;
  onStep: (index: number | null) => void;
  /** Shown when an arrow was picked: its journal entry, and for data its bytes. */
  onShow: ((view: 'events' | 'bytes') => void) | null;
  hasBytes: boolean;
}

export function NarrationBar({ model, index, live, onStep, onShow, hasBytes }: Props) {
  const { t } = useTranslation();
  const count = model?.steps.length ?? 0;
  const step = index === null ? null : model?.steps[index];
  return (
    <div className="narration" data-testid="narration">
      <div className="narration-nav">
        <button type="button" data-testid="step-prev" title={t('ui.teardown.step.prevTitle')} disabled={index === null || index <= 0} onClick={() => onStep((index ?? 1) - 1)}>
          {t('ui.teardown.step.prev')}
        </button>
        <span className="step-counter" data-testid="step-counter">
          {step && index !== null ? t('ui.teardown.step.label', { n: index + 1, count, time: timeText(step.t, t) }) : t('ui.teardown.status.none')}
        </span>
        <button type="button" data-testid="step-next" title={t('ui.teardown.step.nextTitle')} disabled={index === null || index >= count - 1} onClick={() => onStep((index ?? -1) + 1)}>
          {t('ui.teardown.step.next')}
        </button>
        <button type="button" data-testid="step-live" aria-pressed={live} title={t('ui.teardown.step.liveTitle')} onClick={() => onStep(null)}>
          {t('ui.teardown.step.live')}
        </button>
        {onShow && (
          <span className="narration-links">
            <button type="button" className="link-button" data-testid="show-in-events" onClick={() => onShow('events')}>
              {t('ui.teardown.step.showEvents')}
            </button>
            {hasBytes && (
              <button type="button" className="link-button" data-testid="show-in-bytes" onClick={() => onShow('bytes')}>
                {t('ui.teardown.step.showBytes')}
              </button>
            )}
          </span>
        )}
      </div>
      <p className="narration-text" data-testid="narration-text" data-code={step?.code} data-side={step?.side}>
        {step ? narrate(step, t) : '\u00a0'}
      </p>
    </div>
  );
}
