// "+0.42 ms": when something happened, counted from the moment the connection began.
import { useTranslation } from 'react-i18next';
import { formatElapsed } from '../lib/format';

export function Elapsed({ ms }: { ms: number }) {
  const { t } = useTranslation();
  const { unit, value } = formatElapsed(ms);
  return (
    <span className="elapsed" title={t('ui.journal.timeLabel')}>
      {unit === 'ms' ? t('ui.time.ms', { value }) : t('ui.time.s', { value })}
    </span>
  );
}
