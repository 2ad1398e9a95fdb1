// The journal panel's third view: the selected connection as a live ladder diagram, the scenarios
// beside it, the selected step in words beneath, and where each side stands at that step. Picking
// an arrow selects its journal entry and its bytes; a byte selection lights its arrows.
import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Side } from '../../../shared/teardown/ladder-types';
import { selectByteSelection } from '../../store/selection-slice';
import { useWirebench } from '../../store/store-context';
import { ExportButtons } from './export-buttons';
import { layoutLadder, type TimeMode } from './ladder-layout';
import { arrowBytes, arrowRef, arrowsOfSelection, stepOfArrow, timeWaitSecondsLeft } from './ladder-select';
import { LadderSvg } from './ladder-svg';
import { NarrationBar } from './narration-bar';
import { ScenarioBar } from './scenario-bar';
import { SideStatus } from './side-status';
import { TimeToggle } from './time-toggle';
import { useLadder } from './use-ladder';
import { useNow } from '../../ui/use-now';
import './teardown.css';

const NOTHING_LIT: ReadonlySet<number> = new Set();
const NO_COUNTDOWN: Record<Side, number | null> = { client: null, server: null };
const ignore = (): void => undefined;

export function TeardownView({ connId }: { connId: string | null }) {
  const { t } = useTranslation();
  const { conn, model, journals, loading } = useLadder(connId);
  const [mode, setMode] = useState<TimeMode>('compressed');
  // In the store, not here: the step stays picked while Events or Bytes shows what it selected.
  const pick = useWirebench((s) => s.diagramStep);
  const setPick = useWirebench((s) => s.pickDiagramStep);
  const svgRef = useRef<SVGSVGElement>(null);
  // The copy an export is taken from: drawn off screen only while exporting, with nothing selected.
  const exportRef = useRef<SVGSVGElement>(null);
  const [exporting, setExporting] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const selection = useWirebench(selectByteSelection(connId));
  const selectBytes = useWirebench((s) => s.selectBytes);
  const selectEvent = useWirebench((s) => s.selectEvent);
  const setView = useWirebench((s) => s.setJournalView);

  const side: Side | null = conn?.role ?? null;
  const mine = pick?.connId === connId ? pick : null;
  const count = model?.steps.length ?? 0;
  const latest = count > 0 ? count - 1 : null;
  const index = mine?.step != null && count > 0 ? Math.min(mine.step, count - 1) : latest;
  const geometry = useMemo(() => (model ? layoutLadder(model, mode) : null), [model, mode]);
  const lit = useMemo(() => (model && side ? arrowsOfSelection(model, side, selection) : NOTHING_LIT), [model, side, selection]);

  // A live countdown only while some side sits in a TIME_WAIT the kernel timed.
  const counting = model !== null && latest !== null && (['client', 'server'] as const).some((s) => model.steps[latest]?.states[s].state === 'TIME_WAIT');
  const now = useNow(counting);
  const leftAt = (i: number | null): Record<Side, number | null> => ({
    client: model && i !== null ? timeWaitSecondsLeft(model, i, 'client', journals, now) : null,
    server: model && i !== null ? timeWaitSecondsLeft(model, i, 'server', journals, now) : null,
  });

  // Keep the selected step in sight: the latest as it arrives, or the one stepped to. The diagram's
  // own box scrolls, not the page around it (scrollIntoView would move both).
  useEffect(() => {
    const box = scrollRef.current;
    const band = box?.querySelector('.step-band')?.getBoundingClientRect();
    if (!box || !band) return;
    const view = box.getBoundingClientRect();
    if (band.top < view.top) box.scrollTop -= view.top - band.top + 8;
    else if (band.bottom > view.bottom) box.scrollTop += band.bottom - view.bottom + 8;
  }, [index, mode]);

  const step = index === null ? null : (model?.steps[index] ?? null);
  const arrow = step?.arrow != null ? model?.arrows[step.arrow] : undefined;
  // Picking a step selects what it stands for: its journal entry (in this connection's journal
  // when it has one) and, for a chunk, its bytes.
  const onStep = (i: number | null): void => {
    if (!connId || !side) return;
    setPick(i === null ? null : { connId, step: i });
    const s = i === null ? undefined : model?.steps[i];
    if (!s || !model) return;
    const a = s.arrow === null ? undefined : model.arrows[s.arrow];
    const ref = s.ref?.connId === connId || !a ? s.ref : arrowRef(a, connId);
    if (ref) selectEvent(ref);
    const bytes = a ? arrowBytes(a, connId, side) : null;
    if (bytes) selectBytes(bytes);
  };
  const onArrow = (i: number): void => {
    if (model) onStep(Math.max(0, stepOfArrow(model, i)));
  };
  const chosen = mine?.step != null;

  return (
    <div className="teardown-view" data-testid="teardown-view">
      <div className="teardown-grid">
      <ScenarioBar />
      <div className="teardown-main">
        <div className="teardown-toolbar">
          <TimeToggle mode={mode} onMode={setMode} />
          <ExportButtons
            draw={() => {
              flushSync(() => setExporting(true));
              return exportRef.current;
            }}
            done={() => setExporting(false)}
            name={`wirebench-teardown-${connId ?? 'none'}`}
          />
        </div>
        <div className="ladder-scroll" ref={scrollRef}>
          {model && geometry ? (
            <LadderSvg
              model={model}
              geometry={geometry}
              mode={mode}
              journals={journals}
              selectedStep={index}
              pickedArrow={step?.arrow ?? null}
              lit={lit}
              timeWaitLeft={leftAt(latest)}
              onStep={onStep}
              onArrow={onArrow}
              svgRef={svgRef}
              t={t}
            />
          ) : (
            <p className="empty">{connId && loading ? t('ui.teardown.waiting') : t('ui.teardown.empty')}</p>
          )}
        </div>
        {exporting && model && geometry && (
          <div className="ladder-export-stage" aria-hidden="true">
            <LadderSvg
              model={model}
              geometry={geometry}
              mode={mode}
              journals={journals}
              selectedStep={null}
              pickedArrow={null}
              lit={NOTHING_LIT}
              timeWaitLeft={NO_COUNTDOWN}
              fullLengths
              onStep={ignore}
              onArrow={ignore}
              svgRef={exportRef}
              t={t}
            />
          </div>
        )}
        <NarrationBar
          model={model}
          index={index}
          live={!chosen}
          onStep={onStep}
          onShow={chosen && step?.ref ? setView : null}
          hasBytes={chosen && arrow?.kind === 'data'}
        />
      </div>
      <SideStatus step={step} index={index} count={count} timeWaitLeft={leftAt(index)} />
      </div>
    </div>
  );
}
