// The client console: like `telnet host port`, but every byte both ways stays visible, and as
// many sessions as the lesson needs, one per tab.
import { useTranslation } from 'react-i18next';
import { ReadOnlyNote } from '../../recording/read-only';
import { ReadOnlyGroup } from '../../recording/read-only-group';
import { selectActiveSession } from '../../store/client-slice';
import { useWirebench } from '../../store/store-context';
import { ClientSessionView } from './client-session';
import { SessionTabs } from './session-tabs';
import './client-console.css';

export function ClientConsole() {
  const { t } = useTranslation();
  const session = useWirebench(selectActiveSession);
  return (
    <section className="panel client-console" aria-labelledby="client-heading">
      <header className="panel-header">
        <h2 id="client-heading">
          {t('ui.client.heading')} <span className="subheading">{t('ui.client.subheading')}</span>
        </h2>
      </header>
      <ReadOnlyNote testId="client-read-only" />
      {/* Outside the read-only group: a recording's client tabs (one per connection it made) still switch. */}
      <SessionTabs />
      {/* A recording has no client to drive: every control of the console is disabled. */}
      <ReadOnlyGroup>
        {/* Keyed by session: each tab's local state (history position, key count) is its own. */}
        <ClientSessionView key={session.id} session={session} />
      </ReadOnlyGroup>
    </section>
  );
}
