// "Copy as…" on a request of the structure tree: a menu button (WAI-ARIA APG, Menu Button pattern:
// arrows move, Escape closes and gives focus back) whose items copy the request as curl,
// printf | nc or Python. The commands are made from the whole journal (`journal.events`), asked
// for on the click, and aimed at the connection's server; a note beside says what the copy did.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { selectConn } from '../../store/connections-slice';
import { useWirebench } from '../../store/store-context';
import { COPY_FORMS, copyRequestAs, type CopyForm } from './copy-as-forms';
import { useWholeJournal } from './use-whole-journal';
import './export.css';

interface Props {
  connId: string;
  /** Where the request starts in its direction's stream. */
  offset: number;
  /** Its number in the stream (1 for the first), for the button's name. */
  n: number;
}

export function CopyAsMenu({ connId, offset, n }: Props) {
  const { t } = useTranslation();
  const conn = useWirebench(selectConn(connId));
  const wholeJournal = useWholeJournal();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  // Opening puts focus on the first item, as the pattern says.
  useEffect(() => {
    if (open) items.current[0]?.focus();
  }, [open]);

  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const copy = async (form: CopyForm): Promise<void> => {
    close(true);
    setNote(null);
    if (!conn) return;
    const journal = await wholeJournal(connId);
    if (!journal.ok) {
      setNote({ text: t('ui.export.copyFailed', { reason: journal.reason }), failed: true });
      return;
    }
    const text = copyRequestAs(form, conn, journal.events, offset);
    if (text === null) {
      setNote({ text: t('ui.export.copyGone'), failed: true });
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      setNote({ text: t('ui.export.copied', { form: t(`ui.export.copyForm.${form}`) }), failed: false });
    } catch (err) {
      setNote({ text: t('ui.export.copyFailed', { reason: err instanceof Error ? err.message : String(err) }), failed: true });
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLElement>): void => {
    const list = items.current.filter((b): b is HTMLButtonElement => b !== null);
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number): void => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') close(false);
  };

  return (
    <span
      className="copy-as"
      // Focus leaving the button and its menu (a click elsewhere, Tab) closes the menu.
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="copy-as-button"
        data-testid="copy-as"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        // The visible words first (WCAG 2.5.3, label in name), then which request: each has its own.
        aria-label={t('ui.export.copyAsFor', { n })}
        title={t('ui.export.copyAsTitle')}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t('ui.export.copyAs')}
      </button>
      {open && (
        <span className="copy-as-menu" id={menuId} role="menu" aria-label={t('ui.export.copyAsFor', { n })} onKeyDown={onMenuKey}>
          {COPY_FORMS.map((form, i) => (
            <button
              key={form}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              data-testid={`copy-as-${form}`}
              title={t(`ui.export.copyFormTitle.${form}`)}
              onClick={() => void copy(form)}
            >
              {t(`ui.export.copyForm.${form}`)}
            </button>
          ))}
        </span>
      )}
      {note && (
        <span className={`copy-as-note${note.failed ? ' failed' : ''}`} role={note.failed ? 'alert' : 'status'} data-testid="copy-as-note">
          {note.text}
        </span>
      )}
    </span>
  );
}
