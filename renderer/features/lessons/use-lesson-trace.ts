// The marks of a lesson's run: the journals of the connections its server accepted since it was
// set up, traced into the lesson's program (shared/lessons/program-trace.ts). Recomputed when a
// journal delta lands; a lesson's few connections make that cheap.
import { useMemo } from 'react';
import type { Lesson } from '../../../shared/lessons/lesson-types';
import { traceLesson, type TraceMark } from '../../../shared/lessons/program-trace';
import { useWirebench } from '../../store/store-context';
import type { LessonRun } from './lesson-setup';

export function useLessonTrace(lesson: Lesson, run: LessonRun | null): TraceMark[] {
  const conns = useWirebench((s) => s.conns);
  const journals = useWirebench((s) => s.journals);
  const servers = useWirebench((s) => s.servers);
  return useMemo(() => {
    if (!run) return [];
    const after = servers.find((x) => x.serverId === run.serverId)?.settings.after ?? lesson.server.settings.after;
    const ofRun = Object.values(conns).filter((c) => c.role === 'server' && c.serverId === run.serverId && !run.before.has(c.connId));
    return traceLesson(
      lesson.program(run.port),
      after,
      ofRun.map((c) => journals[c.connId]?.events ?? []),
    );
  }, [lesson, run, conns, journals, servers]);
}
