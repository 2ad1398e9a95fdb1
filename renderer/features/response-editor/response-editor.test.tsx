// @vitest-environment happy-dom
// The response editor drawn alone, wired as the server panel wires it (the form's draft in the
// store holds the document), with a store and a fake bridge of the test's own (testing/). The
// bridge only records commands; the network is not what is tested here. CodeMirror runs for real;
// where the person would type, the test hands CodeMirror the edit its input handling would make
// (reading the DOM's input is CodeMirror's own, tested business), and keys go in as key events.
import { EditorView } from '@codemirror/view';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { L2_HELLO_BARE_LF } from '../../../shared/server/presets';
import { selectServerDraft } from '../../store/servers-slice';
import { createWirebenchStore } from '../../store/store';
import { useWirebench } from '../../store/store-context';
import { renderPanel } from '../../testing/render-panel';
import { ResponseEditor } from './response-editor';

/** As ResponderFields does it: the document is the server form's, and edits go back there. */
function InTheForm() {
  const draft = useWirebench(selectServerDraft);
  const edit = useWirebench((s) => s.editServerDraft);
  return <ResponseEditor doc={{ text: draft.cannedText, body: draft.cannedBody }} onDoc={(doc) => edit({ cannedText: doc.text, cannedBody: doc.body })} />;
}

/** The editor's document, as the form holds it. */
function drawEditor(text: string) {
  const store = createWirebenchStore();
  store.getState().editServerDraft({ cannedText: text, cannedBody: null });
  const drawn = renderPanel(<InTheForm />, store);
  const formText = (): string => store.getState().serverDraft.cannedText;
  return { ...drawn, formText };
}

/** CodeMirror lives in a shadow root (create-editor.ts), out of the screen queries' reach. */
async function editorView(): Promise<{ view: EditorView; content: HTMLElement }> {
  const content = await waitFor(() => {
    const found = document.querySelector('.editor-host')?.shadowRoot?.querySelector<HTMLElement>('[data-testid="editor-content"]');
    if (!found) throw new Error('no editor yet');
    return found;
  });
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no view for the editor’s content');
  return { view, content };
}

const CRLF_RESPONSE = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi';
const BARE_LF_RESPONSE = 'HTTP/1.1 200 OK\nContent-Length: 5\n\nHello';
const checks = () => screen.getByTestId('editor-checks');

afterEach(cleanup);

describe('the response editor', () => {
  it('edits the form’s response: typing goes to the form, Enter inserts the line end chosen', async () => {
    const { formText } = drawEditor(CRLF_RESPONSE);
    const { view, content } = await editorView();
    expect(screen.getByTestId('editor-bytes').dataset.count).toBe('40');

    act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: '!' }, selection: { anchor: view.state.doc.length + 1 }, userEvent: 'input.type' }));
    expect(formText()).toBe(`${CRLF_RESPONSE}!`);
    expect(screen.getByTestId('editor-bytes').dataset.count).toBe('41');

    act(() => void fireEvent.keyDown(content, { key: 'Enter', code: 'Enter', keyCode: 13 }));
    expect(formText()).toBe(`${CRLF_RESPONSE}!\r\n`);
    fireEvent.change(screen.getByTestId('editor-enter'), { target: { value: 'lf' } });
    act(() => void fireEvent.keyDown(content, { key: 'Enter', code: 'Enter', keyCode: 13 }));
    expect(formText()).toBe(`${CRLF_RESPONSE}!\r\n\n`);
    expect(screen.getByTestId('editor-endings').dataset.endings).toBe('mixed');
  });

  it('shows a broken response’s problems in words, and marks them at their bytes', async () => {
    drawEditor(BARE_LF_RESPONSE);
    const { content } = await editorView();
    expect(checks().dataset.count).toBe('1');
    const check = screen.getByTestId('editor-check');
    expect(check.dataset.code).toBe('bare_lf');
    expect(check.textContent).toContain('This line ends in a bare LF where HTTP wants CRLF (lines ending so in this message: 3).');
    expect(screen.getByTestId('editor-endings').dataset.endings).toBe('lf');
    await waitFor(() => expect(content.querySelector('.cm-lintRange, .cm-lintPoint')).not.toBeNull());
  });

  it('applies a fix as one edit of the form’s response, which one undo takes back', async () => {
    const { formText } = drawEditor(BARE_LF_RESPONSE);
    const { view } = await editorView();
    const fix = screen.getByTestId('editor-fix');
    expect(fix.dataset.fix).toBe('bare_lf_to_crlf');
    expect(fix.textContent).toBe('Fix: Make the 3 bare LFs in the head CRLF');

    act(() => void fireEvent.click(fix));
    expect(formText()).toBe('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHello');
    expect(checks().dataset.count).toBe('0');
    expect(checks().textContent).toContain('No problems: this is well-formed HTTP.');

    act(() => void fireEvent.keyDown(view.contentDOM, { key: 'z', code: 'KeyZ', keyCode: 90, ctrlKey: true }));
    expect(formText()).toBe(BARE_LF_RESPONSE);
    expect(checks().dataset.count).toBe('1');
  });

  it('loads a lesson’s preset into the form: its bytes, and its after-answer policy', async () => {
    const { store, formText } = drawEditor(CRLF_RESPONSE);
    const { view } = await editorView();
    fireEvent.change(screen.getByTestId('editor-preset'), { target: { value: 'builtin:l2-hello-bare-lf' } });
    expect(formText()).toBe('HTTP/1.1 200 OK\n\nHello, World!');
    expect(store.getState().serverDraft.after).toBe(L2_HELLO_BARE_LF.after);
    expect(view.state.doc.toString()).toBe('HTTP/1.1 200 OK\n\nHello, World!');
    expect(screen.getByTestId('editor-teaches').textContent).toBe(
      'A status line, no headers and bare LF line ends: malformed, yet browsers and curl still show it.',
    );
  });
});
