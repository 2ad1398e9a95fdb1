// How the diagram and the other views of the selected connection point at one another: an arrow
// stands for a journal entry and (data) a range of bytes of that connection's streams; a byte
// selection lights the arrows it overlaps; a step is found from its arrow. Also what an arrow's
// tooltip shows of its bytes, and how old the kernel's TIME_WAIT timer reading is. Pure.
import type { JournalEvent } from '../../../shared/contract/contract';
import { visibleString } from '../../../shared/bytes/bytes';
import type { Arrow, EventRef, LadderModel, Side } from '../../../shared/teardown/ladder-types';
import { selectionOf } from '../../store/selection-slice';
import type { ByteSelection } from '../../store/state-types';

/** The entry an arrow stands for, in the journal of `connId` when it has one (sender's or receiver's). */
export function arrowRef(arrow: Arrow, connId: string): EventRef {
  if (arrow.ref.connId !== connId && arrow.arrivalRef?.connId === connId) return arrow.arrivalRef;
  return arrow.ref;
}

/**
 * A data arrow's bytes in the streams of `connId`, whose end is `side`: what that end sent is its
 * `out` direction, what it received its `in`, at the same offset (TCP numbers the stream, not reads).
 */
export function arrowBytes(arrow: Arrow, connId: string, side: Side): ByteSelection | null {
  if (arrow.kind !== 'data' || arrow.length === 0) return null;
  return selectionOf(connId, arrow.from === side ? 'out' : 'in', arrow.offset, arrow.length);
}

/** The data arrows a byte selection of `side`'s connection overlaps. */
export function arrowsOfSelection(model: LadderModel, side: Side, selection: ByteSelection | null): Set<number> {
  const lit = new Set<number>();
  if (!selection) return lit;
  const from = selection.dir === 'out' ? side : side === 'client' ? 'server' : 'client';
  const end = selection.offset + selection.length;
  model.arrows.forEach((a, i) => {
    if (a.kind === 'data' && a.from === from && a.offset < end && selection.offset < a.offset + a.length) lit.add(i);
  });
  return lit;
}

/** The step that sent an arrow (its first step), or -1. */
export function stepOfArrow(model: LadderModel, arrow: number): number {
  return model.steps.findIndex((s) => s.arrow === arrow);
}

/** One journal event by its ref, from whichever of the journals holds it. */
export function eventOf(journals: readonly (readonly JournalEvent[] | undefined)[], ref: EventRef | null): JournalEvent | null {
  if (!ref) return null;
  for (const events of journals) {
    if (!events || events[0]?.connId !== ref.connId) continue;
    // Journals run from seq 0 without gaps, almost always: look there first.
    const there = events[ref.seq];
    if (there?.seq === ref.seq) return there;
    return events.find((e) => e.seq === ref.seq) ?? null;
  }
  return null;
}

/** A data arrow's first bytes as the byte views draw them (CR as ␍, LF as ␊), cut at `max`. */
export function previewOf(event: JournalEvent | null, max = 80): { text: string; more: number } | null {
  if (event?.kind !== 'data' || event.bytes === null) return null;
  const shown = event.bytes.subarray(0, max);
  return { text: visibleString(shown).trimEnd(), more: event.bytes.length - shown.length };
}

/**
 * When the kernel read `side`'s timer as it stands at step `index` (the wall-clock `at` of that
 * tcp_state event), so that the timer can count down from there. Null when no reading is known.
 */
export function timerReadAt(model: LadderModel, index: number, side: Side, journals: readonly (readonly JournalEvent[] | undefined)[]): number | null {
  const ref = model.steps[Math.min(index, model.steps.length - 1)]?.states[side].timerRef ?? null;
  return eventOf(journals, ref)?.at ?? null;
}

/** What is left of a timer of `timerMs` read at `readAt`, at `now` (never below 0). */
export function timerLeftMs(timerMs: number, readAt: number, now: number): number {
  return Math.max(0, timerMs - Math.max(0, now - readAt));
}

/** Whole seconds left of `side`'s TIME_WAIT at step `index`, counting down at `now`; null when not in one the kernel timed. */
export function timeWaitSecondsLeft(model: LadderModel, index: number, side: Side, journals: readonly (readonly JournalEvent[] | undefined)[], now: number): number | null {
  const state = model.steps[index]?.states[side];
  if (state?.state !== 'TIME_WAIT' || state.source !== 'kernel' || state.timerMs === null) return null;
  const readAt = timerReadAt(model, index, side, journals);
  return Math.ceil(timerLeftMs(state.timerMs, readAt ?? now, now) / 1000);
}
