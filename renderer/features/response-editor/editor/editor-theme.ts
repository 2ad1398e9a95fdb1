// The editor's looks. The editor lives in a shadow root (see create-editor.ts), so its styles are
// written here, where CodeMirror puts them into a constructed style sheet: the page's CSP allows no
// inline <style>. The app's colour variables reach in, since custom properties inherit.
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { codeFrameTheme } from '../../../ui/code-frame-theme';

const badgeBase = {
  display: 'inline-block',
  margin: '0 1px',
  padding: '0 2px',
  borderRadius: '3px',
  font: '600 9px/1.5 var(--font-ui)',
  verticalAlign: '1px',
  color: 'var(--glyph-eol)',
  background: 'var(--glyph-eol-bg)',
};

/** The app's code frame (renderer/ui/code-frame-theme.ts), and what an editable response adds. */
export const editorTheme: Extension = [codeFrameTheme, EditorView.theme({
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-line': { padding: '0 22px 0 8px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent)',
  },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 6%, transparent)' },
  '.cm-byte-badge': badgeBase,
  '.cm-lf-bare': { color: 'var(--danger)', background: 'var(--danger-bg)', outline: '1px dashed var(--danger)' },
  '.cm-ctl': { ...badgeBase, color: 'var(--glyph-ctl)', background: 'var(--glyph-ctl-bg)' },
  '.cm-byte-escape': { color: 'var(--glyph-ctl)', background: 'var(--glyph-ctl-bg)', borderRadius: '3px' },
  '.cm-panels': { backgroundColor: 'var(--panel-2)', color: 'var(--text)', font: '13px var(--font-ui)' },
  '.cm-panels input, .cm-panels button, .cm-panels label': { font: '13px var(--font-ui)' },
  '.cm-textfield': { border: '1px solid var(--border-strong)', borderRadius: '4px', padding: '2px 4px' },
  '.cm-button': { backgroundImage: 'none', backgroundColor: 'var(--panel)', border: '1px solid var(--border-strong)', borderRadius: '4px' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border-strong)', font: '13px var(--font-ui)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--glyph-eol)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'wavy underline var(--danger)', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'wavy underline var(--glyph-eol)', textUnderlineOffset: '3px' },
  '.cm-lintRange-info': { backgroundImage: 'none', textDecoration: 'dotted underline var(--muted)' },
  '.cm-diagnosticAction': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)', borderRadius: '4px' },
})];
