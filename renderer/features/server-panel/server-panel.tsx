// The built-in servers: which run and how they are doing (the list), how the next one or the
// picked one behaves (the form), and how to reach one from outside. The canned response's editor
// comes in as a prop (app.tsx hands in features/response-editor's), so no feature imports another.
// The form folds behind a card (server-card.tsx) and stays mounted while folded: the response
// editor keeps its state, and the edited server's settings still follow the draft (useLiveApply).
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/bridge-context';
import { formatAddress } from '../../lib/format';
import { ReadOnlyGroup } from '../../recording/read-only-group';
import { ReadOnlyNote, useReadOnly } from '../../recording/read-only';
import { listeningServers, selectSelectedServer, selectServers } from '../../store/servers-slice';
import { useWirebench } from '../../store/store-context';
import { selectServerCardOpen } from '../../store/ui-slice';
import type { CannedEditor } from './responder-fields';
import { ServerCard } from './server-card';
import { ServerErrorView } from './server-error-view';
import { ServerForm } from './server-form';
import { ServerList } from './server-list';
import { useLiveApply } from './use-live-apply';
import './server-panel.css';

export function ServerPanel({ editor }: { editor: CannedEditor }) {
  const { t } = useTranslation();
  const servers = useWirebench(selectServers);
  const selected = useWirebench(selectSelectedServer);
  const listening = useMemo(() => listeningServers(servers), [servers]);
  const shown = selected ?? listening[0];
  const open = useWirebench(selectServerCardOpen);
  const formId = useId();
  // Over a recording the header says where it listened when recorded, not that it listens now.
  const readOnly = useReadOnly();
  useLiveApply(useBridge());

  return (
    <section className="panel server-panel" aria-labelledby="server-heading">
      <header className="panel-header">
        <h2 id="server-heading">{t('ui.server.heading')}</h2>
        <p className={`status ${readOnly ? 'status-recorded' : listening.length > 0 ? 'status-on' : 'status-off'}`} data-testid="server-status" aria-live="polite">
          {listening.length > 0
            ? t(readOnly ? 'ui.server.listeningRecorded' : 'ui.server.listening', { address: listening.map((x) => formatAddress({ address: x.host, port: x.port })).join(', ') })
            : t('ui.server.stopped')}
        </p>
      </header>
      <div className="server-scroll">
        <ReadOnlyNote testId="server-read-only" />
        <ServerList />
        <ServerCard formId={formId} />
        <ServerErrorView />
        <div id={formId} className="server-unfolded" hidden={!open} data-testid="server-settings">
          {servers.length > 0 && !selected && <p className="help">{t('ui.server.help')}</p>}
          {/* A recording's server settings are shown as they were, not changed. */}
          <ReadOnlyGroup>
            <ServerForm editor={editor} />
          </ReadOnlyGroup>
          {shown && (
            <div className="try-it-box">
              <p className="help">{t('ui.server.tryIt')}</p>
              <ul className="try-it">
                {/* Commands, not prose: they are typed as is, in any language. */}
                <li>
                  <code>curl -v http://{formatAddress({ address: shown.host, port: shown.port })}/</code>
                </li>
                <li>
                  <code>
                    nc {shown.host} {shown.port}
                  </code>
                </li>
              </ul>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
