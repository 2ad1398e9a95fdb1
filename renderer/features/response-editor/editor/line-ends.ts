// Every byte the editor holds, made visible: each CR as a CR badge (it is a real character in the
// document), each line break as an LF badge at the end of its line (orange after a CR, red when it
// is a bare LF, so CRLF and bare LF never look alike), and each escape (\xHH, \t, \n, \\) marked
// as one byte. What the person sees is what the server sends, one for one.
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import type {
  EditorView} from '@codemirror/view';
import {
  Decoration,
  MatchDecorator,
  ViewPlugin,
  WidgetType,
  highlightSpecialChars,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';

export interface LineEndWords {
  cr: string;
  lf: string;
  bareLf: string;
  escape: string;
}

const CR = 13;

function badge(name: string, className: string, title: string): HTMLElement {
  const span = document.createElement('span');
  span.className = `cm-byte-badge ${className}`;
  span.textContent = name;
  span.title = title;
  return span;
}

class LfWidget extends WidgetType {
  constructor(
    private readonly bare: boolean,
    private readonly words: LineEndWords,
  ) {
    super();
  }
  override eq(other: LfWidget): boolean {
    return other.bare === this.bare && other.words === this.words;
  }
  override toDOM(): HTMLElement {
    return badge('LF', this.bare ? 'cm-lf cm-lf-bare' : 'cm-lf', this.bare ? this.words.bareLf : this.words.lf);
  }
  override ignoreEvent(): boolean {
    return false;
  }
}

/** An LF badge at the end of every line that a line break ends, in the visible part only. */
function lfBadges(words: LineEndWords): Extension {
  const crlf = Decoration.widget({ widget: new LfWidget(false, words), side: 1 });
  const bare = Decoration.widget({ widget: new LfWidget(true, words), side: 1 });
  const build = (view: EditorView): DecorationSet => {
    const builder = new RangeSetBuilder<Decoration>();
    const doc = view.state.doc;
    for (const { from, to } of view.visibleRanges) {
      let line = doc.lineAt(from);
      for (;;) {
        if (line.number < doc.lines) {
          const last = line.length > 0 ? line.text.charCodeAt(line.length - 1) : -1;
          builder.add(line.to, line.to, last === CR ? crlf : bare);
        }
        if (line.to >= to || line.number >= doc.lines) break;
        line = doc.line(line.number + 1);
      }
    }
    return builder.finish();
  };
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view);
      }
      update(update: ViewUpdate): void {
        if (update.docChanged || update.viewportChanged) this.decorations = build(update.view);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}

/** \xHH, \t, \n, \\ and \r written as text: each one byte, marked as such. */
function escapeMarks(words: LineEndWords): Extension {
  const matcher = new MatchDecorator({
    regexp: /\\(?:x[0-9a-fA-F]{2}|[rnt\\])/g,
    decoration: () => Decoration.mark({ class: 'cm-byte-escape', attributes: { title: words.escape } }),
  });
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = matcher.createDeco(view);
      }
      update(update: ViewUpdate): void {
        this.decorations = matcher.updateDeco(update, this.decorations);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}

export function lineEnds(words: LineEndWords): Extension {
  return [
    // CR is a special character by default; draw it as a badge rather than a red dot.
    highlightSpecialChars({
      render: (code, _description, placeholder) =>
        code === CR ? badge('CR', 'cm-cr', words.cr) : badge(placeholder, 'cm-ctl', _description ?? ''),
    }),
    lfBadges(words),
    escapeMarks(words),
  ];
}
