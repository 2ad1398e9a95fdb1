// The frame every CodeMirror view of the app shares (the response editor, a lesson's program): the
// app's colours, mono type, border and focus ring, and the gutter. Written as a CodeMirror theme
// because both views live in shadow roots, where CodeMirror styles itself with a constructed style
// sheet (the page's CSP refuses inline <style>); the app's colour variables reach in, as custom
// properties inherit, so light and dark follow the system.
import { EditorView } from '@codemirror/view';

export const codeFrameTheme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--term-bg)',
    border: '1px solid var(--border-strong)',
    borderRadius: '6px',
    font: '12.5px/1.5 var(--font-mono)',
    height: '100%',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '0' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5', overflow: 'auto' },
  '.cm-content': { padding: '6px 0' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
});
