// What the views need from an Annotation (shared/http/annotate/annotation.ts): the spans over a row's bytes, found
// by binary search (a keep-alive connection can hold many thousands), and the structure tree, whose
// items select their bytes: message, then start line, header fields, blank line, body, chunks.
// Pure: labels are i18n keys with params, turned into words by the component.
import type { TFunction } from 'i18next';
import type { Annotation, BodyFraming, HttpMessage, Span } from '../../../shared/http/annotate/annotation';

const offsetsOf = new WeakMap<Annotation, Float64Array>();

function spanOffsets(annotation: Annotation): Float64Array {
  let offsets = offsetsOf.get(annotation);
  if (!offsets) {
    offsets = Float64Array.from(annotation.spans, (s) => s.offset);
    offsetsOf.set(annotation, offsets);
  }
  return offsets;
}

/** How many spans start at or before `offset` (binary search). */
function spansUpTo(annotation: Annotation, offset: number): number {
  const offsets = spanOffsets(annotation);
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((offsets[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the span holding byte `offset`, or -1. */
export function spanIndexAt(annotation: Annotation, offset: number): number {
  const lo = spansUpTo(annotation, offset);
  const span = annotation.spans[lo - 1];
  return span && offset < span.offset + span.length ? lo - 1 : -1;
}

/** The spans overlapping [start, end), in order. */
export function spansIn(annotation: Annotation, start: number, end: number): Span[] {
  const out: Span[] = [];
  // In a span, from it; else from the first after `start` (not a scan: every row on screen asks).
  let i = spanIndexAt(annotation, start);
  if (i < 0) i = spansUpTo(annotation, start);
  for (; i < annotation.spans.length; i++) {
    const span = annotation.spans[i] as Span;
    if (span.offset >= end) break;
    if (span.offset + span.length > start) out.push(span);
  }
  return out;
}

/** What a tree item says, as data; treeLabel() turns it into words. */
export type TreeLabel =
  | { kind: 'message'; side: 'request' | 'response'; n: number; first: string; second: string; partial: boolean }
  | { kind: 'line'; key: 'requestLine' | 'statusLine' | 'blankLine' | 'trailersEnd' | 'lastChunk' }
  | { kind: 'fields'; count: number }
  | { kind: 'field'; name: string; value: string }
  | { kind: 'body'; framing: BodyFraming; count: number }
  | { kind: 'chunk'; n: number; size: number }
  | { kind: 'outside'; count: number };

export interface TreeNode {
  id: string;
  label: TreeLabel;
  offset: number;
  length: number;
  children: TreeNode[];
}

export function treeLabel(label: TreeLabel, t: TFunction): string {
  const bytes = (count: number): string => t('ui.bytes.byteCount', { count });
  switch (label.kind) {
    case 'message': {
      const text =
        label.side === 'request'
          ? t('ui.annotation.tree.request', { n: label.n, method: label.first, target: label.second })
          : t('ui.annotation.tree.response', { n: label.n, status: label.first, reason: label.second });
      return label.partial ? t('ui.annotation.tree.partial', { message: text }) : text;
    }
    case 'line':
      return t(`ui.annotation.tree.${label.key}`);
    case 'fields':
      return t('ui.annotation.tree.fields', { count: label.count });
    case 'field':
      return t('ui.annotation.tree.field', { name: label.name, value: label.value });
    case 'body':
      return t('ui.annotation.tree.body', { bytes: bytes(label.count), framing: t(`ui.annotation.tree.framing.${label.framing}`) });
    case 'chunk':
      return t('ui.annotation.tree.chunk', { n: label.n, size: label.size });
    case 'outside':
      return t('ui.annotation.tree.outside', { bytes: bytes(label.count) });
  }
}

const START_LINE = new Set(['method', 'target', 'version', 'sp', 'status_code', 'reason', 'line_end']);

/** The end of the line that starts at `offset`: its last span of kind line_end, or what is there. */
function lineEnd(annotation: Annotation, offset: number, kinds: ReadonlySet<string>): number {
  let i = spanIndexAt(annotation, offset);
  let end = offset;
  for (; i >= 0 && i < annotation.spans.length; i++) {
    const span = annotation.spans[i] as Span;
    if (!kinds.has(span.kind)) break;
    end = span.offset + span.length;
    if (span.kind === 'line_end') break;
  }
  return end;
}

function preview(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function messageNode(annotation: Annotation, msg: HttpMessage): TreeNode {
  const id = `m${msg.index}`;
  const node = (suffix: string, label: TreeLabel, offset: number, length: number, children: TreeNode[] = []): TreeNode => ({
    id: `${id}-${suffix}`,
    label,
    offset,
    length,
    children,
  });
  const children: TreeNode[] = [];
  const request = msg.kind === 'request';
  const startEnd = lineEnd(annotation, msg.offset, START_LINE);
  children.push(node('start', { kind: 'line', key: request ? 'requestLine' : 'statusLine' }, msg.offset, startEnd - msg.offset));
  const fieldNode = (prefix: string) => (f: HttpMessage['fields'][number], i: number) =>
    node(`${prefix}${i}`, { kind: 'field', name: f.name, value: preview(f.value) }, f.offset, f.length);
  const first = msg.fields[0];
  const last = msg.fields.at(-1);
  if (first && last) {
    const fields = msg.fields.map(fieldNode('f'));
    children.push(node('fields', { kind: 'fields', count: fields.length }, first.offset, last.offset + last.length - first.offset, fields));
  }
  const blank = annotation.spans.find((s) => s.message === msg.index && s.kind === 'blank_line');
  if (blank) children.push(node('blank', { kind: 'line', key: 'blankLine' }, blank.offset, blank.length));
  if (msg.framing !== 'none' || msg.bodyLength > 0) {
    const chunks = msg.chunks.map((c, i) => {
      const next = msg.chunks[i + 1];
      const end = next ? next.offset : c.size === 0 ? lineEnd(annotation, c.offset, CHUNK_LINE) : c.dataOffset + c.dataLength;
      const label: TreeLabel = c.size === 0 ? { kind: 'line', key: 'lastChunk' } : { kind: 'chunk', n: i + 1, size: c.size };
      return node(`c${i}`, label, c.offset, end - c.offset);
    });
    const trailers = msg.trailers.map(fieldNode('t'));
    // A chunked body ends with the last chunk, the trailer fields, and one more empty line, all of
    // them inside the body (RFC 9112 section 7.1; the annotator's bodyLength runs to there).
    const end = msg.framing === 'chunked' ? annotation.spans.findLast((s) => s.message === msg.index && s.kind === 'blank_line') : undefined;
    const ending = end && end !== blank ? [node('end', { kind: 'line', key: 'trailersEnd' }, end.offset, end.length)] : [];
    children.push(node('body', { kind: 'body', framing: msg.framing, count: msg.bodyLength }, msg.bodyOffset, msg.bodyLength, [...chunks, ...trailers, ...ending]));
  }
  const label: TreeLabel = {
    kind: 'message',
    side: msg.kind,
    n: msg.index + 1,
    first: request ? (msg.method ?? '') : String(msg.status ?? ''),
    second: preview(request ? (msg.target ?? '') : (msg.reason ?? '')),
    partial: !msg.complete,
  };
  return { id, label, offset: msg.offset, length: msg.length, children };
}

const CHUNK_LINE = new Set(['chunk_size', 'chunk_ext', 'line_end']);

/** The messages of an annotation as a tree; bytes outside any message as items of their own. */
export function structureTree(annotation: Annotation): TreeNode[] {
  const nodes = annotation.messages.map((m) => messageNode(annotation, m));
  annotation.spans.forEach((s, i) => {
    if (s.message !== -1 || s.kind === 'leading_empty_line') return;
    nodes.push({ id: `x${i}`, label: { kind: 'outside', count: s.length }, offset: s.offset, length: s.length, children: [] });
  });
  return nodes.sort((a, b) => a.offset - b.offset);
}
