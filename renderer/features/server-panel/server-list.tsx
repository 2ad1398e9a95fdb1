// Every server the engine runs, each with where it listens, how it answers, its live counters,
// and (sequential ones) who waits for accept(). Picking one puts its settings in the form.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/bridge-context';
import { selectSelectedServerId, selectServerBusy, selectServers } from '../../store/servers-slice';
import { useReadOnly } from '../../recording/read-only';
import { useWirebench, useWirebenchStore } from '../../store/store-context';
import { restartServer, stopServer } from './server-commands';
import { ServerRow } from './server-row';

export function ServerList() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useWirebenchStore();
  const servers = useWirebench(selectServers);
  const selected = useWirebench(selectSelectedServerId);
  const busy = useWirebench(selectServerBusy);
  const readOnly = useReadOnly();
  const selectServer = useWirebench((s) => s.selectServer);
  const onStop = useCallback((serverId: string) => void stopServer(bridge, store, serverId), [bridge, store]);
  const onRestart = useCallback((serverId: string) => void restartServer(bridge, store, serverId, true), [bridge, store]);

  if (servers.length === 0) return <p className="server-none">{t('ui.server.list.empty')}</p>;
  return (
    <ul className="server-list" data-testid="server-list" aria-label={t('ui.server.list.heading')}>
      {servers.map((server) => (
        <ServerRow
          key={server.serverId}
          server={server}
          selected={server.serverId === selected}
          busy={busy}
          readOnly={readOnly}
          onEdit={selectServer}
          onStop={onStop}
          onRestart={onRestart}
        />
      ))}
    </ul>
  );
}
