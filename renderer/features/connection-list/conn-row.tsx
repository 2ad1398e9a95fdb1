// One connection at a glance: whose socket it is, what was asked and answered on it, its two ends,
// bytes each way, and its state (including "waiting for accept()" while a sequential server serves
// someone else).
import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { ConnSummary } from '../../../shared/contract/contract';
import { formatAddress, formatCount } from '../../lib/format';
import { connStateOf } from '../../store/conn-state';
import { selectRstReasonKey } from '../../store/rst-select';
import { useWirebench } from '../../store/store-context';

interface ConnRowProps {
  conn: ConnSummary;
  /** Its first request line and the status that answered it (exchange-line.ts); null: not yet. */
  request: string | null;
  status: string | null;
  /** Connected, but its sequential server has not accept()ed it yet. */
  queued: boolean;
  selected: boolean;
  onSelect: (connId: string) => void;
  /** The list's own: one useTranslation for the list, not one per card (hundreds under load). */
  t: TFunction;
}

export const ConnRow = memo(function ConnRow({ conn, request, status, queued, selected, onSelect, t }: ConnRowProps) {
  // Waiting in the backlog is what matters about an open connection nobody has accepted yet.
  const base = connStateOf(conn);
  const state = queued && base === 'open' ? 'queued' : base;
  // The peer's RST, told apart from ours, with why it came.
  const rstReason = useWirebench(selectRstReasonKey(conn.connId));
  const local = formatAddress(conn.local);
  const remote = formatAddress(conn.remote);
  // The list wraps each card in its <li> (a long, virtualized list positions that <li>).
  return (
    <button
      type="button"
      className={`conn-row role-${conn.role}`}
      data-testid="conn-row"
      data-conn-id={conn.connId}
      data-role={conn.role}
      data-state={state}
      data-rst={rstReason ? 'received' : undefined}
      aria-pressed={selected}
      onClick={() => onSelect(conn.connId)}
    >
      <span className="conn-line">
        <span className={`badge badge-${conn.role}`}>{t(`ui.conns.role.${conn.role}`)}</span>
        <span className="conn-id">{conn.connId}</span>
        <span className={`badge state state-${state}`}>{t(`ui.conns.state.${rstReason ? 'rst_received' : state}`)}</span>
      </span>
      {rstReason && (
        <span className="conn-reason" data-testid="conn-rst-reason">
          {t(rstReason)}
        </span>
      )}
      {request !== null && (
        <span className="conn-exchange" data-testid="conn-exchange" title={request}>
          {status === null ? t('ui.conns.exchangeAsked', { request }) : t('ui.conns.exchange', { request, status })}
        </span>
      )}
      <span className="conn-ends" aria-label={t('ui.conns.endpointsLabel', { local, remote })}>
        {t('ui.conns.endpoints', { local, remote })}
      </span>
      <span className="conn-bytes">
        <span className="bytes-in">{t('ui.conns.bytesIn', { bytes: formatCount(conn.bytesIn) })}</span>
        <span className="bytes-out">{t('ui.conns.bytesOut', { bytes: formatCount(conn.bytesOut) })}</span>
      </span>
    </button>
  );
});
