// The four guided lessons, in LESSONS.md's order.
import type { Lesson, LessonId } from './lesson-types';
import { LESSON_L1 } from './lesson-l1';
import { LESSON_L2 } from './lesson-l2';
import { LESSON_L3 } from './lesson-l3';
import { LESSON_L4 } from './lesson-l4';

export const LESSONS: readonly Lesson[] = [LESSON_L1, LESSON_L2, LESSON_L3, LESSON_L4];

export function lessonById(id: LessonId): Lesson {
  const found = LESSONS.find((l) => l.id === id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}

/** Where "Open in your browser" points for a lesson's server on this port: loopback, its root. */
export function lessonBrowserUrl(port: number): string {
  return `http://127.0.0.1:${port}/`;
}
