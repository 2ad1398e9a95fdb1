// Copy the selection as text, as an escaped string literal, or as hex (copy-format.ts), with the
// clipboard API. Bytes the renderer does not hold are fetched first; a selection reaching bytes
// the engine no longer stores cannot be copied, and says so.
import { useTranslation } from 'react-i18next';
import type { Dir } from '../../../shared/contract/contract';
import type { ByteSelection } from '../../store/state-types';
import type { ReadResult } from './byte-source';
import { copyAsEscaped, copyAsHex, copyAsText } from './copy-format';

/** More than this at once is no longer a selection a person reads: a file save would be the tool. */
const COPY_MAX = 16 * 1024 * 1024;

const FORMS = {
  text: { format: copyAsText, label: 'ui.bytes.copyText', title: 'ui.bytes.copyTextTitle', done: 'ui.bytes.copiedText' },
  escaped: { format: copyAsEscaped, label: 'ui.bytes.copyEscaped', title: 'ui.bytes.copyEscapedTitle', done: 'ui.bytes.copiedEscaped' },
  hex: { format: copyAsHex, label: 'ui.bytes.copyHex', title: 'ui.bytes.copyHexTitle', done: 'ui.bytes.copiedHex' },
} as const;

interface Props {
  selection: ByteSelection | null;
  ensure: (dir: Dir, start: number, end: number) => Promise<ReadResult>;
  onNote: (note: string) => void;
}

export function CopyButtons({ selection, ensure, onNote }: Props) {
  const { t } = useTranslation();
  const copy = async (form: keyof typeof FORMS): Promise<void> => {
    if (!selection) return;
    const { format, done } = FORMS[form];
    if (selection.length > COPY_MAX) {
      onNote(t('ui.bytes.copyTooLarge', { limit: t('ui.bytes.byteCount', { count: COPY_MAX }) }));
      return;
    }
    const bytes = await ensure(selection.dir, selection.offset, selection.offset + selection.length);
    if (!(bytes instanceof Uint8Array)) {
      onNote(t('ui.bytes.copyEvicted'));
      return;
    }
    try {
      await navigator.clipboard.writeText(format(bytes));
      onNote(t(done, { bytes: t('ui.bytes.byteCount', { count: bytes.length }) }));
    } catch (err) {
      onNote(t('ui.bytes.copyFailed', { reason: err instanceof Error ? err.message : String(err) }));
    }
  };
  return (
    <div className="copy-buttons" role="group">
      {(Object.keys(FORMS) as (keyof typeof FORMS)[]).map((form) => (
        <button
          key={form}
          type="button"
          data-testid={`bytes-copy-${form}`}
          disabled={!selection}
          title={t(FORMS[form].title)}
          onClick={() => void copy(form)}
        >
          {t(FORMS[form].label)}
        </button>
      ))}
    </div>
  );
}
