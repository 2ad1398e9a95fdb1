// The annotated dump as a terminal shows it: a heading for each message, one line per span with
// its bytes made visible (CR and LF are the lesson), then the problems in words.
//   message 1 · response · HTTP/1.1 200 OK · 1 field · body: 46 bytes, up to the close (complete)
//     0+8    version      "HTTP/1.1"
//     8+1    sp           " "
//   info     17+46   Neither Content-Length nor chunked: the body ends only when ...
// Span kinds and severities are printed as the model names them (shared/annotation.ts), the same
// words --json gives; every other word comes from the catalog (cli.annotate.*, problems.*).
import type { Annotation, HttpMessage, Problem } from '../../shared/annotation';
import { visibleTokens } from '../../shared/bytes';
import type { Translate } from './cli-context';
import { preview } from './journal-lines';

/** Visible characters of a span shown before it is cut: with the columns, about one line. */
export const SPAN_PREVIEW_CHARS = 60;

/** Every line of the dump of `bytes`, as annotated in `annotation`. */
export function annotationLines(t: Translate, bytes: Uint8Array, annotation: Annotation, previewChars = SPAN_PREVIEW_CHARS): string[] {
  const { spans, messages, problems } = annotation;
  const at = (offset: number, length: number): string => `${offset}+${length}`;
  // Loops, not Math.max(...spread): 40,000 header lines overflowed the argument limit (RangeError).
  let atWidth = 0;
  let kindWidth = 0;
  for (const s of spans) {
    atWidth = Math.max(atWidth, at(s.offset, s.length).length);
    kindWidth = Math.max(kindWidth, s.kind.length);
  }
  for (const p of problems) atWidth = Math.max(atWidth, at(p.offset, p.length).length);
  // A message whose blank line has not come has no body yet, whatever its framing says so far.
  const headDone = new Set(spans.filter((s) => s.kind === 'blank_line').map((s) => s.message));

  const lines: string[] = [];
  let current: number | null = null;
  for (const span of spans) {
    if (span.message !== current) {
      current = span.message;
      const msg = messages[span.message];
      lines.push(msg ? heading(t, msg, headDone.has(msg.index), annotation.ended) : t('cli.annotate.outside'));
    }
    const shown = preview(t, bytes.subarray(span.offset, span.offset + span.length), previewChars);
    lines.push(`  ${at(span.offset, span.length).padEnd(atWidth)}  ${span.kind.padEnd(kindWidth)}  ${shown}`);
  }

  if (spans.length > 0) lines.push('');
  if (problems.length === 0) lines.push(t('cli.annotate.noProblems'));
  else {
    lines.push(t('cli.annotate.problems', { count: problems.length }));
    const severityWidth = problems.reduce((width, p) => Math.max(width, p.severity.length), 0);
    for (const p of problems) {
      lines.push(`  ${p.severity.padEnd(severityWidth)}  ${at(p.offset, p.length).padEnd(atWidth)}  ${problemSentence(t, p)}`);
    }
  }
  lines.push(summary(t, annotation));
  return lines;
}

/**
 * The catalog's sentence for a problem, its params filled in. A param quoting the bytes (a start
 * line, a field name) is made visible first: a capture's ESC or NUL must not reach the terminal.
 */
export function problemSentence(t: Translate, problem: Problem): string {
  const params = Object.fromEntries(Object.entries(problem.params).map(([k, v]) => [k, typeof v === 'string' ? visibleLatin1(v) : v]));
  return t(`problems.${problem.code}`, params);
}

/** `message 1 · request · GET /hello HTTP/1.1 · 3 fields · body: none (complete)` */
function heading(t: Translate, msg: HttpMessage, headDone: boolean, ended: boolean): string {
  const startLine =
    msg.kind === 'request'
      ? `${msg.method ?? ''} ${msg.target ?? ''} ${msg.version}`
      : `${msg.version} ${msg.status ?? ''}${msg.reason ? ` ${msg.reason}` : ''}`;
  const parts = [
    t('cli.annotate.message', { number: msg.index + 1 }),
    t(`cli.annotate.side.${msg.kind}`),
    visibleLatin1(startLine),
    t('cli.annotate.fields', { count: msg.fields.length }),
  ];
  if (msg.trailers.length > 0) parts.push(t('cli.annotate.trailers', { count: msg.trailers.length }));
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
      const data = msg.chunks.reduce((sum, c) => sum + c.dataLength, 0);
      return t('cli.annotate.body.chunked', { chunks: t('cli.annotate.chunks', { count: msg.chunks.length }), data });
    }
    case 'close':
      return t('cli.annotate.body.close', { length: msg.bodyLength });
    case 'tunnel':
      return t('cli.annotate.body.tunnel');
  }
}

function summary(t: Translate, annotation: Annotation): string {
  const params = {
    length: annotation.length,
    messages: t(`cli.annotate.messages.${annotation.side}`, { count: annotation.messages.length }),
    peer: t(`cli.annotate.peer.${annotation.side}`),
  };
  return t(annotation.ended ? 'cli.annotate.summary.ended' : 'cli.annotate.summary.open', params);
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
