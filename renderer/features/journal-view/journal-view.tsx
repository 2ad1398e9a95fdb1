// Everything that happened on the selected connection, in order, with the time since it began
// (Events); or its bytes each way as streams, in text and hex (Bytes, features/exchange).
import { errorSentenceKey } from '../../../shared/i18n/error-key';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAddress } from '../../lib/format';
import { selectConn } from '../../store/connections-slice';
import type { ConnJournal } from '../../store/journal-merge';
import { useWirebench } from '../../store/store';
import { selectJournalLarge, selectJournalView, selectSelectedConnId } from '../../store/ui-slice';
import { ByteView } from '../exchange/byte-view';
import { JournalEntry } from './journal-entry';
import { journalWindow } from './journal-window';
import { useJournal } from './use-journal';
import './journal-view.css';

export function JournalView() {
  const { t } = useTranslation();
  const connId = useWirebench(selectSelectedConnId);
  const conn = useWirebench(selectConn(connId));
  const journal = useJournal(connId);
  // In the store, not here: the choice is kept across restarts (renderer/settings).
  const view = useWirebench(selectJournalView);
  const large = useWirebench(selectJournalLarge);
  const setView = useWirebench((s) => s.setJournalView);
  const setLarge = useWirebench((s) => s.setJournalLarge);
  const bytes = view === 'bytes';

  const heading = conn
    ? t('ui.journal.headingFor', {
        role: t(`ui.conns.role.${conn.role}`),
        endpoints: t('ui.conns.endpoints', { local: formatAddress(conn.local), remote: formatAddress(conn.remote) }),
      })
    : t('ui.journal.heading');

  return (
    <section className={`panel journal-panel${bytes && large ? ' journal-large' : ''}`} aria-labelledby="journal-heading" data-view={view}>
      <header className="panel-header">
        <h2 id="journal-heading">{heading}</h2>
        <div className="journal-views">
          <div className="view-toggle" role="group" aria-label={t('ui.bytes.views')}>
            <button type="button" aria-pressed={!bytes} data-testid="journal-view-events" title={t('ui.bytes.viewEventsTitle')} onClick={() => setView('events')}>
              {t('ui.bytes.viewEvents')}
            </button>
            <button type="button" aria-pressed={bytes} data-testid="journal-view-bytes" title={t('ui.bytes.viewBytesTitle')} onClick={() => setView('bytes')}>
              {t('ui.bytes.viewBytes')}
            </button>
          </div>
          {bytes && (
            <button
              type="button"
              className="size-toggle"
              data-testid="journal-size"
              aria-pressed={large}
              title={large ? t('ui.bytes.collapseTitle') : t('ui.bytes.expandTitle')}
              onClick={() => setLarge(!large)}
            >
              {large ? t('ui.bytes.collapse') : t('ui.bytes.expand')}
            </button>
          )}
        </div>
      </header>
      {bytes && conn && connId && journal ? (
        <ByteView key={connId} connId={connId} conn={conn} events={journal.events} roomy={large} />
      ) : (
        <EventList connId={connId} journal={journal} />
      )}
    </section>
  );
}

function EventList({ connId, journal }: { connId: string | null; journal: ConnJournal | undefined }) {
  const { t } = useTranslation();
  const { head, hidden, tail } = useMemo(() => journalWindow(journal?.events ?? []), [journal?.events]);
  return (
    <div className="journal-scroll" data-testid="journal" data-conn-id={connId ?? undefined}>
      {!connId || !journal ? (
        <p className="empty">{t('ui.journal.none')}</p>
      ) : (
        <>
          {journal.error && (
            <p className="message message-error" role="alert">
              {t('ui.journal.failed', { reason: t(errorSentenceKey(journal.error), journal.error.params) })}
            </p>
          )}
          {journal.events.length === 0 && (
            <p className="empty">{journal.loading || journal.needsFetch ? t('ui.journal.loading') : t('ui.journal.empty')}</p>
          )}
          <ol className="journal-list">
            {head.map((e) => (
              <JournalEntry key={e.seq} event={e} />
            ))}
            {hidden > 0 && (
              <li className="journal-gap" data-testid="journal-gap">
                {t('ui.journal.hidden', { count: hidden })}
              </li>
            )}
            {tail.map((e) => (
              <JournalEntry key={e.seq} event={e} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
