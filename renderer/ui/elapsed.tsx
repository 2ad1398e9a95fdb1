// "+0.42 ms": when something happened, counted from the moment the connection began.
import { useTranslation } from 'react-i18next';
import { elapsedText } from '../lib/format';

export function Elapsed({ ms }: { ms: number }) {
  const { t } = useTranslation();
  return (
    <span className="elapsed" title={t('ui.journal.timeLabel')}>
      {elapsedText(ms, t)}
    </span>
  );
}
