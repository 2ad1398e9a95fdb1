// Every connection, both ends of a loopback exchange included (the server's accepted socket and
// the client's), in the order they appeared. Clicking one shows its journal. Each card says what
// was asked and answered (exchange-line.ts); the list can be filtered by those words or an
// address, and cleared of closed connections (in the renderer only: the contract has no command
// to clear the engine's journal). The selected card is kept in view.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAddress, formatCount } from '../../lib/format';
import { useThrottled } from '../../lib/use-throttled';
import { selectConnOrder, selectConns, selectTotals } from '../../store/connections-slice';
import { queuedConnIds, selectServers } from '../../store/servers-slice';
import { useWirebench } from '../../store/store-context';
import { selectSelectedConnId } from '../../store/ui-slice';
import { ConnRow } from './conn-row';
import { rememberedT } from './remembered-t';
import { VIRTUAL_FROM, VirtualConnList } from './virtual-conn-list';
import { exchangeLineOf, matchesFilter, NO_EXCHANGE, type ExchangeLine } from './exchange-line';
import './connection-list.css';

/**
 * Each card's line by its summary's first lines: worked out again only when they changed (the
 * engine makes a new firstLines object when a line grows, and hands the same one otherwise).
 */
const LINES = new WeakMap<object, ExchangeLine>();

/** How often the list follows a busy journal (see useThrottled). */
const LIST_INTERVAL_MS = 250;

export function ConnectionList() {
  const { t: translate } = useTranslation();
  // One per language: the cards' phrases are remembered from one redraw to the next (remembered-t.ts).
  const t = useMemo(() => rememberedT(translate), [translate]);
  const liveOrder = useWirebench(selectConnOrder);
  const liveConns = useWirebench(selectConns);
  const liveTotals = useWirebench(selectTotals);
  const live = useMemo(
    () => ({ order: liveOrder, conns: liveConns, totals: liveTotals }),
    [liveOrder, liveConns, liveTotals],
  );
  // Cards and counters a few times a second at most: under load every card changes every frame.
  const { order, conns, totals } = useThrottled(live, LIST_INTERVAL_MS);
  const selected = useWirebench(selectSelectedConnId);
  const select = useWirebench((s) => s.select);
  const forgetClosed = useWirebench((s) => s.forgetClosedConns);
  const servers = useWirebench(selectServers);
  const queued = useMemo(() => queuedConnIds(servers), [servers]);
  const [filter, setFilter] = useState('');
  const list = useRef<HTMLUListElement>(null);

  const lines = useMemo(() => {
    const byId = new Map<string, ExchangeLine>();
    for (const id of order) {
      const conn = conns[id];
      if (!conn) continue;
      let line = LINES.get(conn.firstLines);
      if (!line) LINES.set(conn.firstLines, (line = exchangeLineOf(conn.role, conn.firstLines)));
      byId.set(id, line);
    }
    return byId;
  }, [order, conns]);

  const shown = useMemo(
    () =>
      order.filter((id) => {
        const conn = conns[id];
        if (!conn) return false;
        const line = lines.get(id) ?? NO_EXCHANGE;
        return matchesFilter(filter, [formatAddress(conn.local), formatAddress(conn.remote), line.request, line.status, id]);
      }),
    [order, conns, lines, filter],
  );
  const closedCount = useMemo(() => order.filter((id) => conns[id]?.closed).length, [order, conns]);

  // The selected card in view: a new connection is selected when the client connects. Once per
  // selection (its card may show up a delta after it is selected), not on every change of the list:
  // under load the list changes every frame, and scrollIntoView forces a layout each time (issue 19).
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (selected === null || scrolledTo.current === selected) return;
    const row = list.current?.querySelector(`[data-conn-id="${CSS.escape(selected)}"]`);
    if (!row) return;
    row.scrollIntoView({ block: 'nearest' });
    scrolledTo.current = selected;
  }, [selected, shown]);

  const card = (id: string): ReactNode => {
    const conn = conns[id];
    const line = lines.get(id) ?? NO_EXCHANGE;
    return conn ? <ConnRow conn={conn} request={line.request} status={line.status} queued={queued.has(id)} selected={id === selected} onSelect={select} t={t} /> : null;
  };

  return (
    <section className="panel conn-panel" aria-labelledby="conns-heading">
      <header className="panel-header">
        <h2 id="conns-heading">{t('ui.conns.heading')}</h2>
        <div className="conn-tools">
          <input
            type="search"
            className="conn-filter"
            data-testid="conn-filter"
            aria-label={t('ui.conns.filterLabel')}
            placeholder={t('ui.conns.filterPlaceholder')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <button type="button" className="small" data-testid="conn-clear" title={t('ui.conns.clearTip')} disabled={closedCount === 0} onClick={forgetClosed}>
            {t('ui.conns.clear')}
          </button>
        </div>
      </header>
      {order.length === 0 ? (
        <p className="empty">{t('ui.conns.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty" data-testid="conn-filter-empty">
          {t('ui.conns.filterEmpty', { filter: filter.trim() })}
        </p>
      ) : (
        shown.length >= VIRTUAL_FROM ? (
          <VirtualConnList ids={shown} selected={selected} listRef={list} renderCard={card} />
        ) : (
          <ul className="conn-list" data-testid="conn-list" ref={list}>
            {shown.map((id) => (
              <li key={id}>{card(id)}</li>
            ))}
          </ul>
        )
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
