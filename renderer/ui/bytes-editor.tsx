// A simple editor for exact bytes (issue 8 brings the real one): a monospace <textarea> holding
// escaped text (lib/escaped-text.ts), laid over a copy of the same text in which every CR (\r) and
// every LF (a line break) wears the CR / LF badge of the byte views. Both layers hold the same
// characters in the same font, so they line up letter for letter; the textarea's own letters are
// transparent, and the caret, the selection and the typing stay its own.
// Enter inserts CR LF by default (RFC 9112 section 2.2: HTTP/1.1 lines end with CRLF), or a bare
// LF, which lesson L2's server sends.
import { memo, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { escapedSegments } from '../lib/escaped-text';
import './bytes-editor.css';

export type EnterInserts = 'crlf' | 'lf';

interface BytesEditorProps {
  label: string;
  testId: string;
  value: string;
  onChange: (text: string) => void;
  enterInserts: EnterInserts;
  /** Shortest height, in lines. */
  minLines?: number;
  describedBy?: string;
}

export function BytesEditor({ label, testId, value, onChange, enterInserts, minLines = 4, describedBy }: BytesEditorProps) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);

  // After an Enter, put the caret after what it inserted (the new value is drawn by then).
  useLayoutEffect(() => {
    const at = caret.current;
    if (at === null || !area.current) return;
    caret.current = null;
    area.current.setSelectionRange(at, at);
  }, [value]);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    // While an input method is composing, Enter picks a candidate; Shift+Enter is a plain line break.
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    const el = e.currentTarget;
    const insert = enterInserts === 'crlf' ? '\\r\n' : '\n';
    caret.current = el.selectionStart + insert.length;
    onChange(value.slice(0, el.selectionStart) + insert + value.slice(el.selectionEnd));
  };

  return (
    <div className="bytes-editor" style={{ minHeight: `calc(${minLines} * 1.5em + 14px)` }}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <pre className="bytes-editor-layer" aria-hidden="true">
        <Highlight text={value} />
      </pre>
      <textarea
        id={id}
        ref={area}
        data-testid={testId}
        className="bytes-editor-input"
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        wrap="soft"
        aria-describedby={describedBy}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

const Highlight = memo(function Highlight({ text }: { text: string }) {
  const out: ReactNode[] = [];
  let at = 0;
  for (const segment of escapedSegments(text)) {
    const key = at;
    at += segment.text.length;
    if (segment.kind === 'text') out.push(segment.text);
    else if (segment.kind === 'cr')
      out.push(
        <span key={key} className="be-cr" data-name="CR">
          {segment.text}
        </span>,
      );
    // The LF badge takes no room: the line break itself is the LF, and has no width in the textarea.
    else if (segment.kind === 'lf')
      out.push(<span key={key} className="be-lf" data-name="LF" />, segment.text);
    else
      out.push(
        <span key={key} className="be-escape">
          {segment.text}
        </span>,
      );
  }
  // A final line break needs a character after it to take up its line, as it does in the textarea.
  out.push(' ');
  return <>{out}</>;
});
