// The response editor's check: the canned bytes read by the same annotator that reads the wire
// (shared/http/annotate/annotator.ts), as a server's answer to a GET that the server then closes, the way the
// canned responder sends them. So a Content-Length too long shows as the body cut short by the
// FIN (content_length_short), as a client would see it. The problems come with their byte ranges,
// and with fixes where one is obvious; nothing is changed until the learner applies one.
import type { Annotation, Problem } from '../http/annotate/annotation';
import { concatBytes } from '../bytes/bytes';
import { annotate } from '../http/annotate/annotator';
import { findFixes, type ByteEdit, type Fix } from './response-fixes';
import { convertLineEndsOf, lineEndingsOf, type LineEndings } from './response-fixes-line-ends';

export interface ResponseCheck {
  annotation: Annotation;
  /** The annotation's problems, each at its bytes (`offset`, `length`; length 0: at the end). */
  problems: Problem[];
  /** One-click fixes: `fix.problem` is the index of the problem each one fixes. */
  fixes: Fix[];
}

/** The annotation of `bytes` as the answer to a GET, ended by the server's close. */
export function annotateResponse(bytes: Uint8Array): Annotation {
  return annotate(bytes, 'response', { requestMethod: () => 'GET', ended: true });
}

export function checkResponse(bytes: Uint8Array): ResponseCheck {
  const annotation = annotateResponse(bytes);
  return { annotation, problems: annotation.problems, fixes: findFixes(bytes, annotation) };
}

/**
 * The bytes with `edits` made, all against the original offsets (as a fix's edits are). Edits may
 * come in any order; they must not overlap (two inserts at one offset go in the order given).
 */
export function applyEdits(bytes: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  const sorted = edits.map((e, i) => ({ e, i })).sort((x, y) => x.e.from - y.e.from || x.i - y.i);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const { e } of sorted) {
    if (e.from < at || e.to < e.from || e.to > bytes.length) throw new RangeError(`edit ${e.from}..${e.to} overlaps another or leaves the bytes`);
    parts.push(bytes.subarray(at, e.from), e.insert);
    at = e.to;
  }
  parts.push(bytes.subarray(at));
  return concatBytes(parts);
}

/** The line ends of the head and of a text body ('none' when there are none); a binary body does not count. */
export function lineEndings(bytes: Uint8Array): LineEndings {
  return lineEndingsOf(bytes, annotateResponse(bytes));
}

/** Every line end that lineEndings counts made CRLF, or LF; no other byte changes. */
export function convertLineEndings(bytes: Uint8Array, to: 'crlf' | 'lf'): Uint8Array {
  return convertLineEndsOf(bytes, annotateResponse(bytes), to);
}
