// Where a session's bytes are typed. Line mode: Enter sends the text, each line followed by the
// chosen ending (Shift+Enter starts a new line; Up/Down recall earlier sends). Hex: the exact
// bytes as hex digits. Character mode: every key goes out at once, as telnet's character mode.
// Below the input, the exact bytes Enter would send, so nothing is ever hidden by a template or an
// ending. Disabled, with the reason, when nothing can be sent.
import { useEffect, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientTarget } from '../../../shared/client/target';
import { decodeHex, encodeLines, keyBytes, LINE_ENDINGS, normalizePaste, type Encoded } from '../../../shared/client/typed-input';
import { canSend, type ClientPhase } from '../../store/client-slice';
import type { ClientSession, InputMode } from '../../store/state-types';
import { ByteText } from '../../ui/byte-text';
import { CheckboxField } from '../../ui/checkbox-field';
import { CharCapture } from './char-capture';
import { fillNotice } from './fill-notice';
import { RequestHelpers } from './request-helpers';

const MODES: readonly InputMode[] = ['line', 'char', 'hex'];
/** The preview shows this many bytes at most: enough to check a request line and a header or two. */
const PREVIEW_BYTES = 160;

interface ComposerProps {
  session: ClientSession;
  phase: ClientPhase;
  target: ClientTarget | null;
  onPatch: (patch: Partial<ClientSession>) => void;
  /** Sends exact bytes; `typed` (the text) goes into the history when it went out. */
  onSend: (bytes: Uint8Array, typed: string | null) => Promise<boolean>;
}

export function Composer({ session, phase, target, onPatch, onSend }: ComposerProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLTextAreaElement>(null);
  const inputId = useId();
  const noteId = useId();
  const previewId = useId();
  // Up/Down walk the history; what was being typed is kept to come back to.
  const [recall, setRecall] = useState<{ index: number; saved: string } | null>(null);
  const enabled = canSend(phase);
  const encoded = encodeDraft(session);
  // After Connect the next thing to do is type: the input gets the focus when a new connection
  // starts (not when the tab is merely shown again with the one it had).
  const connected = useRef(session.connId);
  useEffect(() => {
    if (session.connId === connected.current) return;
    connected.current = session.connId;
    if (session.connId !== null) input.current?.focus();
  }, [session.connId]);

  const send = async (): Promise<void> => {
    if (!enabled || !encoded.ok) return;
    if (await onSend(encoded.bytes, session.draft)) setRecall(null);
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    // While an input method is composing, Enter picks a candidate; it must not send.
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void send();
      return;
    }
    const el = e.currentTarget;
    const before = el.value.slice(0, el.selectionStart);
    const after = el.value.slice(el.selectionEnd);
    if (e.key === 'ArrowUp' && !before.includes('\n')) step(-1, e);
    else if (e.key === 'ArrowDown' && !after.includes('\n')) step(1, e);
  };

  const step = (dir: -1 | 1, e: KeyboardEvent): void => {
    const { history } = session;
    if (history.length === 0) return;
    const from = recall?.index ?? history.length;
    const index = Math.min(history.length, Math.max(0, from + dir));
    if (index === from) return;
    e.preventDefault();
    const saved = recall?.saved ?? session.draft;
    setRecall(index === history.length ? null : { index, saved });
    onPatch({ draft: index === history.length ? saved : (history[index] ?? '') });
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>): void => {
    const pasted = e.clipboardData.getData('text');
    const report = normalizePaste(pasted);
    if (report.lines < 2 || session.mode !== 'line') return;
    // Insert it ourselves, to say what happened to its line breaks.
    e.preventDefault();
    const el = e.currentTarget;
    const draft = el.value.slice(0, el.selectionStart) + report.text + el.value.slice(el.selectionEnd);
    onPatch({
      draft,
      notice: {
        key: 'ui.client.pasted',
        params: { lines: report.lines, found: t(`ui.client.foundBreaks.${report.found}`), ending: t(`ui.client.ending.${session.ending}`) },
      },
    });
  };

  const reason = enabled ? null : reasonKey(phase);
  return (
    <div className="composer" data-testid="client-composer" data-mode={session.mode}>
      <div className="composer-options">
        <label className="inline-field">
          <span>{t('ui.client.modeLabel')}</span>
          <select
            data-testid="client-mode"
            value={session.mode}
            title={t(`ui.client.modeTip.${session.mode}`)}
            onChange={(e) => onPatch({ mode: MODES.find((m) => m === e.target.value) ?? 'line' })}
          >
            {MODES.map((m) => (
              <option key={m} value={m} title={t(`ui.client.modeTip.${m}`)}>
                {t(`ui.client.mode.${m}`)}
              </option>
            ))}
          </select>
        </label>
        {session.mode !== 'hex' && (
          <label className="inline-field">
            <span>{t('ui.client.endingLabel')}</span>
            <select
              data-testid="client-ending"
              title={t('ui.client.endingTip')}
              value={session.ending}
              onChange={(e) => onPatch({ ending: LINE_ENDINGS.find((x) => x === e.target.value) ?? 'crlf' })}
            >
              {LINE_ENDINGS.map((x) => (
                <option key={x} value={x}>
                  {t(`ui.client.ending.${x}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {session.mode === 'line' && (
          <span title={t('ui.client.finalEndingTip')}>
            <CheckboxField testId="client-final-ending" checked={session.finalEnding} onChange={(finalEnding) => onPatch({ finalEnding })}>
              {t('ui.client.finalEnding')}
            </CheckboxField>
          </span>
        )}
        <RequestHelpers
          target={target}
          disabled={!enabled}
          onFill={(filled) => {
            onPatch({ ...filled, mode: 'line', notice: fillNotice(session.finalEnding, filled.finalEnding) });
            input.current?.focus();
          }}
          onFile={async (name, bytes) => {
            if (await onSend(bytes, null)) onPatch({ notice: { key: 'ui.client.fileSent', params: { name, count: bytes.length } } });
          }}
        />
        {/* How the transcript above draws what arrives; here, beside the other typing choices, so
            the status line keeps the console's whole width (issue 17). */}
        <span className="show-controls" title={t('ui.client.showControlsTip')}>
          <CheckboxField testId="client-show-controls" checked={session.showControls} onChange={(showControls) => onPatch({ showControls })}>
            {t('ui.client.showControls')}
          </CheckboxField>
        </span>
      </div>

      {session.mode === 'char' ? (
        <CharCapture
          disabled={!enabled}
          describedBy={reason ? noteId : undefined}
          onKey={(key) => {
            const bytes = keyBytes(key, session.ending);
            if (bytes) void onSend(bytes, null);
            return bytes !== null;
          }}
        />
      ) : (
        <div className="line-row">
          <label htmlFor={inputId} className="visually-hidden">
            {session.mode === 'hex' ? t('ui.client.hexLabel') : t('ui.client.inputLabel')}
          </label>
          <span className="prompt" aria-hidden="true">
            →
          </span>
          <textarea
            id={inputId}
            ref={input}
            data-testid="client-input"
            title={t(`ui.client.modeTip.${session.mode}`)}
            rows={Math.min(8, Math.max(1, session.draft.split('\n').length))}
            autoComplete="off"
            spellCheck={false}
            placeholder={enabled ? t(session.mode === 'hex' ? 'ui.client.hexPlaceholder' : 'ui.client.inputPlaceholder') : ''}
            disabled={!enabled}
            aria-describedby={[reason ? noteId : '', previewId].join(' ').trim()}
            value={session.draft}
            onChange={(e) => {
              setRecall(null);
              onPatch({ draft: e.target.value });
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
          />
          <button type="button" data-testid="client-send" disabled={!enabled || !encoded.ok} title={t('ui.client.sendTip')} onClick={() => void send()}>
            {t('ui.client.send')} ⏎
          </button>
        </div>
      )}

      {session.mode !== 'char' && enabled && (
        <div id={previewId} className="send-preview" data-testid="client-preview">
          {encoded.ok ? (
            <span className="preview-main">
              <span className="preview-label">{t('ui.client.preview', { count: encoded.bytes.length })}</span>{' '}
              <span className="preview-bytes">
                <ByteText bytes={encoded.bytes.subarray(0, PREVIEW_BYTES)} />
                {encoded.bytes.length > PREVIEW_BYTES ? '…' : ''}
              </span>
            </span>
          ) : (
            <span className="preview-mistake" role="status" data-testid="client-mistake">
              {t(`ui.client.mistake.${encoded.mistake.problem}`, { at: encoded.mistake.at + 1 })}
            </span>
          )}
          {session.history.length > 0 && <span className="history-hint">{t('ui.client.historyHint')}</span>}
        </div>
      )}
      {session.notice && (
        <p className="input-note notice" role="status" data-testid="client-notice">
          {t(session.notice.key, session.notice.params)}
        </p>
      )}
      {reason && (
        <p id={noteId} className="input-note" data-testid="client-input-note">
          {t(reason)}
        </p>
      )}
    </div>
  );
}

function encodeDraft(session: ClientSession): Encoded {
  return session.mode === 'hex' ? decodeHex(session.draft) : encodeLines(session.draft, session.ending, session.finalEnding);
}

function reasonKey(phase: ClientPhase) {
  if (phase === 'fin_sent' || phase === 'fin_both') return 'ui.client.inputFinSent' as const;
  if (phase === 'closed' || phase === 'reset') return 'ui.client.inputClosed' as const;
  return 'ui.client.inputIdle' as const;
}
