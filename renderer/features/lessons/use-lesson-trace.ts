// The marks of a lesson's run: the journals of the connections its server accepted since it was
// set up (watched while the lesson shows them), traced into the lesson's program
// (shared/lessons/program-trace.ts). Recomputed when a journal delta lands; a lesson's few
// connections make that cheap.
import { useMemo } from 'react';
import type { Lesson } from '../../../shared/lessons/lesson-types';
import { traceLesson, type TraceMark } from '../../../shared/lessons/program-trace';
import { useWirebench } from '../../store/store-context';
import { useWatched } from '../../journal/use-journal';
import type { LessonRun } from './lesson-setup';

export function useLessonTrace(lesson: Lesson, run: LessonRun | null): TraceMark[] {
  const conns = useWirebench((s) => s.conns);
  const journals = useWirebench((s) => s.journals);
  const servers = useWirebench((s) => s.servers);
  const ofRun = useMemo(
    () => (run ? Object.values(conns).filter((c) => c.role === 'server' && c.serverId === run.serverId && !run.before.has(c.connId)).map((c) => c.connId) : []),
    [run, conns],
  );
  // The page holds the events of watched connections only (issue 19): the run's, while it is traced.
  const stale = useWirebench((s) => ofRun.some((id) => s.journals[id]?.needsFetch === true && !s.journals[id]?.loading));
  useWatched(ofRun, stale);
  return useMemo(() => {
    if (!run) return [];
    const after = servers.find((x) => x.serverId === run.serverId)?.settings.after ?? lesson.server.settings.after;
    return traceLesson(
      lesson.program(run.port),
      after,
      ofRun.map((id) => journals[id]?.events ?? []),
    );
  }, [lesson, run, ofRun, journals, servers]);
}
