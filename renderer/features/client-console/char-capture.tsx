// Character mode's input: a box that sends every key the moment it is pressed, as a telnet in
// character mode does, so the server's side sees one byte (one chunk) per keystroke. Shortcuts
// with Ctrl or Cmd are left to the browser (copy, switching tabs), never sent.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface CharCaptureProps {
  disabled: boolean;
  describedBy: string | undefined;
  /** Sends the key; false when the key sends nothing (Shift, arrows, ...). */
  onKey: (key: string) => boolean;
}

export function CharCapture({ disabled, describedBy, onKey }: CharCaptureProps) {
  const { t } = useTranslation();
  const [count, setCount] = useState(0);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (disabled || e.ctrlKey || e.metaKey || e.altKey || e.nativeEvent.isComposing) return;
    if (onKey(e.key)) {
      e.preventDefault();
      setCount((n) => n + 1);
    }
  };
  return (
    <div
      className={disabled ? 'char-capture disabled' : 'char-capture'}
      data-testid="client-char-input"
      role="textbox"
      aria-label={t('ui.client.charLabel')}
      aria-disabled={disabled}
      aria-describedby={describedBy}
      tabIndex={disabled ? -1 : 0}
      onKeyDown={onKeyDown}
    >
      <span className="prompt" aria-hidden="true">
        ⌨
      </span>{' '}
      {count === 0 ? t('ui.client.charPlaceholder') : t('ui.client.charSent', { count })}
    </div>
  );
}
