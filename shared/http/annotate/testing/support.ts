// Helpers the annotator's tests share (golden, property, differential; the bench too): feeding
// bytes in pieces, checking that every byte is attributed exactly once, and reading each message
// back out of an annotation the way an HTTP parser would report it (start line, raw headers in
// order, body bytes). Pure, like the annotator: no Node, so it type-checks with shared/.
import type { Annotation, HttpMessage, Side } from '../annotation';
import { HttpAnnotator, type AnnotateOptions } from '../annotator';

/** Text as bytes, one byte per char (Latin-1): `\xFF` in a string is the byte 0xFF. */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Bytes as text, one char per byte (Latin-1). */
export function latin1Text(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i] as number);
  return text;
}

/** For responses: the n-th final response answers a request with this method. */
export function methodsOption(methods: readonly string[] | undefined): AnnotateOptions {
  return methods ? { requestMethod: (index) => methods[index] } : {};
}

/**
 * `bytes` pushed in pieces cut at `cuts` (offsets, ascending, duplicates allowed: an empty push),
 * then the FIN unless `ended` is false. `reuse`: each piece is pushed from one scratch buffer that
 * is overwritten right after, as a reader that recycles its buffer would: the annotator must have
 * copied whatever it still needs.
 */
export function feedPieces(bytes: Uint8Array, side: Side, cuts: readonly number[], options: AnnotateOptions = {}, ended = true, reuse = false): Annotation {
  const annotator = new HttpAnnotator(side, options);
  const scratch = reuse ? new Uint8Array(bytes.length) : null;
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (scratch) {
      scratch.set(bytes.subarray(at, cut));
      annotator.push(scratch.subarray(0, cut - at));
      scratch.fill(0x3f);
    } else annotator.push(bytes.subarray(at, cut));
    at = cut;
  }
  if (ended) annotator.end();
  return annotator.result();
}

/**
 * What is wrong with how the annotation covers its bytes, or null: spans in order from 0 to
 * `length` with no gap or overlap, none empty, each in a message that exists (or -1), and a
 * span of a field line inside that field's bytes. Problems and messages lie within the bytes.
 */
export function coverageError(a: Annotation, byteLength: number): string | null {
  if (a.length !== byteLength) return `length ${a.length}, bytes ${byteLength}`;
  let at = 0;
  for (const [i, s] of a.spans.toArray().entries()) {
    if (s.offset !== at) return `span ${i} (${s.kind}) at ${s.offset}, expected ${at}`;
    if (!(s.length > 0)) return `span ${i} (${s.kind}) has length ${s.length}`;
    if (s.message < -1 || s.message >= a.messages.length) return `span ${i} in message ${s.message}`;
    at += s.length;
    if (s.field === undefined) continue;
    const m = a.messages[s.message];
    // Trailer lines come after the last chunk (size 0); their spans index `trailers`.
    const last = m?.chunks.at(-1);
    const inTrailers = last !== undefined && last.size === 0 && s.offset >= last.dataOffset;
    const f = (inTrailers ? m?.trailers : m?.fields)?.[s.field];
    if (!f) return `span ${i} (${s.kind}) names field ${s.field}, which message ${s.message} does not have`;
    if (s.offset < f.offset || s.offset + s.length > f.offset + f.length) return `span ${i} (${s.kind}) outside its field ${s.field}`;
  }
  if (at !== byteLength) return `spans end at ${at}, bytes at ${byteLength}`;
  let end = 0;
  for (const m of a.messages) {
    if (m.offset < end || m.length <= 0 || m.offset + m.length > byteLength) return `message ${m.index} at ${m.offset}+${m.length}`;
    end = m.offset + m.length;
  }
  for (const p of a.problems) {
    if (p.offset < 0 || p.length < 0 || p.offset + p.length > byteLength) return `problem ${p.code} at ${p.offset}+${p.length}`;
  }
  return null;
}

/** One message as an HTTP parser reports it: what the differential test compares with Node's. */
export interface ParsedMessage {
  start: string;
  headers: [string, string][];
  trailers: [string, string][];
  /** The body's content: for chunked, the chunk data joined (what a parser hands its user). */
  body: string;
  complete: boolean;
}

/** The annotation's messages as `ParsedMessage`s; the body is read from its spans over `bytes`. */
export function parsedMessages(a: Annotation, bytes: Uint8Array): ParsedMessage[] {
  const bodies = a.messages.map(() => [] as string[]);
  for (const s of a.spans) {
    if ((s.kind === 'body' || s.kind === 'chunk_data') && s.message >= 0) bodies[s.message]?.push(latin1Text(bytes.subarray(s.offset, s.offset + s.length)));
  }
  return a.messages.map((m: HttpMessage, i) => ({
    start: m.kind === 'request' ? `${m.method} ${m.target} ${m.version}` : `${m.version} ${m.status} ${m.reason}`,
    headers: m.fields.map((f) => [f.name, f.value]),
    trailers: m.trailers.map((f) => [f.name, f.value]),
    body: (bodies[i] ?? []).join(''),
    complete: m.complete,
  }));
}
