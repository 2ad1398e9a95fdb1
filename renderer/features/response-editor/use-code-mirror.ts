// One CodeMirror view for the lifetime of the component, kept in step with React: the document
// follows `text` when it changes from outside (a preset, a fix), the Enter choice and the
// diagnostics follow their props, and every edit the person makes goes to onText.
import type { Diagnostic } from '@codemirror/lint';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createResponseEditor, type EditorHandle, type EditorOptions, type EnterInserts } from './editor/create-editor';

interface CodeMirrorProps extends Omit<EditorOptions, 'text' | 'enter'> {
  text: string;
  enter: EnterInserts;
  readOnly: boolean;
  diagnostics: readonly Diagnostic[];
}

export function useCodeMirror(props: CodeMirrorProps): {
  hostRef: (el: HTMLDivElement | null) => void;
  editor: EditorHandle | null;
} {
  const [editor, setEditor] = useState<EditorHandle | null>(null);
  // The latest callbacks, read when CodeMirror calls back (it is set up once).
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  const hostRef = (el: HTMLDivElement | null): void => {
    if (!el || editor) return;
    const p = latest.current;
    setEditor(
      createResponseEditor(el, {
        ...p,
        onText: (text) => latest.current.onText(text),
        onHelp: () => latest.current.onHelp(),
      }),
    );
  };
  useEffect(() => () => editor?.destroy(), [editor]);
  useEffect(() => editor?.setText(props.text), [editor, props.text]);
  useEffect(() => editor?.setEnter(props.enter), [editor, props.enter]);
  useEffect(() => editor?.setReadOnly(props.readOnly), [editor, props.readOnly]);
  useEffect(() => editor?.setDiagnostics(props.diagnostics), [editor, props.diagnostics]);
  return { hostRef, editor };
}
