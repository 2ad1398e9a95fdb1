// Every connection, both ends of a loopback exchange included (the server's accepted socket and
// the client's), in the order they appeared. Clicking one shows its journal.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format';
import { selectConnOrder, selectConns, selectTotals } from '../../store/connections-slice';
import { queuedConnIds, selectServers } from '../../store/servers-slice';
import { useWirebench } from '../../store/store-context';
import { selectSelectedConnId } from '../../store/ui-slice';
import { ConnRow } from './conn-row';
import './connection-list.css';

export function ConnectionList() {
  const { t } = useTranslation();
  const order = useWirebench(selectConnOrder);
  const conns = useWirebench(selectConns);
  const totals = useWirebench(selectTotals);
  const selected = useWirebench(selectSelectedConnId);
  const select = useWirebench((s) => s.select);
  const servers = useWirebench(selectServers);
  const queued = useMemo(() => queuedConnIds(servers), [servers]);

  return (
    <section className="panel conn-panel" aria-labelledby="conns-heading">
      <header className="panel-header">
        <h2 id="conns-heading">{t('ui.conns.heading')}</h2>
      </header>
      {order.length === 0 ? (
        <p className="empty">{t('ui.conns.empty')}</p>
      ) : (
        <ul className="conn-list" data-testid="conn-list">
          {order.map((id) => {
            const conn = conns[id];
            return conn ? <ConnRow key={id} conn={conn} queued={queued.has(id)} selected={id === selected} onSelect={select} /> : null;
          })}
        </ul>
      )}
      <footer className="conn-totals">
        <p>
          {t('ui.conns.totals', {
            count: totals.connections,
            bytesIn: formatCount(totals.bytesIn),
            bytesOut: formatCount(totals.bytesOut),
          })}
        </p>
        {totals.droppedConnections > 0 && <p>{t('ui.conns.dropped', { count: totals.droppedConnections })}</p>}
      </footer>
    </section>
  );
}
