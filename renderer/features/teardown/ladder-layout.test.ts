import { describe, expect, it } from 'vitest';
import type { LadderModel, LadderStep, SideState } from '../../../shared/teardown/ladder-types';
import { arrowHead, FRAME, fromFirstMoment, layoutLadder, momentsOf, niceTicks, placeLabels, readableAngle, timeScale } from './ladder-layout';

const open: SideState = { state: 'ESTABLISHED', source: 'inferred', timerMs: null, timerRef: null, canSend: true, canReceive: true };
const ref = { connId: 'c1', seq: 0 };

function step(t: number, client: Partial<SideState> = {}, server: Partial<SideState> = {}): LadderStep {
  return { t, code: 'connected', side: 'client', params: {}, arrow: null, ref, states: { client: { ...open, ...client }, server: { ...open, ...server } } };
}

/** connect at 0, client data 1 -> 1.5, client FIN 2 -> 2.5, server data at 100 (seen at once). */
const model: LadderModel = {
  lanes: { client: { connId: 'c1', endpoint: '127.0.0.1:5000' }, server: { connId: 'c2', endpoint: '127.0.0.1:9000' } },
  arrows: [
    { kind: 'connect', from: 'client', sentT: 0, arrivedT: 0, length: 0, offset: 0, ref, arrivalRef: null },
    { kind: 'data', from: 'client', sentT: 1, arrivedT: 1.5, length: 35, offset: 0, ref, arrivalRef: null },
    { kind: 'fin', from: 'client', sentT: 2, arrivedT: 2.5, length: 0, offset: 35, ref, arrivalRef: null },
    { kind: 'data', from: 'server', sentT: 100, arrivedT: 100, length: 100, offset: 0, ref, arrivalRef: null },
  ],
  steps: [step(0), step(1), step(2, { state: 'FIN_WAIT_1' }), step(2.5, { state: 'FIN_WAIT_2' }, { state: 'CLOSE_WAIT' }), step(100, { state: 'FIN_WAIT_2' }, { state: 'CLOSE_WAIT', source: 'kernel' })],
  duration: 100,
};

describe('time scales', () => {
  it('takes each moment once, sorted, however many things happened in it', () => {
    expect(momentsOf(model)).toEqual([0, 1, 1.5, 2, 2.5, 100]);
  });

  it('starts the timeline at its first moment', () => {
    const later = fromFirstMoment({ ...model, arrows: model.arrows.map((a) => ({ ...a, sentT: a.sentT + 7, arrivedT: a.arrivedT + 7 })), steps: model.steps.map((s) => ({ ...s, t: s.t + 7 })), duration: 107 });
    expect(momentsOf(later)).toEqual(momentsOf(model));
    expect(later.duration).toBe(100);
    expect(fromFirstMoment(model)).toBe(model);
  });

  it('compressed: one evenly spaced row per moment, whatever the time between', () => {
    const { y, height } = timeScale('compressed', [0, 1, 1.5, 100], 10);
    expect([0, 1, 1.5, 100].map(y)).toEqual([10, 10 + FRAME.rowGap, 10 + 2 * FRAME.rowGap, 10 + 3 * FRAME.rowGap]);
    expect(height).toBe(3 * FRAME.rowGap);
    // Between two moments: between their rows.
    expect(y(50.75)).toBeCloseTo(10 + 2.5 * FRAME.rowGap);
  });

  it('to scale: distances are durations, the whole timeline in a fixed height', () => {
    const { y, height } = timeScale('scale', [0, 25, 100], 0);
    expect([y(0), y(25), y(100)]).toEqual([0, FRAME.scaleHeight / 4, FRAME.scaleHeight]);
    expect(height).toBe(FRAME.scaleHeight);
    expect(timeScale('scale', [5], 0).y(5)).toBe(0);
  });
});

describe('placeLabels', () => {
  it('leaves labels that do not touch where they are', () => {
    expect(placeLabels([0, 30, 60], 10)).toEqual([0, 30, 60]);
  });

  it('spreads a crowd around its places, in order, at the gap', () => {
    expect(placeLabels([20, 20, 20], 10)).toEqual([10, 20, 30]);
    // Given out of order: each keeps its own place in the run.
    expect(placeLabels([22, 18], 10)).toEqual([25, 15]);
  });

  it('never goes above the minimum, and merges runs that come to touch', () => {
    expect(placeLabels([0, 0], 10, 0)).toEqual([0, 10]);
    const ys = placeLabels([0, 5, 12, 14], 10);
    for (let i = 1; i < ys.length; i++) expect((ys[i] as number) - (ys[i - 1] as number)).toBeCloseTo(10);
  });
});

describe('arrowHead and ticks', () => {
  it('points the head along the arrow, its tip at the end', () => {
    const [tip, a, b] = arrowHead(0, 0, 100, 0, 10).split(' ');
    expect(tip).toBe('100,0');
    expect([a, b]).toEqual(['90,4.5', '90,-4.5']);
  });

  it('turns labels along their arrow, never upside down', () => {
    expect(readableAngle(0, 0, 100, 0)).toBe(0);
    expect(readableAngle(0, 0, 100, 100)).toBe(45);
    // Right to left and down: the text still reads left to right, sloping up.
    expect(readableAngle(100, 0, 0, 100)).toBe(-45);
    expect(readableAngle(100, 0, 0, 0)).toBe(0);
  });

  it('ticks at 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.3)).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(niceTicks(0)).toEqual([0]);
  });
});

describe('layoutLadder', () => {
  it('draws each arrow from its sender lane to the other, sloping by its flight', () => {
    const g = layoutLadder(model, 'compressed');
    const [, data, , reply] = g.arrows;
    expect(data?.x1).toBe(FRAME.lane.client);
    expect(data?.x2).toBeCloseTo(FRAME.lane.server - 5);
    expect((data?.y2 ?? 0) - (data?.y1 ?? 0)).toBe(FRAME.rowGap);
    // Seen only at one end: it lands when it left.
    expect(reply?.y1).toBe(reply?.y2);
    expect(reply?.x1).toBe(FRAME.lane.server);
    expect(g.stepY).toEqual([0, 1, 3, 4, 5].map((row) => FRAME.top + row * FRAME.rowGap));
    expect(g.height).toBe(g.endY + FRAME.bottom);
  });

  it('puts the labels of two crossing arrows apart, each nearer its sender', () => {
    const crossing: LadderModel = {
      ...model,
      arrows: [
        { ...model.arrows[2], from: 'client', sentT: 0, arrivedT: 1 } as LadderModel['arrows'][number],
        { ...model.arrows[2], from: 'server', sentT: 0, arrivedT: 1 } as LadderModel['arrows'][number],
      ],
      steps: [step(0), step(1)],
    };
    const [a, b] = layoutLadder(crossing, 'compressed').arrows;
    expect(a?.labelX).toBeLessThan((FRAME.lane.client + FRAME.lane.server) / 2);
    expect(b?.labelX).toBeGreaterThan((FRAME.lane.client + FRAME.lane.server) / 2);
  });

  it('marks a state where it begins, and again when the kernel confirms it', () => {
    const g = layoutLadder(model, 'compressed');
    const server = g.marks.filter((m) => m.side === 'server').map((m) => `${m.state}/${m.source}@${m.step}`);
    expect(server).toEqual(['ESTABLISHED/inferred@0', 'CLOSE_WAIT/inferred@3', 'CLOSE_WAIT/kernel@4']);
    const client = g.marks.filter((m) => m.side === 'client');
    expect(client.map((m) => m.state)).toEqual(['ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2']);
    expect(client.every((m) => m.anchor === 'end' && m.labelX < FRAME.lane.client)).toBe(true);
    // Lane segments join up: each runs to where the next state begins.
    const segs = g.segments.filter((s) => s.side === 'client');
    expect(segs.map((s) => s.y2).slice(0, -1)).toEqual(segs.map((s) => s.y1).slice(1));
  });

  it('to scale, spreads the labels of arrows that fall on one another', () => {
    const g = layoutLadder(model, 'scale');
    const ys = g.arrows.slice(0, 3).map((a) => a.labelY);
    for (let i = 1; i < ys.length; i++) expect((ys[i] as number) - (ys[i - 1] as number)).toBeGreaterThanOrEqual(FRAME.arrowLabelGap - 1e-9);
    expect(g.ticks.at(-1)).toEqual({ t: 100, y: FRAME.top + FRAME.scaleHeight });
  });
});
