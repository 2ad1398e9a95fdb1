// One running server: its address (press it to edit the server), how it answers, its counters, and
// in sequential mode the clients that are connected but wait for accept(), in order.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerInfo } from '../../../shared/contract/contract';
import { formatAddress } from '../../lib/format';
import { selectConns } from '../../store/connections-slice';
import { useWirebench } from '../../store/store-context';
import { TipButton } from '../../ui/tip-button';
import { WaitingHint } from '../../waiting/waiting-hint';

interface ServerRowProps {
  server: ServerInfo;
  selected: boolean;
  busy: boolean;
  /** A recording's server: shown as it was, not restarted or stopped. */
  readOnly: boolean;
  onEdit: (serverId: string) => void;
  onStop: (serverId: string) => void;
  onRestart: (serverId: string) => void;
}

export const ServerRow = memo(function ServerRow({ server, selected, busy, readOnly, onEdit, onStop, onRestart }: ServerRowProps) {
  const { t } = useTranslation();
  const { settings, stats } = server;
  const address = formatAddress({ address: server.host, port: server.port });
  const counts = { open: stats.open, queued: stats.queued.length, served: stats.served, accepted: stats.accepted };
  return (
    <li
      className={`server-row${selected ? ' selected' : ''}${server.listening ? '' : ' not-listening'}`}
      data-testid="server-row"
      data-server-id={server.serverId}
      data-port={server.port}
      data-listening={server.listening}
    >
      <div className="server-row-head">
        <button
          type="button"
          className="server-address"
          data-testid="server-row-edit"
          aria-pressed={selected}
          title={t('ui.server.list.editTip')}
          onClick={() => onEdit(server.serverId)}
        >
          {/* A recording's server is not running now: no live dot, whatever it was doing when saved. */}
          <span className={`status ${readOnly ? 'status-recorded' : server.listening ? 'status-on' : 'status-off'}`}>{address}</span>
        </button>
        {server.exposed && <span className="badge badge-warn">{t('ui.server.list.exposed')}</span>}
        {!server.listening && <span className="badge">{t('ui.server.list.stoppedRow')}</span>}
        <span className="row-buttons">
          <TipButton className="small" testId="server-row-restart" tip={readOnly ? t('ui.recording.readOnlyTip') : t('ui.server.list.restartTip')} disabled={busy || readOnly} onClick={() => onRestart(server.serverId)}>
            {t('ui.server.restart')}
          </TipButton>
          <TipButton className="small danger" testId="server-row-stop" tip={readOnly ? t('ui.recording.readOnlyTip') : t('ui.server.list.stopTip')} disabled={busy || readOnly} onClick={() => onStop(server.serverId)}>
            {t('ui.server.stop')}
          </TipButton>
        </span>
      </div>
      <p
        className="server-policies"
        data-testid="server-policies"
        data-responder={settings.responder.kind}
        data-answer={settings.answerWhen}
        data-after={settings.after}
        data-accept={settings.acceptMode}
      >
        {t('ui.server.list.policies', {
          responder: t(`ui.server.responder.${settings.responder.kind}`),
          answer: t(`ui.server.answer.${settings.answerWhen}`),
          after: t(`ui.server.after.${settings.after}`),
          accept: t(`ui.server.accept.${settings.acceptMode}`),
        })}
      </p>
      <p
        className="server-stats"
        data-testid="server-stats"
        data-open={counts.open}
        data-queued={counts.queued}
        data-served={counts.served}
        data-accepted={counts.accepted}
        aria-label={t('ui.server.list.statsLabel', counts)}
      >
        {t('ui.server.list.stats', counts)}
      </p>
      <WaitingHint server={server} />
      {settings.acceptMode === 'sequential' && <ServerQueue queued={stats.queued} />}
    </li>
  );
});

/** Its own subscriber to the connections, which change far more often than the server does. */
function ServerQueue({ queued }: { queued: string[] }) {
  const { t } = useTranslation();
  const conns = useWirebench(selectConns);
  const pick = useWirebench((s) => s.select);
  return (
    <div className="server-queue" data-testid="server-queue" data-count={queued.length}>
      {queued.length === 0 ? (
        <p className="queue-empty">{t('ui.server.list.queueEmpty')}</p>
      ) : (
        <>
          <p className="queue-heading">{t('ui.server.list.queueHeading', { count: queued.length })}</p>
          <ol className="queue-list">
            {queued.map((connId, i) => {
              const remote = conns[connId]?.remote;
              return (
                <li key={connId}>
                  <button type="button" className="link-button" data-testid="server-queue-item" data-conn-id={connId} onClick={() => pick(connId)}>
                    {t('ui.server.list.queueItem', { position: i + 1, remote: remote ? formatAddress(remote) : '…', connId })}
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
