// Everything that happened on the selected connection, in order, with the time since it began
// (Events); its bytes each way as streams, in text and hex (Bytes, features/exchange); or how it
// was torn down, as a ladder diagram (Diagram, features/teardown). Those two views come in as props
// from app.tsx, so this feature imports no other and can be drawn alone in a test.
import type { ConnSummary, JournalEvent } from '../../../shared/contract/contract';
import { errorSentenceKey } from '../../../shared/i18n/error-key';
import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAddress } from '../../lib/format';
import { selectConn } from '../../store/connections-slice';
import type { ConnJournal } from '../../store/journal-merge';
import { useWirebench } from '../../store/store-context';
import { PanelBoundary } from '../../ui/panel-boundary';
import { selectJournalLarge, selectJournalView, selectSelectedConnId, selectSelectedSeq } from '../../store/ui-slice';
import { JournalEntry } from './journal-entry';
import { VIRTUAL_FROM, VirtualJournalList } from './virtual-journal-list';
import { useJournal } from '../../journal/use-journal';
import './journal-view.css';

interface JournalViewProps {
  /** Bytes: the connection's streams (features/exchange's ByteView). */
  BytesView: ComponentType<{ connId: string; conn: ConnSummary; events: readonly JournalEvent[]; roomy: boolean }>;
  /** Diagram: how the connection was torn down (features/teardown's TeardownView). */
  DiagramView: ComponentType<{ connId: string | null }>;
}

export function JournalView({ BytesView, DiagramView }: JournalViewProps) {
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
  const diagram = view === 'diagram';
  // Bytes and Diagram both want room; Events sits beside the connections.
  const roomy = bytes || diagram;

  const heading = conn
    ? t('ui.journal.headingFor', {
        role: t(`ui.conns.role.${conn.role}`),
        endpoints: t('ui.conns.endpoints', { local: formatAddress(conn.local), remote: formatAddress(conn.remote) }),
      })
    : t('ui.journal.heading');

  return (
    <section className={`panel journal-panel${roomy && large ? ' journal-large' : ''}`} aria-labelledby="journal-heading" data-view={view}>
      <header className="panel-header">
        <h2 id="journal-heading">{heading}</h2>
        <div className="journal-views">
          <div className="segmented" role="group" aria-label={t('ui.bytes.views')}>
            <button type="button" aria-pressed={view === 'events'} data-testid="journal-view-events" title={t('ui.bytes.viewEventsTitle')} onClick={() => setView('events')}>
              {t('ui.bytes.viewEvents')}
            </button>
            <button type="button" aria-pressed={bytes} data-testid="journal-view-bytes" title={t('ui.bytes.viewBytesTitle')} onClick={() => setView('bytes')}>
              {t('ui.bytes.viewBytes')}
            </button>
            <button type="button" aria-pressed={diagram} data-testid="journal-view-diagram" title={t('ui.teardown.viewTitle')} onClick={() => setView('diagram')}>
              {t('ui.teardown.view')}
            </button>
          </div>
          {roomy && (
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
      {/* Each view behind its own boundary, under the view buttons: a view that fails leaves the
          buttons working, and choosing another view (or connection) draws afresh. */}
      <PanelBoundary panel={diagram ? 'diagram' : bytes ? 'bytes' : 'events'} resetKeys={[view, connId]}>
        {diagram ? (
          <DiagramView connId={connId} />
        ) : bytes && conn && connId && journal ? (
          <BytesView key={connId} connId={connId} conn={conn} events={journal.events} roomy={large} />
        ) : (
          <EventList connId={connId} journal={journal} />
        )}
      </PanelBoundary>
    </section>
  );
}

function EventList({ connId, journal }: { connId: string | null; journal: ConnJournal | undefined }) {
  const { t } = useTranslation();
  // In state, not a ref: the virtualized list (a child) needs it, and a parent's ref is set only
  // after its children have mounted.
  const [scroll, setScroll] = useState<HTMLDivElement | null>(null);
  const events = journal?.events ?? NO_EVENTS;
  // An entry picked in the diagram (an arrow): marked here too.
  const selectedSeq = useWirebench(selectSelectedSeq(connId));
  // Focusable, so the keyboard can scroll it (its entries hold no control of their own).
  return (
    <div ref={setScroll} className="journal-scroll" data-testid="journal" data-conn-id={connId ?? undefined} tabIndex={0} role="region" aria-label={t('ui.journal.eventsLabel')}>
      {!connId || !journal ? (
        <p className="empty">{t('ui.journal.none')}</p>
      ) : (
        <>
          {journal.error && (
            <p className="message message-error" role="alert">
              {t('ui.journal.failed', { reason: t(errorSentenceKey(journal.error), journal.error.params) })}
            </p>
          )}
          {events.length === 0 && (
            <p className="empty">{journal.loading || journal.needsFetch ? t('ui.journal.loading') : t('ui.journal.empty')}</p>
          )}
          {events.length >= VIRTUAL_FROM ? (
            // Another connection, another list: its heights and scroll position start afresh.
            <VirtualJournalList key={connId} events={events} selectedSeq={selectedSeq} scrollElement={scroll} belowMessage={journal.error !== null} />
          ) : (
            <ol className="journal-list">
              {events.map((e) => (
                <JournalEntry key={e.seq} event={e} selected={e.seq === selectedSeq} />
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}

const NO_EVENTS: readonly JournalEvent[] = [];
