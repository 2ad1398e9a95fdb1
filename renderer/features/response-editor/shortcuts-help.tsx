// The keyboard shortcuts of the response editor, in a dialog (F1 or Ctrl+/ in the editor, or the
// Shortcuts button). A native <dialog>: focus moves in, Escape closes it, focus comes back.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// Keys are not words: they read the same in every language (Mod is Ctrl, or ⌘ on a Mac).
const SHORTCUTS = [
  ['Enter', 'enter'],
  ['Shift+Enter', 'shiftEnter'],
  ['Ctrl+Z', 'undo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'redo'],
  ['Ctrl+F', 'find'],
  ['Ctrl+F, Tab', 'replace'],
  ['F3 / Ctrl+G', 'findNext'],
  ['Ctrl+A', 'selectAll'],
  ['F8', 'nextProblem'],
  ['F1 / Ctrl+/', 'help'],
  // Tab types a TAB (a response may need one), so the keyboard leaves the editor as CodeMirror
  // provides: Escape, then Tab. Said here, or a keyboard user is trapped.
  ['Tab', 'tab'],
  ['Escape, Tab', 'leave'],
] as const;

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="editor-dialog shortcuts-help" data-testid="editor-shortcuts" aria-labelledby="shortcuts-heading" onClose={onClose}>
      <h3 id="shortcuts-heading">{t('ui.editor.shortcuts.heading')}</h3>
      <table>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{t(`ui.editor.shortcuts.keys.${what}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button type="button" onClick={onClose} autoFocus>
          {t('ui.editor.shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
