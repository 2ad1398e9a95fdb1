// Says so when the page has lost the engine (web host restarted, laptop slept): until the link is
// back, nothing on screen is live.
import { useTranslation } from 'react-i18next';
import { useWirebench } from '../store/store-context';
import { selectLink } from '../store/ui-slice';

export function LinkBanner() {
  const { t } = useTranslation();
  const link = useWirebench(selectLink);
  if (link === 'up') return null;
  return (
    <div className={`link-banner link-${link}`} role="status" data-testid="link-banner">
      {link === 'down' ? t('ui.app.linkDown') : t('ui.app.linkConnecting')}
    </div>
  );
}
