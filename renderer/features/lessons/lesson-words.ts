// A lesson's words from the catalog (ui.lessons.<id>): its title, summary and steps. Read as one
// object, because a step's keys come from the lesson's data (shared/lessons) rather than from code.
import { useTranslation } from 'react-i18next';
import type { LessonId } from '../../../shared/lessons/lesson-types';

export interface StepWords {
  title: string;
  do: string;
  question: string;
  choices: Record<string, string>;
  reveal: string;
}

export interface LessonWords {
  title: string;
  summary: string;
  steps: Record<string, StepWords>;
}

export function useLessonWords(): (id: LessonId) => LessonWords {
  const { t } = useTranslation();
  return (id) => t(`ui.lessons.${id}`, { returnObjects: true });
}
