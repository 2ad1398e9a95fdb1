// The four lessons to choose from: in the first-run welcome, and in the panel once it is dismissed.
import { useTranslation } from 'react-i18next';
import type { LessonId } from '../../../shared/lessons/lesson-types';
import { LESSONS } from '../../../shared/lessons/lessons';
import { useLessonWords } from './lesson-words';

export function LessonList({ onChoose }: { onChoose: (id: LessonId) => void }) {
  const { t } = useTranslation();
  const words = useLessonWords();
  return (
    <ul className="lesson-list" aria-label={t('ui.lessons.listLabel')}>
      {LESSONS.map((lesson) => (
        <li key={lesson.id}>
          <button type="button" data-testid="lesson-choose" data-lesson={lesson.id} onClick={() => onChoose(lesson.id)}>
            <strong>{words(lesson.id).title}</strong>
            <span>{words(lesson.id).summary}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
