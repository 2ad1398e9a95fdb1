// Whether a lesson's step has happened yet, from the marks traced on its server's connections.
import type { LessonStep } from './lesson-types';
import type { TraceMark } from './program-trace';

/** The first mark that completes the step, or null while it has not happened. */
export function stepMark(step: LessonStep, marks: readonly TraceMark[]): TraceMark | null {
  const done = step.done;
  switch (done.kind) {
    case 'call': {
      const matching = marks.filter((m) => m.call === done.call);
      return matching[(done.count ?? 1) - 1] ?? null;
    }
    case 'request':
      return marks.find((m) => m.call === 'recv' && m.requestLine?.split(' ')[1] === done.path) ?? null;
  }
}
