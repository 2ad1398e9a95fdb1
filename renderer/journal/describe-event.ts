// One journal event in plain words: what happened, with the addresses, sizes or codes that matter.
// Outside features/: the journal panel's entries and the client console's transcript say it alike.
import type { JournalEvent } from '../../shared/contract/contract';
import type { TFunction } from 'i18next';
import { noteSentence } from '../../shared/i18n/coded-sentences';
import { ui } from '../../shared/i18n/en/ui';
import { asAmount } from '../../shared/i18n/number-format';
import { amountParam, durationText, formatAddress } from '../lib/format';

type OsErrorKey = keyof typeof ui.osErrors;

export function describeEvent(event: JournalEvent, t: TFunction): string {
  switch (event.kind) {
    case 'opened': {
      const ends = { local: formatAddress(event.local), remote: formatAddress(event.remote) };
      return event.role === 'server' ? t('ui.journal.accepted', ends) : t('ui.journal.connected', ends);
    }
    case 'data':
      return event.dir === 'in'
        ? t('ui.journal.received', { count: event.length })
        : t('ui.journal.sent', { count: event.length });
    case 'peer_fin':
      return t('ui.journal.peerFin');
    case 'fin_sent':
      return t('ui.journal.finSent');
    case 'rst_sent':
      return t('ui.journal.rstSent');
    case 'rst_received':
      return t('ui.journal.rstReceived', { how: t(`rst.how.${event.how}`) });
    case 'error':
      return t('ui.journal.error', { code: event.code, explanation: t(`ui.osErrors.${osErrorKey(event.code)}`) });
    case 'closed':
      return event.hadError ? t('ui.journal.closedAfterError') : t('ui.journal.closed');
    case 'queued':
      return t('ui.journal.queued', { position: event.position });
    case 'dequeued':
      return t('ui.journal.dequeued');
    case 'timeout':
      return t(`ui.journal.timeout.${event.which}`, { time: durationText(event.ms, t) });
    case 'note':
      return noteSentence(t, event.code, event.params);
    case 'tcp_state':
      return event.timerMs === null
        ? t('ui.journal.tcpState', { state: event.state })
        : t('ui.journal.tcpStateTimer', { state: event.state, seconds: amountParam(asAmount(event.timerMs / 1000, 1)) });
  }
}

function osErrorKey(code: string): OsErrorKey {
  return Object.hasOwn(ui.osErrors, code) ? (code as OsErrorKey) : 'other';
}
