// One line saying where the console's connection stands, as telnet would print it.
import { useTranslation } from 'react-i18next';
import type { ConnSummary } from '../../../shared/contract/contract';
import { formatAddress } from '../../lib/format';
import type { ClientPhase } from '../../store/client-slice';
import type { RstReasonKey } from '../../store/rst-select';
import { WaitingHint } from '../../waiting/waiting-hint';

interface ClientStatusProps {
  phase: ClientPhase;
  conn: ConnSummary | undefined;
  /** The target as typed: named while connecting. */
  target: string;
  /** Why the server's RST came, if one did (selectRstReasonKey). */
  rstReason: RstReasonKey | null;
}

export function ClientStatus({ phase, conn, target, rstReason }: ClientStatusProps) {
  const { t } = useTranslation();
  const ends = conn ? { local: formatAddress(conn.local), remote: formatAddress(conn.remote) } : null;
  let text: string;
  if (phase === 'connecting') text = t('ui.client.connecting', { address: target.trim() });
  else if (phase === 'idle' || !ends) text = t('ui.client.notConnected');
  else if (phase === 'open') text = t('ui.client.connected', ends);
  else if (phase === 'fin_received') text = t('ui.client.peerFin', ends);
  else if (phase === 'fin_sent') text = t('ui.client.finSent', ends);
  else if (phase === 'fin_both') text = t('ui.client.bothFin', ends);
  // The server's RST, with why it came; our own RST (the Reset button) needs no reason.
  else if (phase === 'reset' && rstReason) text = t('ui.client.rstReceived', { reason: t(rstReason) });
  else if (phase === 'reset') text = t('ui.client.reset');
  else text = t('ui.client.closed');
  // Under the status, what the exchange waits for (renderer/waiting/).
  return (
    <div className="client-status">
      <p className={`status status-${phase}`} data-testid="client-status" data-phase={phase} data-rst={rstReason ? 'received' : undefined} aria-live="polite">
        {text}
      </p>
      <WaitingHint clientConnId={conn?.connId ?? null} />
    </div>
  );
}
