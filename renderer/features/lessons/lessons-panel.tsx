// The Lessons panel: the guided lessons L1–L4 of LESSONS.md. On a first run it opens with a
// welcome offering them (dismissed for good once declined or once a lesson is chosen: kept in the
// settings file). A chosen lesson is set up in one click, shows its program lit by the wire, and
// walks through its steps.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonId } from '../../../shared/lessons/lesson-types';
import { lessonById } from '../../../shared/lessons/lessons';
import { useWirebenchStore } from '../../store/store-context';
import { LessonList } from './lesson-list';
import { useWelcomeDismissed } from './lesson-settings';
import { LessonView } from './lesson-view';
import './lessons.css';

export function LessonsPanel() {
  const { t } = useTranslation();
  const [dismissed, dismiss] = useWelcomeDismissed();
  const [chosen, setChosen] = useState<LessonId | null>(null);
  const store = useWirebenchStore();
  // A first run shows the welcome where it is seen: the side column turns to the Lessons tab
  // (its panels stay mounted, so this one decides even while hidden). Once only, at start.
  useEffect(() => {
    if (!dismissed) store.getState().setSideTab('lessons');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const choose = (id: LessonId): void => {
    if (!dismissed) dismiss();
    setChosen(id);
  };
  return (
    <section className="lessons-panel" aria-labelledby="lessons-heading" data-testid="lessons-panel">
      <h2 id="lessons-heading">{t('ui.lessons.heading')}</h2>
      {chosen ? (
        <LessonView key={chosen} lesson={lessonById(chosen)} onBack={() => setChosen(null)} />
      ) : dismissed ? (
        <LessonList onChoose={choose} />
      ) : (
        <div className="lessons-welcome" data-testid="lessons-welcome" role="region" aria-labelledby="lessons-welcome-title">
          <h3 id="lessons-welcome-title">{t('ui.lessons.welcome.title')}</h3>
          <p>{t('ui.lessons.welcome.text')}</p>
          <LessonList onChoose={choose} />
          <button type="button" data-testid="lessons-welcome-dismiss" title={t('ui.lessons.welcome.dismissTip')} onClick={dismiss}>
            {t('ui.lessons.welcome.dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
