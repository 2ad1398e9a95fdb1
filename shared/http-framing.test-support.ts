// The messages a stream of requests splits into, as the engine's framer (http-request.ts, which
// main/engine/request-buffer.ts drives) and as the annotator (http-annotate.ts) see them, in one
// shape, so a test can require that both read the same bytes the same way (DESIGN.md: what a view
// shows must be what the server did). Neither is told of a FIN: the engine frames without one.
import type { Annotation } from './annotation';
import { annotate } from './http-annotate';
import { frameRequest } from './http-request';

/** One message: where it ends, or why there is no end (invalid: the codes that say why). */
export type Frame = { verdict: 'complete'; end: number } | { verdict: 'invalid'; codes: string[] } | { verdict: 'incomplete' };

/** Only CR and LF: empty lines before a request line, which both skip (RFC 9112 section 2.2). */
const onlyLineEnds = (bytes: Uint8Array): boolean => bytes.every((b) => b === 0x0d || b === 0x0a);

/** The engine: frame the first request, slice it off, frame the rest, until one is not complete. */
export function engineFrames(bytes: Uint8Array): Frame[] {
  const frames: Frame[] = [];
  let at = 0;
  while (at < bytes.length && !onlyLineEnds(bytes.subarray(at))) {
    const framed = frameRequest(bytes.subarray(at));
    if (framed.state === 'incomplete') frames.push({ verdict: 'incomplete' });
    if (framed.state === 'invalid') frames.push({ verdict: 'invalid', codes: [framed.reason] });
    if (framed.state !== 'complete') break;
    at += framed.length;
    frames.push({ verdict: 'complete', end: at });
  }
  return frames;
}

/**
 * The annotator: each message it found, complete or not. A message whose end cannot be found is
 * followed by `unparsed` bytes (it stops reading HTTP there): invalid, with its error codes. A
 * start line that is not HTTP opens no message: invalid too, with the codes of the bytes' problems.
 */
export function annotatorFrames(bytes: Uint8Array): Frame[] {
  return framesOf(annotate(bytes, 'request', { ended: false }), bytes);
}

export function framesOf(a: Annotation, bytes: Uint8Array): Frame[] {
  const frames: Frame[] = [];
  const errors = (message: number): string[] => a.problems.filter((p) => p.message === message && p.severity === 'error').map((p) => p.code);
  for (const m of a.messages) {
    if (m.complete) frames.push({ verdict: 'complete', end: m.offset + m.length });
    else if (a.spans.some((s) => s.message === m.index && s.kind === 'unparsed')) frames.push({ verdict: 'invalid', codes: errors(m.index) });
    else frames.push({ verdict: 'incomplete' });
  }
  const last = a.messages.at(-1);
  const after = last === undefined ? 0 : last.offset + last.length;
  if ((last === undefined || last.complete) && a.spans.some((s) => s.message === -1 && s.kind === 'unparsed' && s.offset >= after)) {
    frames.push({ verdict: 'invalid', codes: errors(-1) });
  }
  // A start line still arriving: no message yet, but the engine is waiting for one.
  const pending = a.spans.at(-1);
  if (pending?.kind === 'pending' && pending.message === -1 && !onlyLineEnds(bytes.subarray(pending.offset))) frames.push({ verdict: 'incomplete' });
  return frames;
}
