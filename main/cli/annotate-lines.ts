// The annotated dump as a terminal shows it: a heading for each message, one line per span with
// its bytes made visible (CR and LF are the lesson), then the problems in words.
//   message 1 · response · HTTP/1.1 200 OK · 1 field · body: 46 bytes, up to the close (complete)
//     0+8    version      "HTTP/1.1"
//     8+1    sp           " "
//   info     17+46   Neither Content-Length nor chunked: the body ends only when ...
// Span kinds and severities are printed as the model names them (shared/http/annotate/annotation.ts), the same
// words --json gives; every other word comes from the catalog (cli.annotate.*, problems.*).
import type { Annotation, AnnotationJson, HttpMessage, Problem, Side, Span } from '../../shared/http/annotate/annotation';
import { visibleTokens } from '../../shared/bytes/bytes';
import { problemSentence as wordedProblem } from '../../shared/i18n/coded-sentences';
import type { Translate } from './cli-context';
import { preview } from './journal-lines';

/** Visible characters of a span shown before it is cut: with the columns, about one line. */
export const SPAN_PREVIEW_CHARS = 60;

/** The bytes of a span a preview of `chars` characters looks at: every byte is at least a quarter of a character (journal-lines.ts preview). */
export function previewBytes(chars: number): number {
  return 4 * chars + 4;
}

/** Widths of the columns: `offset+length`, span kind, problem severity. */
export interface Columns {
  at: number;
  kind: number;
  severity: number;
}

/** Every line of the dump of `bytes`, as annotated in `annotation`: the whole input at once. */
export function annotationLines(t: Translate, bytes: Uint8Array, annotation: Annotation, previewChars = SPAN_PREVIEW_CHARS): string[] {
  // Spans as objects: the dump prints a line a span, so the objects are the cheap part.
  const dumped = { ...annotation, spans: annotation.spans.toArray() };
  return dumpLines(t, dumped, (span) => preview(t, bytes.subarray(span.offset, span.offset + span.length), previewChars));
}

/** Every line of the dump of `annotation`, each span's bytes as `shown` gives them. */
export function dumpLines(t: Translate, annotation: AnnotationJson, shown: (span: Span, index: number) => string): string[] {
  const { spans, messages, problems } = annotation;
  const columns: Columns = { at: 0, kind: 0, severity: 0 };
  // Loops, not Math.max(...spread): 40,000 header lines overflowed the argument limit (RangeError).
  for (const s of spans) widenForSpan(columns, s);
  for (const p of problems) widenForProblem(columns, p);
  // A message whose blank line has not come has no body yet, whatever its framing says so far.
  const headDone = new Set(spans.filter((s) => s.kind === 'blank_line').map((s) => s.message));

  const lines: string[] = [];
  let current: number | null = null;
  spans.forEach((span, i) => {
    if (span.message !== current) {
      current = span.message;
      const msg = messages[span.message];
      lines.push(msg ? heading(t, msg, headDone.has(msg.index), annotation.ended) : t('cli.annotate.outside'));
    }
    lines.push(spanLine(columns, span, shown(span, i)));
  });

  if (spans.length > 0) lines.push('');
  if (problems.length === 0) lines.push(t('cli.annotate.noProblems'));
  else {
    lines.push(t('cli.annotate.problems', { count: problems.length }));
    for (const p of problems) lines.push(problemLine(t, columns, p));
  }
  lines.push(summary(t, annotation.side, annotation.length, messages.length, annotation.ended));
  return lines;
}

/** Widens the columns to fit a span's line. */
export function widenForSpan(columns: Columns, span: Span): void {
  columns.at = Math.max(columns.at, at(span.offset, span.length).length);
  columns.kind = Math.max(columns.kind, span.kind.length);
}

/** Widens the columns to fit a problem's line. */
export function widenForProblem(columns: Columns, problem: Problem): void {
  columns.at = Math.max(columns.at, at(problem.offset, problem.length).length);
  columns.severity = Math.max(columns.severity, problem.severity.length);
}

/** `  59+41  body  "<html>…"` */
export function spanLine(columns: Columns, span: Span, shown: string): string {
  return `  ${at(span.offset, span.length).padEnd(columns.at)}  ${span.kind.padEnd(columns.kind)}  ${shown}`;
}

/** `  info  0+17  Neither Content-Length nor chunked: ...` */
export function problemLine(t: Translate, columns: Columns, p: Problem): string {
  return `  ${p.severity.padEnd(columns.severity)}  ${at(p.offset, p.length).padEnd(columns.at)}  ${problemSentence(t, p)}`;
}

function at(offset: number, length: number): string {
  return `${offset}+${length}`;
}

/**
 * The catalog's sentence for a problem, its params filled in. A param quoting the bytes (a start
 * line, a field name) is made visible first: a capture's ESC or NUL must not reach the terminal.
 */
export function problemSentence(t: Translate, problem: Problem): string {
  const params = Object.fromEntries(Object.entries(problem.params).map(([k, v]) => [k, typeof v === 'string' ? visibleLatin1(v) : v]));
  return wordedProblem(t, problem.code, params);
}

/** `message 1 · request · GET /hello HTTP/1.1 · 3 fields · body: none (complete)` */
export function heading(t: Translate, msg: HttpMessage, headDone: boolean, ended: boolean): string {
  const startLine =
    msg.kind === 'request'
      ? `${msg.method ?? ''} ${msg.target ?? ''} ${msg.version}`
      : `${msg.version} ${msg.status ?? ''}${msg.reason ? ` ${msg.reason}` : ''}`;
  const parts = [
    t('cli.annotate.message', { number: msg.index + 1 }),
    t(`cli.annotate.side.${msg.kind}`),
    visibleLatin1(startLine),
    // Past MAX_MESSAGE_RECORDS a message counts its records instead of keeping them: the counts are of all.
    t('cli.annotate.fields', { count: msg.fields.length + (msg.fieldsNotKept ?? 0) }),
  ];
  const trailers = msg.trailers.length + (msg.trailersNotKept ?? 0);
  if (trailers > 0) parts.push(t('cli.annotate.trailers', { count: trailers }));
  const state = msg.complete ? 'complete' : ended ? 'incomplete' : 'open';
  parts.push(`${headDone ? body(t, msg) : t('cli.annotate.body.noHead')} ${t(`cli.annotate.state.${state}`)}`);
  return parts.join(' · ');
}

function body(t: Translate, msg: HttpMessage): string {
  switch (msg.framing) {
    case 'none':
      return t('cli.annotate.body.none');
    case 'length':
      return t('cli.annotate.body.length', { length: msg.bodyLength, declared: msg.declaredLength ?? 0 });
    case 'chunked': {
      const data = msg.chunks.reduce((sum, c) => sum + c.dataLength, msg.chunkDataNotKept ?? 0);
      const count = msg.chunks.length + (msg.chunksNotKept ?? 0);
      return t('cli.annotate.body.chunked', { chunks: t('cli.annotate.chunks', { count }), data });
    }
    case 'close':
      return t('cli.annotate.body.close', { length: msg.bodyLength });
    case 'tunnel':
      return t('cli.annotate.body.tunnel');
  }
}

/** `100 bytes, 1 response; the end of the input counts as the server's FIN.` */
export function summary(t: Translate, side: Side, length: number, messages: number, ended: boolean): string {
  const params = {
    length,
    messages: t(`cli.annotate.messages.${side}`, { count: messages }),
    peer: t(`cli.annotate.peer.${side}`),
  };
  return t(ended ? 'cli.annotate.summary.ended' : 'cli.annotate.summary.open', params);
}

/**
 * The annotator gives the text of the bytes as Latin-1 (one char per byte); back to bytes, it is
 * shown like every other byte: UTF-8 decoded where valid, controls as glyphs, the rest as \xHH.
 * A char beyond Latin-1 (the `…` that ends a cut preview) is not a byte and is kept as it is.
 */
function visibleLatin1(text: string): string {
  let out = '';
  let bytes: number[] = [];
  const flush = (): void => {
    for (const token of visibleTokens(Uint8Array.from(bytes))) out += token.text;
    bytes = [];
  };
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0xff) bytes.push(code);
    else {
      flush();
      out += char;
    }
  }
  flush();
  return out;
}
