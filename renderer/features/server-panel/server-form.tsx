// The server form: where it listens, then how it behaves. With no server picked it sets up a new
// one (Start); with one picked it edits that one while it runs: behaviour changes go to the engine
// as they are made (server.update, from the next connection), a new host, port or backlog with
// Restart.
import { useId, useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/bridge-context';
import { formatAddress } from '../../lib/format';
import { checkListen, checkSettings, isLoopbackHost, type DraftField } from '../../store/server-draft';
import {
  selectSelectedServer,
  selectServerApply,
  selectServerBusy,
  selectServerDraft,
  stopTarget,
} from '../../store/servers-slice';
import { useWirebench, useWirebenchStore } from '../../store/store-context';
import { CheckboxField } from '../../ui/checkbox-field';
import { EndpointFields } from '../../ui/endpoint-fields';
import { TextField } from '../../ui/text-field';
import { AcceptFields, TimingFields } from './policy-fields';
import { ResponderFields, type CannedEditor } from './responder-fields';
import { restartServer, startServer, stopSelected } from './server-commands';

export function ServerForm({ editor }: { editor: CannedEditor }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useWirebenchStore();
  const draft = useWirebench(selectServerDraft);
  const editing = useWirebench(selectSelectedServer);
  const busy = useWirebench(selectServerBusy);
  const apply = useWirebench(selectServerApply);
  const canStop = useWirebench((s) => stopTarget(s) !== undefined);
  const edit = useWirebench((s) => s.editServerDraft);
  const selectServer = useWirebench((s) => s.selectServer);
  const warningId = useId();

  // The first field in trouble, as typed now: marked at once; its sentence comes with the action.
  const invalid = useMemo<DraftField | null>(() => {
    const listen = checkListen(draft);
    if (!listen.ok) return listen.problem.field;
    const settings = checkSettings(draft);
    return settings.ok ? null : settings.problem.field;
  }, [draft]);
  const host = draft.host.trim();
  const exposable = host !== '' && !isLoopbackHost(host);

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    // Enter in a field starts a new server; a running one is never restarted by accident.
    if (!editing) void startServer(bridge, store);
  };

  return (
    <form className="server-form" onSubmit={onSubmit} noValidate data-testid="server-form" data-mode={editing ? 'edit' : 'new'}>
      <div className="form-title">
        <h3>
          {editing
            ? t('ui.server.form.editHeading', { address: formatAddress({ address: editing.host, port: editing.port }) })
            : t('ui.server.form.newHeading')}
        </h3>
        {editing && (
          <button type="button" className="small" data-testid="server-new" title={t('ui.server.form.newServerTip')} onClick={() => selectServer(null)}>
            {t('ui.server.form.newServer')}
          </button>
        )}
      </div>

      <fieldset className="form-group">
        <legend className="visually-hidden">{t('ui.server.form.listenGroup')}</legend>
        <div className="endpoint-form listen-fields">
          <EndpointFields idPrefix="server" value={draft} onChange={edit} invalid={invalid} />
          <TextField
            label={t('ui.server.form.backlog')}
            testId="server-backlog"
            className="field-backlog"
            inputMode="numeric"
            title={t('ui.server.form.backlogTip')}
            aria-invalid={invalid === 'backlog' || undefined}
            value={draft.backlog}
            onChange={(backlog) => edit({ backlog })}
          />
        </div>
        {exposable && (
          <div className="expose">
            <CheckboxField testId="server-expose" checked={draft.expose} onChange={(expose) => edit({ expose })} describedBy={warningId}>
              {t('ui.server.form.expose')}
            </CheckboxField>
            <p id={warningId} className="warning" data-testid="server-expose-warning">
              {t('ui.server.form.exposeWarning', { host })}
            </p>
          </div>
        )}
        <div className="buttons form-buttons">
          {editing ? (
            <button type="button" data-testid="server-restart" disabled={busy} onClick={() => void restartServer(bridge, store, editing.serverId)}>
              {t('ui.server.restart')}
            </button>
          ) : (
            <button type="submit" className="primary" data-testid="server-start" disabled={busy}>
              {t('ui.server.start')}
            </button>
          )}
          <button type="button" data-testid="server-stop" disabled={busy || !canStop} onClick={() => void stopSelected(bridge, store)}>
            {t('ui.server.stop')}
          </button>
        </div>
        {editing && <p className="field-note">{t('ui.server.form.restartHint')}</p>}
      </fieldset>

      {editing && (
        <p className={`apply-state apply-${apply}`} data-testid="server-apply" data-state={apply} aria-live="polite">
          {apply === 'applying' ? t('ui.server.form.applying') : apply === 'applied' ? t('ui.server.form.applied') : t('ui.server.form.apply')}
        </p>
      )}

      <fieldset className="form-group">
        <legend>{t('ui.server.form.answersGroup')}</legend>
        <ResponderFields draft={draft} editor={editor} invalid={invalid} onEdit={edit} />
      </fieldset>
      <fieldset className="form-group">
        <legend>{t('ui.server.form.timingGroup')}</legend>
        <TimingFields draft={draft} invalid={invalid} onEdit={edit} />
      </fieldset>
      <fieldset className="form-group">
        <legend>{t('ui.server.form.acceptGroup')}</legend>
        <AcceptFields draft={draft} invalid={invalid} onEdit={edit} />
      </fieldset>
    </form>
  );
}
