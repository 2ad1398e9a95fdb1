// What result() hands out (issue 19): a snapshot that later bytes leave as it was. Its span table
// is a copy of the columns; a finished message is the annotator's own object, shared between
// calls (no later byte changes it, as takeFinished relies on too); the message still arriving is
// a copy all the way down.
import { describe, expect, it } from 'vitest';
import { HttpAnnotator } from './annotator';
import { latin1Bytes } from './testing/support';

describe('result()', () => {
  it('is a snapshot: later bytes change neither its spans nor the message it had arriving', () => {
    const annotator = new HttpAnnotator('request');
    annotator.push(latin1Bytes('POST /a HTTP/1.1\r\nContent-Length: 10\r\n\r\n12345'));
    const before = annotator.result();
    const spans = JSON.stringify(before.spans);
    annotator.push(latin1Bytes('67890GET /b HTTP/1.1\r\nHo'));
    expect(JSON.stringify(before.spans)).toBe(spans);
    expect(before.spans.at(-1)).toEqual({ offset: 40, length: 5, kind: 'body', message: 0 });
    expect(before.messages[0]).toMatchObject({ bodyLength: 5, complete: false });
    expect(annotator.result().messages[0]).toMatchObject({ bodyLength: 10, complete: true });
  });

  it('shares a finished message between calls, and copies the one arriving each time', () => {
    const annotator = new HttpAnnotator('request');
    annotator.push(latin1Bytes('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHo'));
    const first = annotator.result();
    annotator.push(latin1Bytes('st: y\r\n\r\n'));
    const second = annotator.result();
    expect(second.messages[0]).toBe(first.messages[0]);
    expect(second.messages[1]).not.toBe(first.messages[1]);
    expect(first.messages[1]?.fields).toEqual([]);
    expect(second.messages[1]?.fields.map((f) => f.name)).toEqual(['Host']);
  });
});
