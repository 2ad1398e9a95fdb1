// The console's input line: Enter sends what was typed plus CR LF, then clears, as telnet does;
// an empty Enter sends the blank line. Disabled, with the reason, when nothing can be sent.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPhase } from '../../store/client-slice';
import { canSend } from '../../store/client-slice';

interface LineInputProps {
  phase: ClientPhase;
  /** Changes when a new connection starts: the input takes the focus then. */
  connId: string | null;
  onLine: (text: string) => void;
}

export function LineInput({ phase, connId, onLine }: LineInputProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const noteId = useId();
  const enabled = canSend(phase);

  useEffect(() => {
    if (connId !== null) input.current?.focus();
  }, [connId]);

  const send = (): void => {
    onLine(draft);
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    // While an input method is composing, Enter picks a candidate; it must not send.
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    send();
  };

  const reason = enabled ? null : reasonKey(phase);
  return (
    <div className="line-input">
      <div className="line-row">
        <label htmlFor={inputId} className="visually-hidden">
          {t('ui.client.inputLabel')}
        </label>
        <span className="prompt" aria-hidden="true">
          →
        </span>
        <input
          id={inputId}
          ref={input}
          type="text"
          data-testid="client-input"
          autoComplete="off"
          spellCheck={false}
          placeholder={enabled ? t('ui.client.inputPlaceholder') : ''}
          disabled={!enabled}
          aria-describedby={reason ? noteId : undefined}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" data-testid="client-send" disabled={!enabled} onClick={send}>
          {t('ui.client.send')} ⏎
        </button>
      </div>
      {reason && (
        <p id={noteId} className="input-note" data-testid="client-input-note">
          {t(reason)}
        </p>
      )}
    </div>
  );
}

function reasonKey(phase: ClientPhase) {
  if (phase === 'fin_sent' || phase === 'fin_both') return 'ui.client.inputFinSent' as const;
  if (phase === 'closed' || phase === 'reset') return 'ui.client.inputClosed' as const;
  return 'ui.client.inputIdle' as const;
}
