import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/http/annotate/annotation';
import { annotate } from '../../../shared/http/annotate/annotator';
import { SpanTable } from '../../../shared/http/annotate/span-table';
import { createI18n } from '../../../shared/i18n/catalog';
import { spanIndexAt, spansIn, structureTree, treeLabel, type TreeNode } from './annotation-view';
import { ascii } from './test-exchange';

const { t } = createI18n('en');
const words = (nodes: TreeNode[], depth = 0): string[] =>
  nodes.flatMap((n) => [`${'  '.repeat(depth)}${treeLabel(n.label, t)} [${n.offset}+${n.length}]`, ...words(n.children, depth + 1)]);

/** Written by hand, as the annotator would give it: a request line and one field, cut short. */
const FIXTURE: Annotation = {
  side: 'request',
  length: 25,
  spans: SpanTable.of([
    { offset: 0, length: 3, kind: 'method', message: 0 },
    { offset: 3, length: 1, kind: 'sp', message: 0 },
    { offset: 4, length: 1, kind: 'target', message: 0 },
    { offset: 5, length: 1, kind: 'sp', message: 0 },
    { offset: 6, length: 8, kind: 'version', message: 0 },
    { offset: 14, length: 2, kind: 'line_end', message: 0 },
    { offset: 16, length: 4, kind: 'field_name', message: 0, field: 0 },
    { offset: 20, length: 1, kind: 'colon', message: 0, field: 0 },
    { offset: 21, length: 1, kind: 'ows', message: 0, field: 0 },
    { offset: 22, length: 1, kind: 'field_value', message: 0, field: 0 },
    { offset: 23, length: 2, kind: 'pending', message: 0 },
  ]),
  messages: [
    {
      index: 0, kind: 'request', offset: 0, length: 25, complete: false, method: 'GET', target: '/', version: 'HTTP/1.1',
      fields: [{ name: 'Host', value: 'x', offset: 16, length: 7 }], trailers: [], framing: 'none', bodyOffset: 25, bodyLength: 0, chunks: [],
    },
  ],
  problems: [],
  ended: false,
};

describe('span lookup', () => {
  it('finds the span of a byte and the spans over a range', () => {
    expect(spanIndexAt(FIXTURE, 0)).toBe(0);
    expect(spanIndexAt(FIXTURE, 15)).toBe(5);
    expect(spanIndexAt(FIXTURE, 25)).toBe(-1);
    expect(spansIn(FIXTURE, 13, 17).map((s) => s.kind)).toEqual(['version', 'line_end', 'field_name']);
    expect(spansIn(FIXTURE, 30, 40)).toEqual([]);
  });

  it('finds the spans over a range that starts before the first span', () => {
    // Spans from byte 4 on, as a part handed over by takeFinished has them: bytes 0-3 in none.
    const later: Annotation = { ...FIXTURE, spans: SpanTable.of(FIXTURE.spans.toArray().slice(2)) };
    expect(spanIndexAt(later, 2)).toBe(-1);
    expect(spansIn(later, 2, 6).map((s) => s.offset)).toEqual([4, 5]);
    expect(spansIn(later, 2, 4)).toEqual([]);
  });
});

describe('structureTree', () => {
  it('shows a message as its start line, fields and body, each with its bytes', () => {
    expect(words(structureTree(FIXTURE))).toEqual([
      'Request 1: GET / (still arriving) [0+25]',
      '  Request line [0+16]',
      '  1 header field [16+7]',
      '    Host: x [16+7]',
    ]);
  });

  it('follows a chunked response from the annotator: chunks, the last one, keep-alive messages', () => {
    const bytes = ascii('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n');
    expect(words(structureTree(annotate(bytes, 'response')))).toEqual([
      'Response 1: 200 OK [0+62]',
      '  Status line [0+17]',
      '  1 header field [17+28]',
      '    Transfer-Encoding: chunked [17+28]',
      '  Blank line: the head ends [45+2]',
      '  Body: 15 bytes, chunked [47+15]',
      '    Chunk 1: 5 bytes of data [47+10]',
      '    Last chunk (size 0): the data ends [57+3]',
      '    Blank line: the chunked message ends [60+2]',
      'Response 2: 204 No Content [62+27]',
      '  Status line [62+25]',
      '  Blank line: the head ends [87+2]',
    ]);
  });

  it('lists bytes outside any message', () => {
    const tree = structureTree(annotate(ascii('HELLO THERE\r\n'), 'request'));
    expect(words(tree).at(-1)).toBe('Outside any message: 13 bytes [0+13]');
  });
});
