// What each byte of a row is, for drawing: selected or not, the caret, its annotation span, whether
// a problem points at it, whether a chunk (one read or write) starts there. Pure and per row (16 to
// a few hundred bytes), so a view asks only for the rows on screen.
import type { Annotation, Severity, Span, SpanKind } from '../../../shared/http/annotate/annotation';
import type { ByteSelection } from '../../store/state-types';
import { spansIn } from './annotation-view';
import type { ByteRow } from './hex-layout';

export interface ByteMarks {
  selected: boolean;
  caret: boolean;
  kind: SpanKind | undefined;
  /** The gravest problem pointing at the byte, if any. */
  problem: Severity | undefined;
  chunkStart: boolean;
}

type BytesRow = Extract<ByteRow, { kind: 'bytes' }>;

/** Marks for byte `offset` of the row (row.start <= offset < row.end). */
export type MarksAt = (offset: number) => ByteMarks;

export function rowMarks(row: BytesRow, selection: ByteSelection | null, annotation: Annotation | undefined): MarksAt {
  const sel = selection && selection.dir === row.dir ? selection : null;
  const spans: Span[] = annotation ? spansIn(annotation, row.start, row.end) : [];
  const problems = annotation ? annotation.problems.filter((p) => p.offset < row.end && p.offset + Math.max(1, p.length) > row.start) : [];
  const starts = new Set(row.chunkStarts.map((c) => c.offset));
  let s = 0;
  return (offset) => {
    // Asked in order as a row is drawn: the cursor only moves on (and starts over if asked back).
    if ((spans[s]?.offset ?? 0) > offset) s = 0;
    while (s < spans.length && (spans[s] as Span).offset + (spans[s] as Span).length <= offset) s++;
    const span = spans[s];
    return {
      selected: sel !== null && offset >= sel.offset && offset < sel.offset + sel.length,
      caret: sel !== null && offset === sel.focus,
      kind: span && span.offset <= offset ? span.kind : undefined,
      problem: gravest(problems.filter((p) => offset >= p.offset && offset < p.offset + Math.max(1, p.length))),
      chunkStart: starts.has(offset),
    };
  };
}

const GRAVITY: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

function gravest(found: readonly { severity: Severity }[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const p of found) if (!worst || GRAVITY[p.severity] > GRAVITY[worst]) worst = p.severity;
  return worst;
}

/** The classes a byte's cell gets (styled in exchange.css and annotation.css). */
export function marksClass(m: ByteMarks): string {
  let c = '';
  if (m.kind) c += ` ann-${m.kind}`;
  if (m.selected) c += ' sel';
  if (m.caret) c += ' caret';
  if (m.problem) c += ` problem problem-${m.problem}`;
  if (m.chunkStart) c += ' chunk-start';
  return c;
}
