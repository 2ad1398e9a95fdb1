// Start and stop the built-in HTTP server, and see where it listens.
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/bridge-context';
import { formatAddress } from '../../lib/format';
import {
  listeningServers,
  selectServerBusy,
  selectServerError,
  selectServers,
  selectServerTarget,
} from '../../store/servers-slice';
import { useWirebench } from '../../store/store';
import { DEFAULT_PRESET } from '../../../shared/presets';
import { ByteText } from '../../ui/byte-text';
import { MessageText } from '../../ui/message-text';
import { EndpointFields } from '../../ui/endpoint-fields';
import { startServer, stopServers } from './server-commands';
import './server-panel.css';

export function ServerPanel() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const servers = useWirebench(selectServers);
  const target = useWirebench(selectServerTarget);
  const busy = useWirebench(selectServerBusy);
  const error = useWirebench(selectServerError);
  const setTarget = useWirebench((s) => s.setServerTarget);
  const listening = useMemo(() => listeningServers(servers), [servers]);
  const first = listening[0];
  const tryHost = first?.host ?? target.host;
  const tryPort = first?.port ?? target.port;

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void startServer(bridge, useWirebench);
  };

  return (
    <section className="panel server-panel" aria-labelledby="server-heading">
      <header className="panel-header">
        <h2 id="server-heading">{t('ui.server.heading')}</h2>
        <p className={`status ${listening.length > 0 ? 'status-on' : 'status-off'}`} data-testid="server-status" aria-live="polite">
          {listening.length > 0
            ? t('ui.server.listening', { address: listening.map((x) => formatAddress({ address: x.host, port: x.port })).join(', ') })
            : t('ui.server.stopped')}
        </p>
      </header>
      <form className="endpoint-form" onSubmit={onSubmit}>
        <EndpointFields idPrefix="server" value={target} onChange={setTarget} />
        <div className="buttons">
          <button type="submit" className="primary" data-testid="server-start" disabled={busy}>
            {t('ui.server.start')}
          </button>
          <button
            type="button"
            data-testid="server-stop"
            disabled={busy || listening.length === 0}
            onClick={() => void stopServers(bridge, useWirebench)}
          >
            {t('ui.server.stop')}
          </button>
        </div>
      </form>
      <MessageText message={error} testId="server-error" />
      <p className="help">{t('ui.server.help')}</p>
      <div className="server-extra">
        <h3>{t('ui.server.responseHeading')}</h3>
        <pre className="bytes canned-bytes" data-testid="server-response">
          <ByteText bytes={DEFAULT_PRESET.bytes} />
        </pre>
        <p className="help">{t('ui.server.tryIt')}</p>
        <ul className="try-it">
          {/* Commands, not prose: they are typed as is, in any language. */}
          <li>
            <code>curl -v http://{formatAddress({ address: tryHost, port: Number(tryPort) })}/</code>
          </li>
          <li>
            <code>
              nc {tryHost} {tryPort}
            </code>
          </li>
        </ul>
      </div>
    </section>
  );
}
