// The diagram's arrows: one per thing a side sent (handshake, chunk, FIN, RST), from its lane at
// when it left to the other lane at when it was seen; each a button that selects what it stands for.
import type { TFunction } from 'i18next';
import type { KeyboardEvent } from 'react';
import type { JournalEvent } from '../../../shared/contract/contract';
import type { LadderModel } from '../../../shared/teardown/ladder-types';
import type { ArrowGeometry } from './ladder-layout';
import { eventOf } from './ladder-select';
import { arrowLabel, arrowTitle } from './ladder-words';

interface Props {
  model: LadderModel;
  arrows: readonly ArrowGeometry[];
  journals: readonly (readonly JournalEvent[] | undefined)[];
  /** Arrows the byte selection overlaps, and the one picked (by click or by its step). */
  lit: ReadonlySet<number>;
  picked: number | null;
  onPick: (index: number) => void;
  t: TFunction;
}

export function LadderArrows({ model, arrows, journals, lit, picked, onPick, t }: Props) {
  const keyPick = (index: number) => (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    onPick(index);
  };
  return (
    <g className="ladder-arrows">
      {arrows.map((g) => {
        const arrow = model.arrows[g.index];
        if (!arrow) return null;
        const cls = `arrow kind-${arrow.kind} from-${arrow.from}${lit.has(g.index) ? ' lit' : ''}${picked === g.index ? ' picked' : ''}`;
        const title = arrowTitle(arrow, eventOf(journals, arrow.ref), t);
        return (
          <g
            key={g.index}
            className={cls}
            data-testid="ladder-arrow"
            data-kind={arrow.kind}
            data-from={arrow.from}
            data-index={g.index}
            data-lit={lit.has(g.index) || undefined}
            data-picked={picked === g.index || undefined}
            role="button"
            tabIndex={0}
            aria-label={title.split('\n')[0]}
            onClick={() => onPick(g.index)}
            onKeyDown={keyPick(g.index)}
          >
            <title>{title}</title>
            {/* A wide invisible stroke: a one-pixel line is too thin to hit with a mouse. */}
            <line className="arrow-hit" x1={g.x1} y1={g.y1} x2={g.x2} y2={g.y2} />
            <line className="arrow-line" x1={g.x1} y1={g.y1} x2={g.x2} y2={g.y2} />
            <polygon className="arrow-head" points={g.head} />
            {/* Along the arrow, just above it: crossing arrows keep their labels apart. */}
            <text className="arrow-label" x={g.labelX} y={g.labelY - 5} textAnchor="middle" transform={g.labelAngle ? `rotate(${g.labelAngle} ${g.labelX} ${g.labelY})` : undefined}>
              {arrowLabel(arrow, t)}
            </text>
          </g>
        );
      })}
    </g>
  );
}
