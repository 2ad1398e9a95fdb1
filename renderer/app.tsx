// The workbench's layout: server and client on top, connections and the selected journal below.
import { useTranslation } from 'react-i18next';
import { ClientConsole } from './features/client-console/client-console';
import { ConnectionList } from './features/connection-list/connection-list';
import { JournalView } from './features/journal-view/journal-view';
import { ServerPanel } from './features/server-panel/server-panel';
import { SettingsNotices } from './features/settings-notices/settings-notices';
import { useWirebench } from './store/store';
import { selectLink } from './store/ui-slice';
import { LinkBanner } from './ui/link-banner';
import './app.css';

export function App() {
  const { t } = useTranslation();
  // While the link is down nothing on screen is live: say so by dimming it, not only in the banner.
  const stale = useWirebench(selectLink) === 'down';
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('ui.app.title')}</h1>
        <p className="tagline">{t('ui.app.tagline')}</p>
        <LinkBanner />
      </header>
      <SettingsNotices />
      <main className={stale ? 'workbench stale' : 'workbench'} aria-busy={stale}>
        <ServerPanel />
        <ClientConsole />
        <ConnectionList />
        <JournalView />
      </main>
    </div>
  );
}
