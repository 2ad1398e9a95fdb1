// The server's settings folded into a card (issue 17): where it listens, what answers, when it
// answers and what it does after, in one glance, so the exchange can have the room. "Edit settings"
// opens the whole form below the card; Start is on the card too, so a lesson's server starts
// without unfolding anything.
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/bridge-context';
import { formatAddress } from '../../lib/format';
import { useReadOnly, useReadOnlyTip } from '../../recording/read-only';
import { selectSelectedServer, selectServerBusy, selectServerDraft } from '../../store/servers-slice';
import { useWirebench, useWirebenchStore } from '../../store/store-context';
import { selectServerCardOpen } from '../../store/ui-slice';
import { startServer } from './server-commands';

export function ServerCard({ formId }: { formId: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useWirebenchStore();
  const draft = useWirebench(selectServerDraft);
  const editing = useWirebench(selectSelectedServer);
  const busy = useWirebench(selectServerBusy);
  const open = useWirebench(selectServerCardOpen);
  const readOnly = useReadOnly();
  const readOnlyTip = useReadOnlyTip();
  const setOpen = useWirebench((s) => s.setServerCardOpen);
  const port = Number(draft.port);
  const address = formatAddress({ address: draft.host.trim() || '…', port: Number.isInteger(port) ? port : 0 });
  const rows: [string, string][] = [
    [t('ui.layout.card.address'), editing ? formatAddress({ address: editing.host, port: editing.port }) : address],
    [t('ui.layout.card.answers'), t(`ui.server.responder.${draft.responder}`)],
    [t('ui.layout.card.timing'), t(`ui.server.answer.${draft.answerWhen}`)],
    [t('ui.layout.card.after'), `${t(`ui.server.after.${draft.after}`)} · ${t(`ui.server.accept.${draft.acceptMode}`)}`],
  ];
  return (
    <div className="server-card" data-testid="server-card" data-mode={editing ? 'edit' : 'new'}>
      <p className="server-card-title">{editing ? t('ui.layout.card.editing') : t('ui.layout.card.next')}</p>
      <dl className="server-card-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="buttons">
        {!editing && (
          <button type="button" className="primary small" data-testid="server-card-start" disabled={busy || readOnly} title={readOnlyTip} onClick={() => void startServer(bridge, store)}>
            {t('ui.server.start')}
          </button>
        )}
        <button
          type="button"
          className="small"
          data-testid="server-card-toggle"
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => setOpen(!open)}
        >
          {open ? t('ui.layout.card.fold') : t('ui.layout.card.edit')}
        </button>
      </div>
    </div>
  );
}
