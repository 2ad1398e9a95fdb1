// The annotator's verdict on the response being edited, placed on the editor's text: each problem
// at the characters of its bytes (an escape is four characters and one byte), with its fixes as
// byte edits turned into document changes. Problems in a file body are pinned to the text's end.
import type { Diagnostic } from '@codemirror/lint';
import type { ChangeSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { TFunction } from 'i18next';
import { PROBLEM_SEVERITY, type Problem } from '../../../shared/http/annotate/annotation';
import { problemSentence } from '../../../shared/i18n/coded-sentences';
import { checkResponse } from '../../../shared/server/response-check';
import type { Fix } from '../../../shared/server/response-fixes';
import { ByteMap, docText } from '../../lib/response-doc';

export interface PlacedProblem {
  problem: Problem;
  /** Its characters in the document. */
  from: number;
  to: number;
  /** The fixes that can be made in the text (not those that would edit a file body). */
  fixes: Fix[];
}

export interface EditorChecks {
  problems: PlacedProblem[];
  map: ByteMap;
}

export function checkDocument(text: string, bytes: Uint8Array): EditorChecks {
  const map = new ByteMap(text);
  const check = checkResponse(bytes);
  const problems = check.problems.map((problem, index) => ({
    problem,
    from: map.toDoc(problem.offset),
    to: map.toDoc(problem.offset + problem.length),
    fixes: check.fixes.filter((f) => f.problem === index && f.edits.every((e) => e.to <= map.textBytes)),
  }));
  return { problems, map };
}

/** A fix as one CodeMirror change set, against the document the checks were made on. */
export function fixChanges(fix: Fix, map: ByteMap): ChangeSpec[] {
  return fix.edits.map((e) => ({ from: map.toDoc(e.from), to: map.toDoc(e.to), insert: docText(e.insert) }));
}

export function fixLabel(t: TFunction, fix: Fix): string {
  // A fix that counts (LFs, empty lines, bytes) has plural forms, picked by `count`; the others
  // have one sentence, which i18next falls back to.
  const count = fix.params.count;
  return t(`ui.fixes.${fix.code}`, count === undefined ? fix.params : { ...fix.params, count: Number(count) });
}

export function problemText(t: TFunction, problem: Problem): string {
  return problemSentence(t, problem.code, problem.params);
}

/** A fix made in `view` as one edit, so it is one step for undo. */
export function applyFix(view: EditorView, fix: Fix, map: ByteMap): void {
  view.dispatch({ changes: fixChanges(fix, map), userEvent: 'input.fix' });
}

export function diagnosticsFor(t: TFunction, checks: EditorChecks): Diagnostic[] {
  return checks.problems.map(({ problem, from, to, fixes }) => ({
    // A problem at a point (the bytes ended too soon) marks the character before it: a mark of
    // no width is hard to see, and harder to point at.
    from: to > from ? from : Math.max(0, from - 1),
    to,
    severity: PROBLEM_SEVERITY[problem.code],
    message: problemText(t, problem),
    // CodeMirror hands the action its view: the fix needs nothing else.
    actions: fixes.map((fix) => ({ name: fixLabel(t, fix), apply: (view: EditorView) => applyFix(view, fix, checks.map) })),
  }));
}
