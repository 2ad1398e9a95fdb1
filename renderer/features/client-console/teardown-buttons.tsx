// The three ways to end a connection, each saying what goes on the wire (RFC 9293 section 3.6:
// FIN is an orderly close of one direction; RST aborts the whole connection at once).
import { useTranslation } from 'react-i18next';
import type { ClientPhase } from '../../store/client-slice';
import { TipButton } from '../../ui/tip-button';
import type { Teardown } from './client-commands';

export function TeardownButtons({ phase, onTeardown }: { phase: ClientPhase; onTeardown: (how: Teardown) => void }) {
  const { t } = useTranslation();
  const live = phase === 'open' || phase === 'fin_received' || phase === 'fin_sent' || phase === 'fin_both';
  const writable = phase === 'open' || phase === 'fin_received';
  return (
    <div className="buttons teardown" role="group" aria-label={t('ui.client.teardownGroup')}>
      <TipButton testId="client-halfclose" tip={t('ui.client.halfCloseTip')} disabled={!writable} onClick={() => onTeardown('client.halfClose')}>
        {t('ui.client.halfClose')}
      </TipButton>
      <TipButton testId="client-close" tip={t('ui.client.closeTip')} disabled={!live} onClick={() => onTeardown('client.close')}>
        {t('ui.client.close')}
      </TipButton>
      <TipButton testId="client-reset" className="danger" tip={t('ui.client.resetTip')} disabled={!live} onClick={() => onTeardown('client.reset')}>
        {t('ui.client.resetButton')}
      </TipButton>
    </div>
  );
}
