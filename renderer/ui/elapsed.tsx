// "+0.42 ms": when something happened, counted from the moment the connection began.
import type { TFunction } from 'i18next';
import { elapsedText } from '../lib/format';

/**
 * Takes its parent's `t` rather than calling useTranslation: a journal entry mounts one of these,
 * and a busy connection mounts hundreds of entries a second, each useTranslation costing a copy of
 * the i18n instance's descriptors on mount (react-i18next's wrapper; issue 19).
 */
export function Elapsed({ ms, t }: { ms: number; t: TFunction }) {
  return (
    <span className="elapsed" title={t('ui.journal.timeLabel')}>
      {elapsedText(ms, t)}
    </span>
  );
}
