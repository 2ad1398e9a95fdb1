// The seven teardown scenarios one click away, each with the line that says what it shows. Usable
// with no connection selected: running one selects its client connection and draws it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/contract/contract';
import { errorSentenceKey } from '../../../shared/i18n/error-key';
import { TEARDOWN_SCENARIOS, type TeardownScenario } from '../../../shared/teardown/tcp-states';
import { useBridge } from '../../bridge/bridge-context';
import { useReadOnly, useReadOnlyTip } from '../../recording/read-only';
import { useWirebenchStore } from '../../store/store-context';
import { runScenario } from './scenario-commands';

export function ScenarioBar() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useWirebenchStore();
  const [running, setRunning] = useState<TeardownScenario | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  // The one run last is the one drawn (until another connection is picked): marked as such.
  const [last, setLast] = useState<TeardownScenario | null>(null);
  // A scenario runs real sockets: not over a recording.
  const readOnly = useReadOnly();
  const readOnlyTip = useReadOnlyTip();

  const run = async (scenario: TeardownScenario): Promise<void> => {
    setRunning(scenario);
    setError(null);
    const failed = await runScenario(bridge, store, scenario);
    setError(failed);
    setLast(failed ? null : scenario);
    setRunning(null);
  };

  return (
    <nav className="scenario-bar" aria-labelledby="scenario-heading" data-testid="scenario-bar">
      <h3 id="scenario-heading">{t('ui.teardown.scenarios.heading')}</h3>
      <p className="scenario-hint">{t('ui.teardown.scenarios.hint')}</p>
      <ul>
        {TEARDOWN_SCENARIOS.map((s) => (
          <li key={s}>
            <button type="button" className={last === s ? 'scenario-last' : undefined} data-testid={`scenario-${s}`} disabled={running !== null || readOnly} title={readOnlyTip} aria-busy={running === s} onClick={() => void run(s)}>
              <span className="scenario-label">{running === s ? t('ui.teardown.scenarios.running') : t(`ui.teardown.scenarios.${s}.label`)}</span>
              <span className="scenario-description">{t(`ui.teardown.scenarios.${s}.description`)}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="message message-error" role="alert">
          {t('ui.teardown.scenarios.failed', { reason: t(errorSentenceKey(error), error.params) })}
        </p>
      )}
    </nav>
  );
}
