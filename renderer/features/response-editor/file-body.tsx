// A body taken from a file: chosen with the system's file picker, read in the page (nothing but the
// bytes leaves it), and shown as a summary (name, type, size, and the image itself when it is one)
// rather than as text. The head above stays editable.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileBody } from '../../../shared/contract/app-settings';
import { ImagePreview } from '../../body-preview/image-preview';
import { fileBody, fileBodyBytes } from '../../lib/response-doc';

/** The most a response's body may be: what the engine sends from memory, and what settings keep. */
export const FILE_BODY_LIMIT = 16 * 1024 * 1024;

export function FileBodyButton({ onBody }: { onBody: (body: FileBody) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setProblem(null);
    if (file.size > FILE_BODY_LIMIT) {
      const size = (count: number): string => t('ui.editor.bytes', { count });
      setProblem(t('ui.editor.file.tooLarge', { name: file.name, size: size(file.size), limit: size(FILE_BODY_LIMIT) }));
      return;
    }
    try {
      onBody(fileBody(file.name, file.type, new Uint8Array(await file.arrayBuffer())));
    } catch {
      setProblem(t('ui.editor.file.unreadable', { name: file.name }));
    }
  };
  return (
    <>
      <button type="button" className="small" title={t('ui.editor.file.chooseTip')} data-testid="editor-file-choose" onClick={() => input.current?.click()}>
        {t('ui.editor.file.choose')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="editor-file-input"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

export function FileBodySummary({ body, onRemove }: { body: FileBody; onRemove: () => void }) {
  const { t } = useTranslation();
  const bytes = useMemo(() => fileBodyBytes(body), [body]);
  return (
    <div className="file-body" data-testid="editor-file-body" data-size={bytes.length}>
      <div className="file-body-line">
        <span>
          {t('ui.editor.file.summary', { name: body.name, type: body.type || t('ui.editor.file.noType'), size: t('ui.editor.bytes', { count: bytes.length }) })}
        </span>
        <button type="button" className="small" title={t('ui.editor.file.removeTip')} onClick={onRemove}>
          {t('ui.editor.file.remove')}
        </button>
      </div>
      {body.type.startsWith('image/') && <ImagePreview bytes={bytes} type={body.type} />}
    </div>
  );
}
