// One tab per client session, like a terminal's tabs: each its own connection and transcript. The
// dot shows where each connection stands, so a session left open elsewhere is not forgotten.
// A list of buttons (the shown one aria-current), not an ARIA tablist: a tablist may hold only tabs,
// and each of ours has a close button beside it, which a tab may not contain either.
import { useTranslation } from 'react-i18next';
import { formatTarget, parseTarget } from '../../../shared/client/target';
import { useBridge } from '../../bridge/bridge-context';
import { useReadOnly, useReadOnlyTip } from '../../recording/read-only';
import { clientPhaseOf, selectSessions } from '../../store/client-slice';
import type { ClientSession } from '../../store/state-types';
import { useWirebench, useWirebenchStore } from '../../store/store-context';
import { tearDown } from './client-commands';

export function SessionTabs() {
  const { t } = useTranslation();
  const sessions = useWirebench(selectSessions);
  const activeId = useWirebench((s) => s.activeSessionId);
  const addSession = useWirebench((s) => s.addSession);
  const closeSession = useWirebench((s) => s.closeSession);
  const bridge = useBridge();
  const store = useWirebenchStore();
  // Closing a tab hangs up its connection, as closing a terminal ends its telnet (FIN, not RST);
  // the connection's journal stays in the list.
  const close = (id: string): void => {
    void tearDown(bridge, store, id, 'client.close');
    closeSession(id);
  };
  const activate = useWirebench((s) => s.activateSession);
  // Over a recording the tabs switch, but none opens or hangs up a connection.
  const readOnly = useReadOnly();
  const readOnlyTip = useReadOnlyTip();
  return (
    <div className="session-tabs">
      <ul aria-label={t('ui.client.tabsLabel')} className="tab-list">
        {sessions.map((session, i) => (
          <li key={session.id} className={session.id === activeId ? 'tab active' : 'tab'}>
            <button
              type="button"
              className="tab-show"
              id={`tab-${session.id}`}
              aria-current={session.id === activeId ? 'true' : undefined}
              aria-controls={`session-${session.id}`}
              data-testid="client-tab"
              data-session={session.id}
              onClick={() => activate(session.id)}
            >
              <PhaseDot session={session} />
              {t('ui.client.tabLabel', { n: i + 1, target: tabTarget(session) })}
            </button>
            <button
              type="button"
              className="tab-close"
              data-testid="client-tab-close"
              aria-label={t('ui.client.closeTab', { n: i + 1 })}
              title={readOnlyTip ?? t('ui.client.closeTab', { n: i + 1 })}
              disabled={readOnly}
              onClick={() => close(session.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="tab-new" data-testid="client-tab-new" title={readOnlyTip ?? t('ui.client.newTabTip')} disabled={readOnly} onClick={() => addSession()}>
        + {t('ui.client.newTab')}
      </button>
    </div>
  );
}

function PhaseDot({ session }: { session: ClientSession }) {
  const conn = useWirebench((s) => (session.connId === null ? undefined : s.conns[session.connId]));
  const phase = clientPhaseOf(conn, session.connecting);
  return <span className={`dot dot-${phase}`} aria-hidden="true" />;
}

function tabTarget(session: ClientSession): string {
  const parsed = parseTarget(session.targetText);
  return parsed.ok ? formatTarget(parsed.target) : session.targetText.trim() || '…';
}
