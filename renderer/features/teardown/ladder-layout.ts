// Where the ladder diagram puts things, as plain numbers (the SVG's user units): the two lanes'
// x, time -> y (to scale, or compressed: every moment something happened one row, evenly spaced),
// each arrow's ends, head and label, each side's state along its lane, and time ticks. Pure, so it
// is unit-tested without a browser; ladder-svg.tsx only draws what this returns.
import type { LadderModel, Side, StateSource } from '../../../shared/teardown/ladder-types';
import type { TcpState } from '../../../shared/teardown/tcp-states';

export type TimeMode = 'scale' | 'compressed';

/** The diagram's fixed frame: a time gutter, the client's state labels, two lanes, the server's labels. */
export const FRAME = {
  width: 760,
  /** Lane headers above the first event. */
  top: 72,
  /** Room below the last event, for the lanes to run on and the legend. */
  bottom: 62,
  lane: { client: 250, server: 590 } as Record<Side, number>,
  /** Compressed: one row per moment. */
  rowGap: 32,
  /** To scale: the timeline's height when it has any length. */
  scaleHeight: 440,
  /** State labels on one lane closer than this are pushed apart. */
  labelGap: 17,
  /** How far the lanes run on past the last moment (the legend sits below). */
  runOn: 18,
  /** Arrow labels closer than this (to scale, where arrows crowd) are pushed apart. */
  arrowLabelGap: 14,
  head: 8,
  /**
   * Where along its arrow a label sits, from the sender: short of the middle, so that two arrows
   * crossing (a simultaneous close) keep their labels apart.
   */
  labelAt: 0.42,
} as const;

/** Times closer than this (ms) are one moment: two journals' clocks agree no better. */
const SAME_MOMENT_MS = 1e-6;

export interface ArrowGeometry {
  index: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The arrowhead, as SVG polygon points. */
  head: string;
  /** The label's anchor (on the arrow, FRAME.labelAt from the sender) and its turn, in degrees, to lie along the arrow. */
  labelX: number;
  labelY: number;
  labelAngle: number;
}

export interface StateMark {
  side: Side;
  step: number;
  state: TcpState;
  source: StateSource;
  /** Where the state begins on the lane, and where its label sits (pushed apart when crowded). */
  y: number;
  labelY: number;
  labelX: number;
  anchor: 'start' | 'end';
}

export interface LaneSegment {
  side: Side;
  y1: number;
  y2: number;
  state: TcpState;
  source: StateSource;
}

export interface LadderGeometry {
  width: number;
  height: number;
  laneX: Record<Side, number>;
  /** y of the first moment and of the last. */
  startY: number;
  endY: number;
  arrows: ArrowGeometry[];
  /** Each step's y, by step index. */
  stepY: number[];
  marks: StateMark[];
  segments: LaneSegment[];
  ticks: { t: number; y: number }[];
}

/**
 * The model with its timeline starting at its first moment. Its 0 is the earlier of the two
 * journals' `opened`, which can come well before the handshake is drawn (a server's accept is
 * journaled before the client's connect callback runs on a busy machine), and a diagram whose first
 * row reads +101 ms puzzles a learner.
 */
export function fromFirstMoment(model: LadderModel): LadderModel {
  const first = momentsOf(model)[0] ?? 0;
  if (first === 0) return model;
  return {
    ...model,
    arrows: model.arrows.map((a) => ({ ...a, sentT: a.sentT - first, arrivedT: a.arrivedT - first })),
    steps: model.steps.map((s) => ({ ...s, t: s.t - first })),
    duration: Math.max(0, model.duration - first),
  };
}

/** Every moment the diagram shows, sorted, one entry per moment. */
export function momentsOf(model: LadderModel): number[] {
  const times = [...model.steps.map((s) => s.t), ...model.arrows.flatMap((a) => [a.sentT, a.arrivedT])].sort((a, b) => a - b);
  const out: number[] = [];
  for (const t of times) if (out.length === 0 || t - (out.at(-1) as number) > SAME_MOMENT_MS) out.push(t);
  return out;
}

/** time (ms on the diagram's timeline) -> y, and the timeline's height. */
export function timeScale(mode: TimeMode, moments: readonly number[], top: number = FRAME.top): { y: (t: number) => number; height: number } {
  if (moments.length === 0) return { y: () => top, height: 0 };
  if (mode === 'scale') {
    const duration = (moments.at(-1) as number) - (moments[0] as number);
    const first = moments[0] as number;
    return { y: (t) => (duration > 0 ? top + ((t - first) / duration) * FRAME.scaleHeight : top), height: duration > 0 ? FRAME.scaleHeight : 0 };
  }
  // Compressed: moment i at row i; a time between two moments (none is, today) between their rows.
  const y = (t: number): number => {
    const i = upperIndex(moments, t);
    if (i <= 0) return top;
    if (i >= moments.length) return top + (moments.length - 1) * FRAME.rowGap;
    const a = moments[i - 1] as number;
    const b = moments[i] as number;
    const within = t - a <= SAME_MOMENT_MS ? 0 : (t - a) / (b - a);
    return top + (i - 1 + within) * FRAME.rowGap;
  };
  return { y, height: (moments.length - 1) * FRAME.rowGap };
}

/** The first index whose moment is later than t (past any moment equal to it). */
function upperIndex(moments: readonly number[], t: number): number {
  let lo = 0;
  let hi = moments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((moments[mid] as number) <= t + SAME_MOMENT_MS) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Labels wanted at `desired` (any order) moved apart to at least `gap`, each as near its place as
 * the others allow: pushed down past the one above, then the whole run pulled back up so a crowd
 * sits around its places instead of trailing below them, never above `min`.
 */
export function placeLabels(desired: readonly number[], gap: number, min = -Infinity): number[] {
  const order = desired.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = new Array<number>(desired.length);
  // Runs of labels that touch: each is placed evenly around the mean of its wishes.
  const runs: { start: number; wishes: number[] }[] = [];
  for (const { y } of order) {
    runs.push({ start: Math.max(y, min), wishes: [y] });
    for (;;) {
      const last = runs.at(-1) as (typeof runs)[number];
      const prev = runs.at(-2);
      if (!prev || prev.start + prev.wishes.length * gap <= last.start) break;
      runs.pop();
      prev.wishes.push(...last.wishes);
      const mean = prev.wishes.reduce((n, w, k) => n + w - k * gap, 0) / prev.wishes.length;
      prev.start = Math.max(mean, min);
    }
  }
  let k = 0;
  for (const run of runs) run.wishes.forEach((_, j) => (placed[(order[k++] as { i: number }).i] = run.start + j * gap));
  return placed;
}

/** An arrowhead at (x2, y2), pointing along the line from (x1, y1). */
export function arrowHead(x1: number, y1: number, x2: number, y2: number, size: number = FRAME.head): string {
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  const bx = x2 - ux * size;
  const by = y2 - uy * size;
  const half = size * 0.45;
  const pts = [
    [x2, y2],
    [bx - uy * half, by + ux * half],
    [bx + uy * half, by - ux * half],
  ];
  return pts.map(([x, y]) => `${round(x as number)},${round(y as number)}`).join(' ');
}

/**
 * The angle of a line from (x1, y1) to (x2, y2), in degrees, turned so that text along it reads
 * left to right (never upside down, whichever way the arrow points).
 */
export function readableAngle(x1: number, y1: number, x2: number, y2: number): number {
  const [dx, dy] = x2 < x1 ? [x1 - x2, y1 - y2] : [x2 - x1, y2 - y1];
  return round((Math.atan2(dy, dx) * 180) / Math.PI);
}

/** About `count` ticks at 1, 2 or 5 times a power of ten, from 0 to `duration`. */
export function niceTicks(duration: number, count = 6): number[] {
  if (!(duration > 0)) return [0];
  const raw = duration / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let i = 0; i * step <= duration + step * 1e-9; i++) ticks.push(round(i * step, 6));
  return ticks;
}

export function layoutLadder(model: LadderModel, mode: TimeMode): LadderGeometry {
  const moments = momentsOf(model);
  const scale = timeScale(mode, moments);
  const { lane } = FRAME;
  const startY = FRAME.top;
  const endY = startY + scale.height;

  const arrows = model.arrows.map((a, index): ArrowGeometry => {
    const x1 = lane[a.from];
    const x2 = lane[a.from === 'client' ? 'server' : 'client'];
    const y1 = scale.y(a.sentT);
    const y2 = scale.y(a.arrivedT);
    // Stop short of the lane so the head does not hide under a step's dot.
    const inset = x2 > x1 ? -5 : 5;
    return { index, x1, y1, x2: x2 + inset, y2, head: arrowHead(x1, y1, x2 + inset, y2), labelX: x1 + (x2 - x1) * FRAME.labelAt, labelY: y1 + (y2 - y1) * FRAME.labelAt, labelAngle: readableAngle(x1, y1, x2, y2) };
  });
  // To scale, arrows of one instant lie on top of each other: spread their labels at least.
  const labelYs = placeLabels(arrows.map((a) => a.labelY), mode === 'scale' ? FRAME.arrowLabelGap : 0);
  arrows.forEach((a, i) => (a.labelY = labelYs[i] as number));

  const stepY = model.steps.map((s) => scale.y(s.t));
  const { marks, segments } = statesAlongLanes(model, stepY, endY);
  const ticks = mode === 'scale' ? niceTicks(model.duration).map((t) => ({ t, y: scale.y(t) })) : moments.map((t) => ({ t, y: scale.y(t) }));
  return { width: FRAME.width, height: endY + FRAME.bottom, laneX: { ...lane }, startY, endY, arrows, stepY, marks, segments, ticks };
}

/** Each side's state wherever it changes (state or where it came from), and the lane between. */
function statesAlongLanes(model: LadderModel, stepY: readonly number[], endY: number): { marks: StateMark[]; segments: LaneSegment[] } {
  const marks: StateMark[] = [];
  const segments: LaneSegment[] = [];
  for (const side of ['client', 'server'] as const) {
    const mine: StateMark[] = [];
    model.steps.forEach((step, i) => {
      const now = step.states[side];
      const before = mine.at(-1);
      if (before && before.state === now.state && before.source === now.source) return;
      const x = FRAME.lane[side] + (side === 'client' ? -12 : 12);
      mine.push({ side, step: i, state: now.state, source: now.source, y: stepY[i] as number, labelY: 0, labelX: x, anchor: side === 'client' ? 'end' : 'start' });
    });
    const ys = placeLabels(mine.map((m) => m.y + 4), FRAME.labelGap);
    mine.forEach((m, i) => {
      m.labelY = ys[i] as number;
      const next = mine[i + 1];
      // A closed socket's lane ends there; every other state runs to the next change, or on past the end.
      if (m.state !== 'CLOSED') segments.push({ side, y1: m.y, y2: next ? next.y : endY + FRAME.runOn, state: m.state, source: m.source });
    });
    marks.push(...mine);
  }
  return { marks, segments };
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
