// The messages a stream of requests splits into, as the engine's framer (shared/http/request.ts, which
// main/engine/request-buffer.ts drives) and as the annotator (shared/http/annotate/annotator.ts) see them, in one
// shape, and where the two disagree: DESIGN.md asks that the server never does one thing while the
// learner is shown another. Neither is told of a FIN (the engine frames without one), except to
// let a start line still waiting for its LF end (see `disagreement`).
import type { Annotation } from '../annotate/annotation';
import { annotate } from '../annotate/annotator';
import { FRAMING_VERDICTS } from '../framing';
import { frameRequest } from '../request';

/** One message: where it ends, or that it cannot end (invalid) or has not yet; `codes`: its problems (engine: its reason). */
export interface Frame {
  verdict: 'complete' | 'invalid' | 'incomplete';
  end?: number;
  codes: string[];
  /** Engine: an HTTP/0.9 request (a request line with no version, RFC 1945 section 4.1). */
  simple?: boolean;
  /** Annotator: its request line has a run of spaces where one SP belongs. */
  spaces?: boolean;
  /** Annotator: a chunk-size line with whitespace after the size, or a control byte in its extension, read without a word. */
  lenientChunk?: boolean;
}

/** Nothing but empty lines, maybe with the CR of one more: what both skip before a request line (RFC 9112 section 2.2). */
const EMPTY_LINES = /^(\r?\n)*\r?$/;
const onlyEmptyLines = (bytes: Uint8Array): boolean => bytes.length < 4096 && EMPTY_LINES.test(String.fromCharCode(...bytes));

/** The engine: frame the first request, slice it off, frame the rest, until one is not complete. */
export function engineFrames(bytes: Uint8Array): Frame[] {
  const frames: Frame[] = [];
  let at = 0;
  while (at < bytes.length) {
    const framed = frameRequest(bytes.subarray(at));
    if (framed.state === 'incomplete' && onlyEmptyLines(bytes.subarray(at))) break;
    if (framed.state === 'incomplete') frames.push({ verdict: 'incomplete', codes: [] });
    if (framed.state === 'invalid') frames.push({ verdict: 'invalid', codes: [framed.reason] });
    if (framed.state !== 'complete') break;
    at += framed.length;
    frames.push(framed.head.version === '' ? { verdict: 'complete', end: at, codes: [], simple: true } : { verdict: 'complete', end: at, codes: [] });
  }
  return frames;
}

/** The annotator's messages as frames; `ended`: the FIN came after the bytes. */
export function annotatorFrames(bytes: Uint8Array, ended = false): Frame[] {
  return framesOf(annotate(bytes, 'request', { ended }), bytes);
}

/**
 * A message whose end cannot be found is followed by `unparsed` bytes (the annotator stops
 * reading HTTP there): invalid. A start line that is not HTTP opens no message: invalid too, with
 * the problems of the bytes outside messages after the last one.
 */
export function framesOf(a: Annotation, bytes: Uint8Array): Frame[] {
  const frames: Frame[] = [];
  const spans = a.spans.toArray();
  const codes = (message: number, from = 0): string[] => a.problems.filter((p) => p.message === message && p.offset >= from).map((p) => p.code);
  for (const m of a.messages) {
    // The annotator stops reading HTTP at a body it cannot find (its verdict is a problem of the
    // message, shared/http/framing.ts's code) or at a line it cannot read (what follows is `unparsed`).
    const cut = spans.some((s) => s.message === m.index && s.kind === 'unparsed');
    const verdict = m.complete ? 'complete' : cut || codes(m.index).some((c) => VERDICTS.has(c)) ? 'invalid' : 'incomplete';
    const frame: Frame = m.complete ? { verdict, end: m.offset + m.length, codes: codes(m.index) } : { verdict, codes: codes(m.index) };
    if (spans.some((s) => s.message === m.index && s.kind === 'sp' && s.length > 1)) frame.spaces = true;
    if (m.chunks.some((c) => LENIENT_CHUNK_LINE.test(String.fromCharCode(...bytes.subarray(c.offset, c.dataOffset)).replace(/\r?\n$/, '')))) frame.lenientChunk = true;
    frames.push(frame);
  }
  const last = a.messages.at(-1);
  const after = last === undefined ? 0 : last.offset + last.length;
  if (last === undefined || last.complete) {
    if (spans.some((s) => s.message === -1 && s.kind === 'unparsed' && s.offset >= after)) frames.push({ verdict: 'invalid', codes: codes(-1, after) });
    // A start line still arriving: no message yet, but the engine is waiting for one.
    const pending = spans.at(-1);
    if (pending?.kind === 'pending' && pending.message === -1 && !onlyEmptyLines(bytes.subarray(pending.offset))) frames.push({ verdict: 'incomplete', codes: [] });
  }
  return frames;
}

const VERDICTS: ReadonlySet<string> = new Set(FRAMING_VERDICTS);
// eslint-disable-next-line no-control-regex -- control bytes are what it looks for
const LENIENT_CHUNK_LINE = /^[0-9A-Fa-f]+(?:[ \t]+|[ \t]*;.*[\x00-\x08\x0a-\x1f\x7f].*)$/s;
/** The annotator's words for a field line the engine refuses (RFC 9112 sections 5.1, 5.2; RFC 9110 section 5.5). */
const FIELD_LINE = new Set(['field_no_colon', 'space_before_colon', 'bad_field_name', 'obs_fold', 'ctl_in_field']);

/**
 * Where the engine and the annotator part ways on a request stream, or null. Message by message:
 * - a message the engine frames, the annotator frames too, ending at the same byte;
 * - one the engine is still waiting for, the annotator is too;
 * - one whose body length cannot be found (RFC 9112 section 6.3, shared/http/framing.ts) has the same
 *   verdict code from both, and the annotator reads no further HTTP (nor does the engine);
 * - one the engine refuses for its lines gets the annotator's explanation of those lines: a start
 *   line that is not HTTP (bad_start_line, or bytes_after_body after a Content-Length body; the
 *   engine refuses a line that cannot be a method before its LF comes, the annotator when it
 *   does, so the FIN stands in for it), a head or line past 64 KiB, a field line or a chunked body
 *   it cannot read. The annotator is the lenient one here on purpose (it reads on, so as to
 *   explain more), so the comparison stops at such a message.
 */
export function disagreement(bytes: Uint8Array): string | null {
  const engine = engineFrames(bytes);
  const annotator = annotatorFrames(bytes);
  for (let i = 0; i < Math.max(engine.length, annotator.length); i++) {
    const e = engine[i];
    const a = annotator[i];
    const says = `message ${i}: engine ${JSON.stringify(e)}, annotator ${JSON.stringify(a)}`;
    if (e === undefined || a === undefined) return says;
    // Differences in reading lines, not in framing (left to the line readers, shared/http/annotate/lines.ts:
    // see the item 6): the engine answers an HTTP/0.9 `GET /path` line that the annotator calls
    // not HTTP, and refuses runs of spaces between the parts that the annotator reads without a
    // word (RFC 9112 section 3 allows either). Past such a line the two cannot be compared.
    // (After a message whose body has a length, the annotator names such a line bytes_after_body.)
    if (e.simple === true && a.verdict === 'invalid' && (a.codes.includes('bad_start_line') || a.codes.includes('bytes_after_body'))) return null;
    if (e.codes[0] === 'bad_request_line' && a.spaces === true) return null;
    // And one in reading chunk-size lines: whitespace after the size with no extension, or a control
    // byte in an extension (RFC 9112 section 7.1 allows neither), the engine refuses and the annotator reads.
    if (e.codes[0] === 'bad_chunk_size' && a.lenientChunk === true) return null;
    if (e.verdict === 'complete') {
      if (a.verdict !== 'complete' || a.end !== e.end) return says;
      continue;
    }
    if (e.verdict === 'incomplete') return a.verdict === 'incomplete' ? null : says;
    const reason = e.codes[0] ?? '';
    const has = (set: ReadonlySet<string>): boolean => a.codes.some((c) => set.has(c));
    if (VERDICTS.has(reason)) return a.verdict === 'invalid' && a.codes.includes(reason) ? null : says;
    if (reason === 'bad_request_line') {
      const seen = a.verdict === 'incomplete' ? annotatorFrames(bytes, true)[i] : a;
      return seen?.verdict === 'invalid' && seen.codes.some((c) => c === 'bad_start_line' || c === 'bytes_after_body') ? null : says;
    }
    if (reason === 'head_too_large') return a.codes.includes('line_too_long') || a.verdict === 'complete' ? null : says;
    if (reason === 'bad_header') return has(FIELD_LINE) ? null : says;
    // A chunk the engine cannot follow has the same code from the annotator; a trailer, its field problem.
    if (reason === 'bad_chunk_size' || reason === 'bad_chunk_end') return a.codes.includes(reason) ? null : says;
    return has(FIELD_LINE) || a.codes.includes('line_too_long') ? null : says;
  }
  return null;
}
