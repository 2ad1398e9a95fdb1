// The lesson's steps, one at a time: first the prediction (its choices as buttons), then, once
// the learner has guessed and the wire has shown it, what happened, pointing at the bytes or the
// diagram of the connection where it happened.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson, LessonStep } from '../../../shared/lessons/lesson-types';
import type { TraceMark } from '../../../shared/lessons/program-trace';
import { stepMark } from '../../../shared/lessons/step-progress';
import type { StepWords } from './lesson-words';

export interface StepsState {
  index: number;
  guesses: Readonly<Record<string, string>>;
}

interface LessonStepsProps {
  lesson: Lesson;
  words: Record<string, StepWords>;
  marks: readonly TraceMark[];
  state: StepsState;
  onState: (state: StepsState) => void;
  /** Shows where the step happened: its connection, in this journal view. */
  onPoint: (step: LessonStep, mark: TraceMark, view: LessonStep['focus']['view']) => void;
  /** Whether the lesson is set up: until then the steps wait. */
  running: boolean;
}

export function LessonSteps({ lesson, words, marks, state, onState, onPoint, running }: LessonStepsProps) {
  const { t } = useTranslation();
  const step = lesson.steps[state.index];
  const said = step ? words[step.id] : undefined;
  const guess = step ? state.guesses[step.id] : undefined;
  const happened = step && running ? stepMark(step, marks) : null;
  const revealed = guess !== undefined && happened !== null;

  // Revealed: point at it once, as the reveal says (the buttons point again).
  const revealKey = revealed && step ? `${step.id}:${happened.connId}:${happened.seq}` : null;
  useEffect(() => {
    if (revealKey && step && happened) onPoint(step, happened, step.focus.view);
    // Only when a reveal first shows, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revealKey]);

  if (!step || !said) return null;
  const choose = (choice: string): void => onState({ ...state, guesses: { ...state.guesses, [step.id]: choice } });
  const last = state.index === lesson.steps.length - 1;
  return (
    <section className="lesson-step" data-testid="lesson-step" data-step={step.id} data-revealed={revealed} aria-live="polite">
      <p className="lesson-step-count">{t('ui.lessons.steps.heading', { n: state.index + 1, total: lesson.steps.length })}</p>
      <h4>{said.title}</h4>
      <p>{said.do}</p>
      <fieldset className="lesson-predict">
        <legend>
          {t('ui.lessons.steps.predict')} {said.question}
        </legend>
        {step.choices.map((choice) => (
          <button
            key={choice}
            type="button"
            data-testid="lesson-choice"
            data-choice={choice}
            aria-pressed={guess === choice}
            disabled={guess !== undefined}
            onClick={() => choose(choice)}
          >
            {said.choices[choice]}
          </button>
        ))}
      </fieldset>
      {guess !== undefined && !revealed && <p className="lesson-wait" data-testid="lesson-wait">{t('ui.lessons.steps.waitingFor')}</p>}
      {revealed && (
        <div className="lesson-reveal" data-testid="lesson-reveal">
          <p>
            <strong>{guess === step.answer ? t('ui.lessons.steps.right') : t('ui.lessons.steps.notQuite', { answer: said.choices[step.answer] ?? step.answer })}</strong>{' '}
            {said.reveal}
          </p>
          <div className="lesson-point">
            <button type="button" data-testid="lesson-show-bytes" onClick={() => onPoint(step, happened, 'bytes')}>
              {t('ui.lessons.steps.showBytes')}
            </button>
            <button type="button" data-testid="lesson-show-diagram" onClick={() => onPoint(step, happened, 'diagram')}>
              {t('ui.lessons.steps.showDiagram')}
            </button>
            {last ? (
              <span data-testid="lesson-done">{t('ui.lessons.steps.done')}</span>
            ) : (
              <button type="button" className="primary" data-testid="lesson-next" onClick={() => onState({ ...state, index: state.index + 1 })}>
                {t('ui.lessons.steps.next')}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
