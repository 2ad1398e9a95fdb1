// The lesson's program in a read-only CodeMirror view: Python highlighted, line numbers, and one
// line lit (a line decoration) for the socket call that matches what last happened on the wire.
// Like the response editor it lives in a shadow root, where CodeMirror styles itself with a
// constructed style sheet (the page's CSP refuses inline <style>); the app's colour variables
// reach in, so light and dark follow the system.
import { python } from '@codemirror/lang-python';
import { defaultHighlightStyle, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, lineNumbers, type DecorationSet } from '@codemirror/view';
import { codeFrameTheme } from '../../ui/code-frame-theme';

export interface ProgramHandle {
  /** Replaces the program (another lesson, another port). */
  setText(text: string): void;
  /** Lights this line (from 1) and scrolls it into view; null: none. */
  light(line: number | null): void;
  destroy(): void;
}

/**
 * CodeMirror's default highlighting, its tags kept and its fixed colours swapped for the app's
 * variables, so the same rules read well on the light and the dark background. The escapes in a
 * bytes literal (\r \n) take the colour line ends have everywhere else in the app.
 */
const COLOURS: Readonly<Record<string, string>> = {
  '#708': 'var(--glyph-ctl)',
  '#219': 'var(--out)',
  '#164': 'var(--in-mark)',
  '#a11': 'var(--danger)',
  '#e40': 'var(--glyph-eol)',
  '#00f': 'var(--accent)',
  '#30a': 'var(--accent)',
  '#085': 'var(--in-mark)',
  '#167': 'var(--in-mark)',
  '#256': 'var(--out)',
  '#00c': 'var(--accent)',
  '#940': 'var(--muted)',
  '#404740': 'var(--muted)',
  '#f00': 'var(--danger)',
};
const themedHighlight = HighlightStyle.define(
  defaultHighlightStyle.specs.map((spec) => {
    const colour = typeof spec.color === 'string' ? COLOURS[spec.color] : undefined;
    return colour ? { ...spec, color: colour } : spec;
  }),
);

const programTheme = EditorView.theme({
  '.cm-lesson-lit': {
    backgroundColor: 'var(--accent-soft)',
    boxShadow: 'inset 3px 0 0 var(--accent)',
  },
});

const setLit = StateEffect.define<number | null>();
const litLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setLit)) continue;
      const line = effect.value;
      next =
        line === null || line < 1 || line > tr.state.doc.lines
          ? Decoration.none
          : Decoration.set([Decoration.line({ class: 'cm-lesson-lit', attributes: { 'data-lit': 'true' } }).range(tr.state.doc.line(line).from)]);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export function createProgramView(host: HTMLElement, options: { text: string; label: string; testId: string }): ProgramHandle {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  parent.style.height = '100%';
  shadow.replaceChildren(parent);
  const extensions: Extension[] = [
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    lineNumbers(),
    python(),
    syntaxHighlighting(themedHighlight),
    codeFrameTheme,
    programTheme,
    // The side column is narrow beside the exchange: long lines (the comments) wrap rather than
    // hide behind a sideways scroll, so the lit line is always read whole.
    EditorView.lineWrapping,
    litLine,
    // Read-only, yet reachable by keyboard (Tab stops on it, arrows scroll) and named for screen readers.
    EditorView.contentAttributes.of({ 'aria-label': options.label, 'data-testid': options.testId, tabindex: '0', role: 'textbox', 'aria-readonly': 'true', 'aria-multiline': 'true' }),
  ];
  const view = new EditorView({ state: EditorState.create({ doc: options.text, extensions }), parent, root: shadow });
  return {
    setText(text) {
      if (text !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    light(line) {
      const valid = line !== null && line >= 1 && line <= view.state.doc.lines;
      view.dispatch({
        effects: [setLit.of(line), ...(valid ? [EditorView.scrollIntoView(view.state.doc.line(line).from, { y: 'center' })] : [])],
      });
    },
    destroy() {
      view.destroy();
    },
  };
}
