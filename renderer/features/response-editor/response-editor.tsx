// The canned-response editor: the exact bytes the server sends, in a code editor where every line
// ending is visible and real, with the annotator's checks at their bytes (one-click fixes, never
// forced), presets, a body from a file, line-ending conversion, the response's version and a diff
// between versions, and a shortcuts overlay. It edits the server form's draft, which the server
// panel applies to the running server (the next connection gets the new bytes).
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileBody, ResponseDoc } from '../../../shared/contract/app-settings';
import { lineEndings, convertLineEndings } from '../../../shared/server/response-check';
import { escapedTextToBytes } from '../../lib/escaped-text';
import { docText, responseBytes } from '../../lib/response-doc';
import { selectEditorEnter, selectUserPresets } from '../../store/editor-slice';
import { useWirebench, useWirebenchStore } from '../../store/store-context';
import { FileBodyButton, FileBodySummary } from './file-body';
import { EditorChecksList } from './checks-list';
import { applyPresetChoice } from './apply-preset';
import { PresetsMenu } from './presets-menu';
import { applyFix, checkDocument, diagnosticsFor } from './response-checks';
import { ShortcutsHelp } from './shortcuts-help';
import { useReadOnly } from '../../recording/read-only';
import { useCodeMirror } from './use-code-mirror';
import { UserPresetsBar } from './user-presets';
import { VersionsBar } from './versions-bar';
import './response-editor.css';

interface ResponseEditorProps {
  doc: ResponseDoc;
  onDoc: (doc: ResponseDoc) => void;
}

export function ResponseEditor({ doc, onDoc }: ResponseEditorProps) {
  const { t } = useTranslation();
  const store = useWirebenchStore();
  const enter = useWirebench(selectEditorEnter);
  const setEnter = useWirebench((s) => s.setEditorEnter);
  const mine = useWirebench(selectUserPresets);
  const [help, setHelp] = useState(false);
  // Over a recording the response is shown as it was, and cannot be edited (nothing would be sent).
  const readOnly = useReadOnly();
  const [expanded, setExpanded] = useState(false);
  const [teaches, setTeaches] = useState<string | null>(null);

  // By its parts, not the doc: the server panel hands a new doc object on every redraw (its
  // counters move many times a second under load), and new bytes mean new checks and new
  // diagnostics, which CodeMirror then applies with a layout read each time (issue 19).
  const { text: editorText, body: editorBody } = doc;
  const bytes = useMemo(() => responseBytes({ text: editorText, body: editorBody }), [editorText, editorBody]);
  const textBytes = useMemo(() => escapedTextToBytes(doc.text), [doc.text]);
  const checks = useMemo(() => checkDocument(doc.text, bytes), [doc.text, bytes]);
  const endings = useMemo(() => lineEndings(textBytes), [textBytes]);

  const setText = useCallback((text: string) => onDoc({ ...doc, text }), [doc, onDoc]);
  const setBody = (body: FileBody | null): void => onDoc({ ...doc, body });

  // A fix is an edit in the editor (applyFix), so it is one undoable step.
  const { hostRef, editor } = useCodeMirror({
    text: doc.text,
    enter,
    readOnly,
    label: t('ui.editor.label'),
    testId: 'editor-content',
    words: {
      cr: t('ui.editor.badge.cr'),
      lf: t('ui.editor.badge.lf'),
      bareLf: t('ui.editor.badge.bareLf'),
      escape: t('ui.editor.badge.escape'),
    },
    phrases: t('ui.editor.phrases', { returnObjects: true }),
    onText: setText,
    onHelp: () => setHelp(true),
    diagnostics: useMemo(() => diagnosticsFor(t, checks), [t, checks]),
  });

  const convert = (to: 'crlf' | 'lf'): void => setText(docText(convertLineEndings(textBytes, to)));
  const select = (from: number, to: number): void => {
    if (!editor) return;
    editor.view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
    editor.focus();
  };

  return (
    <div className={expanded ? 'response-editor expanded' : 'response-editor'} data-testid="response-editor" onKeyDown={(e) => e.key === 'Escape' && expanded && setExpanded(false)}>
      <div className="editor-toolbar">
        <PresetsMenu
          mine={mine}
          onChoose={(choice) => {
            setTeaches(choice.kind === 'builtin' ? t(`ui.presets.${choice.preset.name}.teaches`) : null);
            applyPresetChoice(choice, store);
          }}
        />
        <label className="editor-enter" title={t('ui.editor.enterTip')}>
          {t('ui.editor.enterLabel')}{' '}
          <select data-testid="editor-enter" value={enter} onChange={(e) => setEnter(e.target.value === 'lf' ? 'lf' : 'crlf')}>
            <option value="crlf">{t('ui.editor.enterCrlf')}</option>
            <option value="lf">{t('ui.editor.enterLf')}</option>
          </select>
        </label>
        <span className="toolbar-gap" />
        <button type="button" className="small" title={t('ui.editor.helpTip')} data-testid="editor-help" onClick={() => setHelp(true)}>
          {t('ui.editor.help')}
        </button>
        <button type="button" className="small" title={t('ui.editor.expandTip')} data-testid="editor-expand" onClick={() => setExpanded(!expanded)}>
          {expanded ? t('ui.editor.collapse') : t('ui.editor.expand')}
        </button>
      </div>
      {teaches && (
        <p className="field-note preset-teaches" data-testid="editor-teaches">
          {teaches}
        </p>
      )}
      <div className="editor-host" ref={hostRef} />
      {doc.body && <FileBodySummary body={doc.body} onRemove={() => setBody(null)} />}
      <div className="editor-status" data-testid="editor-status">
        <span data-testid="editor-bytes" data-count={bytes.length}>
          {t('ui.editor.bytes', { count: bytes.length })}
        </span>
        <span className={`endings endings-${endings}`} data-testid="editor-endings" data-endings={endings} title={t(`ui.editor.endings.tip_${endings}`)}>
          {t('ui.editor.endings.label', { endings: t(`ui.editor.endings.${endings}`) })}
        </span>
        <button type="button" className="small" data-testid="editor-to-crlf" title={t('ui.editor.toCrlfTip')} disabled={endings === 'crlf' || endings === 'none'} onClick={() => convert('crlf')}>
          {t('ui.editor.toCrlf')}
        </button>
        <button type="button" className="small" data-testid="editor-to-lf" title={t('ui.editor.toLfTip')} disabled={endings === 'lf' || endings === 'none'} onClick={() => convert('lf')}>
          {t('ui.editor.toLf')}
        </button>
        {!doc.body && <FileBodyButton onBody={setBody} />}
      </div>
      <p className="field-note">{t('ui.editor.escapes')}</p>
      <EditorChecksList checks={checks} onSelect={select} onFix={(fix) => editor && applyFix(editor.view, fix, checks.map)} />
      <UserPresetsBar doc={doc} />
      <VersionsBar />
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
