// Where a session connects: one field, as on telnet's command line (`host port`, `host:port`,
// `[::1]:port` or a URL), the connect timeout, Connect, and Reconnect (Alt+R) to the same target.
import { useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../../recording/read-only';
import { TextField } from '../../ui/text-field';
import type { ClientSession } from '../../store/state-types';

interface TargetFormProps {
  session: ClientSession;
  onChange: (patch: Partial<ClientSession>) => void;
  onConnect: () => void;
}

export function TargetForm({ session, onChange, onConnect }: TargetFormProps) {
  const { t } = useTranslation();
  // A recording's console is disabled; its shortcut is too (a page-wide key is no control of it).
  const readOnly = useReadOnly();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onConnect();
  };
  // Alt+R reconnects from anywhere in the page: one key to try again after changing the server.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (readOnly || !e.altKey || e.ctrlKey || e.metaKey || e.key.toLowerCase() !== 'r' || session.connecting) return;
      e.preventDefault();
      onConnect();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onConnect, session.connecting, readOnly]);

  return (
    <form className="target-form" onSubmit={submit}>
      <TextField
        className="target-field"
        label={t('ui.client.targetLabel')}
        testId="client-target"
        placeholder={t('ui.client.targetPlaceholder')}
        title={t('ui.client.targetHint')}
        value={session.targetText}
        onChange={(targetText) => onChange({ targetText })}
      />
      <TextField
        className="timeout-field"
        label={t('ui.client.timeoutLabel')}
        testId="client-timeout"
        inputMode="decimal"
        title={t('ui.client.timeoutTip')}
        value={session.timeoutText}
        onChange={(timeoutText) => onChange({ timeoutText })}
      />
      <div className="buttons">
        <button type="submit" className="primary" data-testid="client-connect" disabled={session.connecting} aria-keyshortcuts="Alt+R">
          {session.connId === null ? t('ui.client.connect') : t('ui.client.reconnect')}
        </button>
      </div>
    </form>
  );
}
