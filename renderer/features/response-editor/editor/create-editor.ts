// The response editor's CodeMirror view, set up for exact bytes:
// - only LF separates lines (EditorState.lineSeparator), so a CR stays a real character in its line
//   and a pasted CRLF keeps both bytes; nothing is normalised behind the person's back;
// - Enter inserts what the person chose (CRLF for HTTP/1.1, or a bare LF as lesson L2 sends);
// - undo/redo, find/replace and the lint tooltips with their fixes, worded from our catalog;
// - it lives in a shadow root: CodeMirror styles itself with a <style> element, which the page's
//   CSP (style-src 'self') refuses, but in a shadow root it uses a constructed style sheet instead.
import { history, historyKeymap, defaultKeymap, indentWithTab } from '@codemirror/commands';
import { lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, Facet, Prec } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import type { EnterInserts } from '../../../../shared/contract/app-settings';
import { editorTheme } from './editor-theme';
import { lineEnds, type LineEndWords } from './line-ends';

export type { EnterInserts };

export interface EditorOptions {
  text: string;
  enter: EnterInserts;
  label: string;
  testId: string;
  words: LineEndWords;
  /** CodeMirror's own words (search panel, lint panel), from the catalog. */
  phrases: Record<string, string>;
  onText(text: string): void;
  onHelp(): void;
}

export interface EditorHandle {
  readonly view: EditorView;
  /** Replaces the whole document (a preset, a conversion): one step for undo. */
  setText(text: string): void;
  setEnter(enter: EnterInserts): void;
  /** A recording's editor shows the response it had and takes no edits (nor fixes, nor pastes). */
  setReadOnly(readOnly: boolean): void;
  setDiagnostics(diagnostics: readonly Diagnostic[]): void;
  focus(): void;
  destroy(): void;
}

const enterFacet = Facet.define<EnterInserts, EnterInserts>({ combine: (values) => values[0] ?? 'crlf' });

function insertLineEnd(view: EditorView, ending: EnterInserts): boolean {
  view.dispatch(view.state.replaceSelection(ending === 'crlf' ? '\r\n' : '\n'), { scrollIntoView: true, userEvent: 'input' });
  return true;
}

/**
 * Read-only both ways: the state refuses changes by commands (Enter, a fix, a paste), and the
 * content is not editable, so the caret and the on-screen keyboard do not offer to type.
 */
const readOnlyExtensions = (on: boolean) => [EditorState.readOnly.of(on), EditorView.editable.of(!on)];

export function createResponseEditor(host: HTMLElement, options: EditorOptions): EditorHandle {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  parent.className = 'cm-host';
  // The host element sizes the editor (resizable in the panel, the whole dialog when expanded).
  parent.style.height = '100%';
  shadow.replaceChildren(parent);
  const enter = new Compartment();
  const readOnly = new Compartment();
  let silent = false;

  const state = EditorState.create({
    doc: options.text,
    extensions: [
      EditorState.lineSeparator.of('\n'),
      EditorState.phrases.of(options.phrases),
      enter.of(enterFacet.of(options.enter)),
      readOnly.of(readOnlyExtensions(false)),
      lineNumbers(),
      history(),
      drawSelection(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      search({ top: true }),
      lineEnds(options.words),
      editorTheme,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': options.label, 'data-testid': options.testId, spellcheck: 'false' }),
      Prec.highest(
        keymap.of([
          { key: 'Enter', run: (view) => insertLineEnd(view, view.state.facet(enterFacet)) },
          // The other ending, without changing the choice: a bare LF among CRLFs, or the reverse.
          { key: 'Shift-Enter', run: (view) => insertLineEnd(view, view.state.facet(enterFacet) === 'crlf' ? 'lf' : 'crlf') },
          { key: 'F1', run: () => (options.onHelp(), true) },
          { key: 'Mod-/', run: () => (options.onHelp(), true) },
        ]),
      ),
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap, indentWithTab]),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !silent) options.onText(update.state.doc.toString());
      }),
    ],
  });
  const view = new EditorView({ state, parent, root: shadow });

  return {
    view,
    setText(text) {
      if (text === view.state.doc.toString()) return;
      // Told from outside (a preset, the store): report nothing back, the caller knows.
      silent = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      } finally {
        silent = false;
      }
    },
    setEnter(value) {
      view.dispatch({ effects: enter.reconfigure(enterFacet.of(value)) });
    },
    setReadOnly(value) {
      view.dispatch({ effects: readOnly.reconfigure(readOnlyExtensions(value)) });
    },
    setDiagnostics(diagnostics) {
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    focus() {
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}
