// The words a byte's title and the status line give: which chunk starts there (one read or write,
// and when), which part of HTTP it is and what that part means, and its range. Pure given `t`.
import type { TFunction } from 'i18next';
import type { Annotation } from '../../../shared/http/annotate/annotation';
import type { Dir } from '../../../shared/contract/contract';
import { elapsedText } from '../../lib/format';
import { spanIndexAt } from './annotation-view';
import { chunkAt, type Exchange, type ExchangeChunk } from './exchange-model';

export function timeText(ms: number, t: TFunction): string {
  return elapsedText(ms, t);
}

/** `bytes 4–7 (4 bytes)`: a range as people count, both ends included; `byte 7` when it is one. */
export function rangeText(offset: number, length: number, t: TFunction): string {
  // Chosen here, not by a plural form: the forms count, and Russian's "one" also counts 21 bytes.
  if (length === 1) return t('ui.annotation.oneByte', { from: offset });
  return t('ui.annotation.range', { from: offset, to: offset + length - 1, count: length });
}

export function chunkText(chunk: ExchangeChunk, t: TFunction): string {
  const params = { n: chunk.ordinal, bytes: t('ui.bytes.byteCount', { count: chunk.length }), time: timeText(chunk.t, t), offset: chunk.offset };
  return chunk.dir === 'in' ? t('ui.bytes.chunkRead', params) : t('ui.bytes.chunkWrite', params);
}

/** The part of HTTP the byte is in and what it means, with the part's bytes; undefined outside any. */
export function partOf(annotation: Annotation | undefined, offset: number, t: TFunction): { text: string; offset: number; length: number } | undefined {
  const i = annotation ? spanIndexAt(annotation, offset) : -1;
  if (!annotation || i < 0) return undefined;
  const spans = annotation.spans;
  return { text: t(`ui.annotation.kind.${spans.kindOf(i)}`), offset: spans.offsetOf(i), length: spans.lengthOf(i) };
}

/** A byte's title: its chunk's start if one starts there, then its part of HTTP. */
export function byteTitle(exchange: Exchange, annotation: Annotation | undefined, dir: Dir, offset: number, t: TFunction): string {
  const lines: string[] = [];
  const chunk = chunkAt(exchange[dir], offset);
  if (chunk && chunk.offset === offset) lines.push(chunkText(chunk, t));
  const part = partOf(annotation, offset, t);
  if (part) lines.push(part.text, rangeText(part.offset, part.length, t));
  else lines.push(rangeText(offset, 1, t));
  return lines.join('\n');
}
