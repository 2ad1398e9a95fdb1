// Where each side stands at the selected step: its TCP state (and whether the kernel said so or it
// is inferred), whether it can still send and still receive, and TIME_WAIT's time left.
import { useTranslation } from 'react-i18next';
import type { LadderStep, Side } from '../../../shared/teardown/ladder-types';

interface Props {
  step: LadderStep | null;
  index: number | null;
  count: number;
  timeWaitLeft: Record<Side, number | null>;
}

export function SideStatus({ step, index, count, timeWaitLeft }: Props) {
  const { t } = useTranslation();
  return (
    <aside className="side-status" data-testid="side-status" aria-live="polite">
      <h3>{step && index !== null ? t('ui.teardown.status.heading', { n: index + 1, count }) : t('ui.teardown.status.none')}</h3>
      {step &&
        (['client', 'server'] as const).map((side) => {
          const s = step.states[side];
          const left = timeWaitLeft[side];
          return (
            <section key={side} className={`side-card side-${side}`} data-testid="side-card" data-side={side} data-state={s.state} data-source={s.source} data-can-send={s.canSend} data-can-receive={s.canReceive}>
              <h4>{t(`ui.teardown.lane.${side}`)}</h4>
              <p className={`side-state src-${s.source}`}>
                <span className="state-name">{s.state}</span>
                <span className="source-badge">{t(`ui.teardown.status.${s.source}`)}</span>
              </p>
              <ul className="abilities">
                <li className={s.canSend ? 'can' : 'cannot'}>{s.canSend ? t('ui.teardown.status.canSend') : t('ui.teardown.status.cannotSend')}</li>
                <li className={s.canReceive ? 'can' : 'cannot'}>{s.canReceive ? t('ui.teardown.status.canReceive') : t('ui.teardown.status.cannotReceive')}</li>
              </ul>
              {left !== null && (
                <p className="time-wait" data-testid="time-wait-left">
                  {left > 0 ? t('ui.teardown.status.timeWait', { seconds: left }) : t('ui.teardown.status.timeWaitOver')}
                </p>
              )}
            </section>
          );
        })}
      <p className="status-help">{t('ui.teardown.status.help')}</p>
    </aside>
  );
}
