// "Why is it waiting?" where the learner looks: one line under the client console's status, and
// in the server's card one line per open connection (a few at most), each saying what the exchange
// waits for and, when a server timer ends the wait, counting down to it every second.
import { useTranslation } from 'react-i18next';
import type { ServerInfo } from '../../shared/contract/contract';
import type { WaitingHint as Hint } from '../../shared/waiting/waiting-codes';
import { formatAddress } from '../lib/format';
import { useReadOnly } from '../recording/read-only';
import { selectConn } from '../store/connections-slice';
import { useWirebench } from '../store/store-context';
import { useNow } from '../ui/use-now';
import { useClientWaitingHint, useOpenConnIds, useServerWaitingHint } from './use-waiting-hint';
import './waiting-hint.css';

/** How many of a server's open connections its card speaks of. */
const SERVER_CONNS_SHOWN = 3;

type WaitingHintProps = { clientConnId: string | null } | { server: ServerInfo };

export function WaitingHint(props: WaitingHintProps) {
  return 'server' in props ? <ServerHints server={props.server} /> : <ClientHint connId={props.clientConnId} />;
}

function ClientHint({ connId }: { connId: string | null }) {
  const hint = useClientWaitingHint(connId);
  // Always in the page, so that a screen reader's live region hears each new hint.
  return (
    <div className="waiting-hints" data-testid="client-waiting" aria-live="polite">
      {hint && <HintLine key={lineKey(hint)} hint={hint} viewer={hint.source === 'server' ? 'client' : 'bytes'} />}
    </div>
  );
}

function ServerHints({ server }: { server: ServerInfo }) {
  const connIds = useOpenConnIds(server.serverId, SERVER_CONNS_SHOWN);
  return (
    <ul className="waiting-hints" data-testid="server-waiting" aria-live="polite">
      {connIds.map((connId) => (
        <ServerConnHint key={connId} connId={connId} server={server} />
      ))}
    </ul>
  );
}

function ServerConnHint({ connId, server }: { connId: string; server: ServerInfo }) {
  const hint = useServerWaitingHint(connId, server);
  const remote = useWirebench(selectConn(connId))?.remote;
  if (!hint) return null;
  return (
    <li>
      <HintLine key={lineKey(hint)} hint={hint} viewer="server" who={remote ? formatAddress(remote) : undefined} connId={connId} />
    </li>
  );
}

/**
 * A line drawn afresh for another wait: its clock is read when it is drawn, where a line kept
 * from the wait before would count from that one's last tick (up to a second behind).
 */
const lineKey = (hint: Hint): string => `${hint.code} ${hint.deadlineAt ?? ''}`;

/** Every param any sentence names (the catalog's types ask for them all); the hint's own replace them. */
const NO_PARAMS = { count: 0, position: 0, seconds: 0 };

/** The hint's sentence and its countdown; `viewer` picks how it is said (shared/i18n/en/ui-waiting.ts). */
export function HintLine({ hint, viewer, who, connId }: { hint: Hint; viewer: 'server' | 'client' | 'bytes'; who?: string | undefined; connId?: string }) {
  const { t } = useTranslation();
  // Over a recording no timer runs: a countdown against the wall clock would tell of nothing.
  const replayed = useReadOnly();
  const now = useNow(hint.deadlineAt !== undefined && !replayed);
  const left = hint.deadlineAt === undefined ? null : Math.max(0, Math.ceil((hint.deadlineAt - now) / 1000));
  return (
    <p className="waiting-hint" data-testid="waiting-hint" data-code={hint.code} data-source={hint.source} data-conn-id={connId} title={t('ui.waiting.label')}>
      {who && <span className="waiting-who">{who}</span>}
      <span className="waiting-text">{t(`ui.waiting.${viewer}.${hint.code}`, { ...NO_PARAMS, ...hint.params })}</span>
      {left !== null && hint.timer && !replayed && (
        <span className="waiting-countdown" data-testid="waiting-countdown" data-seconds={left}>
          {left > 0 ? t(`ui.waiting.timer.${hint.timer}`, { count: left }) : t('ui.waiting.timer.due')}
        </span>
      )}
    </p>
  );
}
