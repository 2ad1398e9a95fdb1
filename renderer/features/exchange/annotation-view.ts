// What the views need from an Annotation (shared/http/annotate/annotation.ts): the spans over a row's bytes, found
// by binary search (a keep-alive connection can hold many thousands), and the structure tree, whose
// items select their bytes: message, then start line, header fields, blank line, body, chunks.
// Pure: labels are i18n keys with params, turned into words by the component.
import type { TFunction } from 'i18next';
import type { Annotation, BodyFraming, HttpMessage, Span } from '../../../shared/http/annotate/annotation';

/** The index of the span holding byte `offset`, or -1 (a binary search on the table's bounds). */
export function spanIndexAt(annotation: Annotation, offset: number): number {
  return annotation.spans.indexAt(offset);
}

/** The spans overlapping [start, end), in order: a row's few, as objects. */
export function spansIn(annotation: Annotation, start: number, end: number): Span[] {
  const spans = annotation.spans;
  const out: Span[] = [];
  // In a span, from it; else from the first after `start` (not a scan: every row on screen asks).
  let i = spans.indexAt(start);
  if (i < 0) i = spans.countUpTo(start);
  for (; i < spans.length; i++) {
    if (spans.offsetOf(i) >= end) break;
    if (spans.endOf(i) > start) out.push(spans.at(i) as Span);
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
  const spans = annotation.spans;
  for (; i >= 0 && i < spans.length; i++) {
    const kind = spans.kindOf(i);
    if (!kinds.has(kind)) break;
    end = spans.endOf(i);
    if (kind === 'line_end') break;
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
  const spans = annotation.spans;
  const blank = spans.find('blank_line', msg.index);
  if (blank >= 0) children.push(node('blank', { kind: 'line', key: 'blankLine' }, spans.offsetOf(blank), spans.lengthOf(blank)));
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
    const end = msg.framing === 'chunked' ? spans.findLast('blank_line', msg.index) : -1;
    const ending = end >= 0 && end !== blank ? [node('end', { kind: 'line', key: 'trailersEnd' }, spans.offsetOf(end), spans.lengthOf(end))] : [];
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
  const spans = annotation.spans;
  for (let i = 0; i < spans.length; i++) {
    if (spans.messageOf(i) !== -1 || spans.kindOf(i) === 'leading_empty_line') continue;
    const length = spans.lengthOf(i);
    nodes.push({ id: `x${i}`, label: { kind: 'outside', count: length }, offset: spans.offsetOf(i), length, children: [] });
  }
  return nodes.sort((a, b) => a.offset - b.offset);
}
