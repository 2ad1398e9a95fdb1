// Each side's lane: its TCP state along it (solid where the kernel said so, dashed where inferred
// from the events), the state's name where it begins (TIME_WAIT counting down), where the program
// closed its socket, and a dot per step, which selects that step.
import type { TFunction } from 'i18next';
import type { LadderModel, Side } from '../../../shared/teardown/ladder-types';
import { FRAME, type LadderGeometry, type StateMark } from './ladder-layout';
import { narrate, timeText } from './ladder-words';

interface Props {
  model: LadderModel;
  geometry: LadderGeometry;
  selectedStep: number | null;
  onStep: (index: number) => void;
  /** Seconds left on each side's TIME_WAIT, live; null when it is not in one. */
  timeWaitLeft: Record<Side, number | null>;
  /** An export: TIME_WAIT says its full length, not what is left of it at the moment of the click. */
  fullLengths: boolean;
  t: TFunction;
}

export function LadderLanes({ model, geometry, selectedStep, onStep, timeWaitLeft, fullLengths, t }: Props) {
  const last = { client: lastMark(geometry.marks, 'client'), server: lastMark(geometry.marks, 'server') };
  const label = (m: StateMark): string => {
    if (m.state !== 'TIME_WAIT') return m.state;
    if (fullLengths) {
      const step = model.steps[m.step];
      // The step that entered TIME_WAIT says how long it lasts (Linux: 60 s); a later mark, the same.
      const entered = model.steps.findLast((s, i) => i <= m.step && s.side === m.side && s.code === 'time_wait') ?? step;
      const seconds = Number(entered?.code === 'time_wait' ? entered.params.seconds : 60);
      return t('ui.teardown.status.stateLength', { state: m.state, seconds });
    }
    const left = m === last[m.side] ? timeWaitLeft[m.side] : null;
    return left === null ? m.state : t('ui.teardown.status.stateTimer', { state: m.state, seconds: left });
  };
  return (
    <g className="ladder-lanes">
      {(['client', 'server'] as const).map((side) => (
        <line key={side} className="lane-rail" x1={geometry.laneX[side]} y1={geometry.startY - 14} x2={geometry.laneX[side]} y2={geometry.endY + FRAME.runOn} />
      ))}
      {geometry.segments.map((s) => (
        <line key={`${s.side}-${s.y1}`} className={`lane-seg src-${s.source} state-${s.state}`} data-state={s.state} data-source={s.source} x1={geometry.laneX[s.side]} y1={s.y1} x2={geometry.laneX[s.side]} y2={s.y2} />
      ))}
      {geometry.marks.map((m) => (
        <StateLabel key={`${m.side}-${m.step}`} mark={m} laneX={geometry.laneX[m.side]} text={label(m)} />
      ))}
      {model.steps.map((step, i) =>
        step.code === 'closed' || step.code === 'closed_after_reset' ? (
          <g key={`close-${i}`} className="close-mark" data-testid="ladder-close" data-from={step.side}>
            <title>{t('ui.teardown.arrow.closeTitle', { side: t(`ui.teardown.side.${step.side}`), time: timeText(step.t, t) })}</title>
            <line x1={geometry.laneX[step.side] - 9} y1={geometry.stepY[i]} x2={geometry.laneX[step.side] + 9} y2={geometry.stepY[i]} />
            <text x={geometry.laneX[step.side] + (step.side === 'client' ? 14 : -14)} y={(geometry.stepY[i] ?? 0) + 14} textAnchor={step.side === 'client' ? 'start' : 'end'}>
              {t('ui.teardown.arrow.close')}
            </text>
          </g>
        ) : null,
      )}
      {model.steps.map((step, i) => (
        <circle
          key={`step-${i}`}
          className={`step-dot${selectedStep === i ? ' selected' : ''}`}
          data-testid="ladder-step"
          data-index={i}
          data-code={step.code}
          data-side={step.side}
          cx={geometry.laneX[step.side]}
          cy={geometry.stepY[i]}
          r={selectedStep === i ? 6 : 4.5}
          onClick={() => onStep(i)}
        >
          <title>{t('ui.teardown.arrow.stepTitle', { n: i + 1, sentence: narrate(step, t) })}</title>
        </circle>
      ))}
    </g>
  );
}

function StateLabel({ mark, laneX, text }: { mark: StateMark; laneX: number; text: string }) {
  const pushed = Math.abs(mark.labelY - (mark.y + 4)) > 2;
  return (
    <g className={`state-mark src-${mark.source}`} data-testid="ladder-state" data-side={mark.side} data-state={mark.state} data-source={mark.source}>
      <line className="state-tick" x1={laneX - 4} y1={mark.y} x2={laneX + 4} y2={mark.y} />
      {/* Pushed away from where it begins (a crowd of changes): a leader line says where it belongs. */}
      {pushed && <line className="state-leader" x1={laneX + (mark.anchor === 'end' ? -5 : 5)} y1={mark.y} x2={mark.labelX} y2={mark.labelY - 4} />}
      <text className="state-label" x={mark.labelX + (pushed ? (mark.anchor === 'end' ? -4 : 4) : 0)} y={mark.labelY} textAnchor={mark.anchor}>
        {text}
      </text>
    </g>
  );
}

function lastMark(marks: readonly StateMark[], side: Side): StateMark | undefined {
  return marks.filter((m) => m.side === side).at(-1);
}
