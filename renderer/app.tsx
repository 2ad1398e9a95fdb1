// The workbench's layout (issue 17): the exchange is the main area. A side column holds the server
// card or the lessons; the client console has the full height beside it; the connections sit above
// the journal. The panes resize, fold and come back (renderer/layout/), their sizes kept.
// Each panel sits behind an error boundary of its own (renderer/ui/panel-boundary.tsx): one that
// fails to draw shows why in its place, and the others keep working. Features never import one
// another: where one panel shows another's view (the server's response editor, the journal's Bytes
// and Diagram), it is handed in here.
import { useMemo, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientConsole } from './features/client-console/client-console';
import { ConnectionList } from './features/connection-list/connection-list';
import { ByteView } from './features/exchange/byte-view';
import { CopyAsMenu } from './features/export/copy-as-menu';
import { ConnExportButtons } from './features/export/export-buttons';
import { JournalView } from './features/journal-view/journal-view';
import { LessonsPanel } from './features/lessons/lessons-panel';
import { ResponseEditor } from './features/response-editor/response-editor';
import { ServerPanel } from './features/server-panel/server-panel';
import { SettingsNotices } from './features/settings-notices/settings-notices';
import { TeardownView } from './features/teardown/teardown-view';
import { LanguageMenu } from './layout/language-menu';
import { RecordingBar } from './recording/recording-bar';
import { SessionButtons } from './recording/session-buttons';
import { useRoomForLessons } from './layout/lessons-room';
import { SideColumn } from './layout/side-column';
import { PaneToggles, usePaneHandles, WorkbenchPanes } from './layout/workbench-panes';
import { useWirebench } from './store/store-context';
import { selectLink } from './store/ui-slice';
import { LinkBanner } from './ui/link-banner';
import { PanelBoundary, PanelHealthContext, type PanelHealth } from './ui/panel-boundary';
import './app.css';

export function App() {
  const { t } = useTranslation();
  // While the link is down nothing on screen is live: say so by dimming it, not only in the banner.
  const stale = useWirebench(selectLink) === 'down';
  // Kept in the store and from there in the settings: a panel left broken has its saved choices
  // reset at the next start (renderer/settings/panel-reset.ts).
  const failed = useWirebench((s) => s.panelFailed);
  const recovered = useWirebench((s) => s.panelRecovered);
  const health = useMemo<PanelHealth>(() => ({ failed, recovered }), [failed, recovered]);
  const panes = usePaneHandles();
  useRoomForLessons(panes);
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('ui.app.title')}</h1>
        <p className="tagline">{t('ui.app.tagline')}</p>
        <PaneToggles handles={panes} />
        <SessionButtons />
        <LanguageMenu />
        <LinkBanner />
      </header>
      <RecordingBar />
      <SettingsNotices />
      <PanelHealthContext value={health}>
        <main className={stale ? 'workbench stale' : 'workbench'} aria-busy={stale}>
          <WorkbenchPanes
            handles={panes}
            side={
              <SideColumn
                server={
                  <PanelBoundary panel="server" className="server-panel">
                    <ServerPanel editor={ResponseEditor} />
                  </PanelBoundary>
                }
                lessons={
                  <PanelBoundary panel="lessons" className="lessons-pane">
                    <LessonsPanel />
                  </PanelBoundary>
                }
              />
            }
            client={
              <PanelBoundary panel="client" className="client-console">
                <ClientConsole />
              </PanelBoundary>
            }
            conns={
              <PanelBoundary panel="connections" className="conn-panel">
                <ConnectionList />
              </PanelBoundary>
            }
            journal={
              <PanelBoundary panel="journal" className="journal-panel">
                <JournalView BytesView={BytesWithExport} DiagramView={TeardownView} />
              </PanelBoundary>
            }
          />
        </main>
      </PanelHealthContext>
    </div>
  );
}

/** The journal's Bytes view with Export on its toolbar and Copy as… on each request (features/export). */
function BytesWithExport(props: ComponentProps<typeof ByteView>) {
  return <ByteView {...props} ConnActions={ConnExportButtons} RequestActions={CopyAsMenu} />;
}
