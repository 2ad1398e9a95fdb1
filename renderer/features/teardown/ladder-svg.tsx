// The ladder diagram as one SVG: lane headers, time down the left, the lanes with their states,
// the arrows, the selected step's band, and a legend, all inside the SVG so that an export
// (svg-export.ts) carries everything a slide needs.
import type { TFunction } from 'i18next';
import type { Ref } from 'react';
import type { JournalEvent } from '../../../shared/contract/contract';
import type { LadderModel, Side } from '../../../shared/teardown/ladder-types';
import type { LadderGeometry, TimeMode } from './ladder-layout';
import { LadderArrows } from './ladder-arrows';
import { LadderLanes } from './ladder-lanes';
import { LadderLegend } from './ladder-legend';
import { timeText } from './ladder-words';
import './ladder.css';

interface Props {
  model: LadderModel;
  geometry: LadderGeometry;
  mode: TimeMode;
  journals: readonly (readonly JournalEvent[] | undefined)[];
  selectedStep: number | null;
  pickedArrow: number | null;
  lit: ReadonlySet<number>;
  timeWaitLeft: Record<Side, number | null>;
  /** Drawn for an export: lengths in full (TIME_WAIT's 60 s), not a moment's countdown. */
  fullLengths?: boolean;
  onStep: (index: number) => void;
  onArrow: (index: number) => void;
  svgRef: Ref<SVGSVGElement>;
  t: TFunction;
}

export function LadderSvg({ model, geometry: g, mode, journals, selectedStep, pickedArrow, lit, timeWaitLeft, fullLengths = false, onStep, onArrow, svgRef, t }: Props) {
  const bandY = selectedStep === null ? null : g.stepY[selectedStep];
  const title = t('ui.teardown.viewTitle');
  return (
    <svg
      ref={svgRef}
      className={`ladder mode-${mode}`}
      data-testid="ladder-svg"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${g.width} ${g.height}`}
      width={g.width}
      height={g.height}
      role="group"
      aria-label={title}
    >
      <title>{title}</title>
      <rect className="ladder-bg" x={0} y={0} width={g.width} height={g.height} />
      {bandY !== undefined && bandY !== null && <rect className="step-band" x={0} y={bandY - 13} width={g.width} height={26} rx={4} />}
      <g className="ladder-ticks">
        {g.ticks.map((tick) => (
          <g key={tick.t}>
            {mode === 'scale' && <line className="tick-line" x1={84} y1={tick.y} x2={g.width - 16} y2={tick.y} />}
            <text className="tick-label" x={12} y={tick.y + 4}>
              {timeText(tick.t, t)}
            </text>
          </g>
        ))}
      </g>
      {(['client', 'server'] as const).map((side) => {
        const lane = model.lanes[side];
        const endpoint = lane.connId ? t('ui.teardown.lane.ours', { endpoint: lane.endpoint, connId: lane.connId }) : t('ui.teardown.lane.notOurs', { endpoint: lane.endpoint });
        return (
          <g key={side} className={`lane-head side-${side}`} data-testid="ladder-lane" data-side={side}>
            <text className="lane-name" x={g.laneX[side]} y={26} textAnchor="middle">
              {t(`ui.teardown.lane.${side}`)}
            </text>
            <text className="lane-endpoint" x={g.laneX[side]} y={44} textAnchor="middle">
              {endpoint}
            </text>
          </g>
        );
      })}
      <LadderLanes model={model} geometry={g} selectedStep={selectedStep} onStep={onStep} timeWaitLeft={timeWaitLeft} fullLengths={fullLengths} t={t} />
      <LadderArrows model={model} arrows={g.arrows} journals={journals} lit={lit} picked={pickedArrow} onPick={onArrow} t={t} />
      <LadderLegend y={g.height - 18} width={g.width} t={t} />
    </svg>
  );
}
