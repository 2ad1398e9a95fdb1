// The lesson's program, read-only and highlighted, with the line of the last socket call lit and a
// caption saying what it did (recv() with the bytes it returned). Below it, every call so far in
// order: things happen on the wire faster than a person reads, so any of them can be lit again.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonProgram } from '../../../shared/lessons/lesson-types';
import type { TraceMark } from '../../../shared/lessons/program-trace';
import { ByteText } from '../../ui/byte-text';
import { createProgramView, type ProgramHandle } from './program-editor';

/** A caption shows this many of recv()'s bytes; the byte views show them all. */
const CAPTION_BYTES = 120;

interface ProgramViewProps {
  program: LessonProgram;
  marks: readonly TraceMark[];
  /** A mark picked from the list: its connection is shown in the journal. */
  onPick: (mark: TraceMark) => void;
}

export function ProgramView({ program, marks, onPick }: ProgramViewProps) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [view, setView] = useState<ProgramHandle | null>(null);
  // The learner's pick, by position in the list; a new call on the wire takes the light back.
  // Kept with the number of calls there were, so one more call ends the pick without an effect.
  const [picked, setPicked] = useState<{ index: number; of: number } | null>(null);
  const lit = picked !== null && picked.of === marks.length ? marks[picked.index] : marks.at(-1);
  const label = t('ui.lessons.programLabel', { file: program.file });

  useLayoutEffect(() => {
    if (!host.current) return;
    const made = createProgramView(host.current, { text: program.text, label, testId: 'lesson-code' });
    setView(made);
    return () => made.destroy();
    // Made once; the text follows below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => view?.setText(program.text), [view, program.text]);
  useEffect(() => view?.light(lit?.line ?? null), [view, lit]);
  // The list scrolls by itself to its newest call, as a terminal does (it alone: not the panel).
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [marks.length]);

  return (
    <div className="lesson-program">
      <h4>{t('ui.lessons.program', { file: program.file })}</h4>
      <div
        className="lesson-code"
        ref={host}
        data-testid="lesson-code-host"
        data-lit-line={lit?.line ?? ''}
        data-lit-call={lit?.call ?? ''}
      />
      <p className="lesson-caption" data-testid="lesson-caption" aria-live="polite">
        {lit ? <Caption mark={lit} /> : t('ui.lessons.waiting')}
      </p>
      {marks.length > 0 && (
        <ol ref={list} className="lesson-trace" data-testid="lesson-trace" aria-label={t('ui.lessons.traceLabel')}>
          {marks.map((m, i) => (
            <li key={`${m.connId}:${m.seq}`}>
              <button
                type="button"
                data-testid="lesson-trace-item"
                data-call={m.call}
                data-line={m.line}
                aria-current={m === lit ? 'step' : undefined}
                onClick={() => {
                  setPicked({ index: i, of: marks.length });
                  onPick(m);
                }}
              >
                <span className="lesson-trace-line">{m.line}</span>
                <code>{program.text.split('\n')[m.line - 1]?.trim().replace(/\s+#.*$/, '')}</code>
                {m.length !== undefined && <span className="lesson-trace-count">{t('ui.lessons.bytes', { count: m.length })}</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Caption({ mark }: { mark: TraceMark }) {
  const { t } = useTranslation();
  const count = mark.length ?? 0;
  if (mark.call === 'recv') {
    if (!mark.bytes) return <>{t('ui.lessons.caption.recvEvicted', { count })}</>;
    const shown = mark.bytes.subarray(0, CAPTION_BYTES);
    return (
      <>
        {t('ui.lessons.caption.recv', { count })} <ByteText bytes={shown} />
        {mark.bytes.length > CAPTION_BYTES ? '…' : ''}
      </>
    );
  }
  return <>{t(`ui.lessons.caption.${mark.call}`, { count })}</>;
}
