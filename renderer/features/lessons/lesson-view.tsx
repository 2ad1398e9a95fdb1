// One lesson: what it shows, its Set up button (and why it failed: a port taken is explained, as
// L1 wants), its program lit by the wire, its steps, and the learner's own program to run against it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson, LessonStep } from '../../../shared/lessons/lesson-types';
import type { TraceMark } from '../../../shared/lessons/program-trace';
import { useBridge } from '../../bridge/bridge-context';
import { ReadOnlyNote, useReadOnly } from '../../recording/read-only';
import { selectionOf } from '../../store/selection-slice';
import { useWirebench, useWirebenchStore } from '../../store/store-context';
import type { JournalViewKind } from '../../store/state-types';
import { setUpLesson, type LessonRun, type SetupProblem } from './lesson-setup';
import { LessonSteps, type StepsState } from './lesson-steps';
import { useLessonWords } from './lesson-words';
import { ProgramView } from './program-view';
import { BrowserLink, RunYourOwn } from './run-your-own';
import { useLessonTrace } from './use-lesson-trace';

const FRESH_STEPS: StepsState = { index: 0, guesses: {} };

export function LessonView({ lesson, onBack }: { lesson: Lesson; onBack: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useWirebenchStore();
  const words = useLessonWords()(lesson.id);
  const [run, setRun] = useState<LessonRun | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SetupProblem | null>(null);
  const [steps, setSteps] = useState<StepsState>(FRESH_STEPS);
  const marks = useLessonTrace(lesson, run);
  const listening = useWirebench((s) => (run ? s.servers.some((x) => x.serverId === run.serverId && x.listening) : false));
  const port = run?.port ?? lesson.server.port;
  // Over a recording the lesson is followed, not run: its steps and program follow the replay's
  // journals (the run's server is the recorded one), and Set up, which would start a server, waits.
  const readOnly = useReadOnly();

  const setUp = async (onPort?: number): Promise<void> => {
    setBusy(true);
    setProblem(null);
    const outcome = await setUpLesson(bridge, store, lesson, onPort);
    setBusy(false);
    if (!outcome.ok) return setProblem(outcome.problem);
    setRun(outcome.run);
    setSteps(FRESH_STEPS);
  };

  /** Shows the connection where it happened, in the view asked for; in the bytes, the very bytes. */
  const point = (mark: TraceMark, view: JournalViewKind, side: LessonStep['focus']['side'] = 'server'): void => {
    const s = store.getState();
    const connId = side === 'client' && run?.clientConnId ? run.clientConnId : mark.connId;
    s.select(connId);
    s.setJournalView(view);
    // In its pane, beside the lesson: the large byte view would cover the lesson being followed.
    s.setJournalLarge(false);
    if (side === 'server' && mark.offset !== undefined && mark.length) {
      s.selectBytes(selectionOf(connId, mark.call === 'recv' ? 'in' : 'out', mark.offset, mark.length));
    }
  };

  return (
    <article className="lesson" data-testid="lesson" data-lesson={lesson.id}>
      <button type="button" className="lesson-back" data-testid="lesson-back" onClick={onBack}>
        {t('ui.lessons.back')}
      </button>
      <h3>{words.title}</h3>
      <p>{words.summary}</p>
      <div className="lesson-actions">
        <button
          type="button"
          className="primary"
          data-testid="lesson-setup"
          disabled={busy || readOnly}
          title={readOnly ? t('ui.recording.readOnlyTip') : t('ui.lessons.setUpTip', { port: lesson.server.port })}
          onClick={() => void setUp()}
        >
          {busy ? t('ui.lessons.settingUp') : run ? t('ui.lessons.setUpAgain') : t('ui.lessons.setUp')}
        </button>
        {run && listening && lesson.browser && !readOnly && <BrowserLink port={port} />}
      </div>
      <ReadOnlyNote testId="lesson-read-only" />
      {run && listening && (
        <p className="lesson-ready" data-testid="lesson-ready" role="status">
          {run.clientConnId ? t('ui.lessons.ready', { address: `127.0.0.1:${port}` }) : t('ui.lessons.readyNoClient', { address: `127.0.0.1:${port}` })}
        </p>
      )}
      {run && listening && run.twinPort !== null && (
        <p className="lesson-twin" data-testid="lesson-twin">
          {t('ui.lessons.twin', { address: `127.0.0.1:${run.twinPort}` })}
        </p>
      )}
      {problem && !readOnly && <SetupProblemView problem={problem} onRetry={(p) => void setUp(p)} />}
      <LessonSteps
        lesson={lesson}
        words={words.steps}
        marks={marks}
        state={steps}
        onState={setSteps}
        running={run !== null}
        onPoint={(step, mark, view) => point(mark, view, step.focus.side)}
      />
      <ProgramView program={lesson.program(port)} marks={marks} onPick={(m) => point(m, 'bytes')} />
      <RunYourOwn program={lesson.peer(port)} />
    </article>
  );
}

function SetupProblemView({ problem, onRetry }: { problem: SetupProblem; onRetry: (port: number) => void }) {
  const { t } = useTranslation();
  if (problem.kind === 'failed') {
    return (
      <p className="message message-error" role="alert" data-testid="lesson-problem">
        {t('ui.lessons.failed', { reason: t(problem.message.key, problem.message.params) })}
      </p>
    );
  }
  return (
    <div className="message message-error" role="alert" data-testid="lesson-problem" data-code="port_in_use">
      <p>{t('ui.lessons.portInUse', { port: problem.port, suggestion: problem.suggestion })}</p>
      <button type="button" data-testid="lesson-use-port" onClick={() => onRetry(problem.suggestion)}>
        {t('ui.lessons.usePort', { port: problem.suggestion })}
      </button>
    </div>
  );
}
