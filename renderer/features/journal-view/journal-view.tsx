// Everything that happened on the selected connection, in order, with the time since it began.
import { errorSentenceKey } from '../../../shared/i18n/error-key';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAddress } from '../../lib/format';
import { selectConn } from '../../store/connections-slice';
import { useWirebench } from '../../store/store';
import { selectSelectedConnId } from '../../store/ui-slice';
import { JournalEntry } from './journal-entry';
import { journalWindow } from './journal-window';
import { useJournal } from './use-journal';
import './journal-view.css';

export function JournalView() {
  const { t } = useTranslation();
  const connId = useWirebench(selectSelectedConnId);
  const conn = useWirebench(selectConn(connId));
  const journal = useJournal(connId);
  const { head, hidden, tail } = useMemo(() => journalWindow(journal?.events ?? []), [journal?.events]);

  const heading = conn
    ? t('ui.journal.headingFor', {
        role: t(`ui.conns.role.${conn.role}`),
        endpoints: t('ui.conns.endpoints', { local: formatAddress(conn.local), remote: formatAddress(conn.remote) }),
      })
    : t('ui.journal.heading');

  return (
    <section className="panel journal-panel" aria-labelledby="journal-heading">
      <header className="panel-header">
        <h2 id="journal-heading">{heading}</h2>
      </header>
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
    </section>
  );
}
