// The cursor alone (shared/http/annotate/cursor.ts): bytes taken from the line reader's front
// become spans in the store, in the message arriving (or in none), which grows to the last of
// them; a line laid out with put() and then consumed() in one step is the same as taken piece by piece.
import { describe, expect, it } from 'vitest';
import { Cursor } from './cursor';
import { LineReader } from './line-reader';
import { MessageModel } from './message-model';
import { KIND, SpanStore } from './spans';
import { latin1Bytes } from './testing/support';

function parts(text: string): { lines: LineReader; spans: SpanStore; model: MessageModel; cursor: Cursor } {
  const lines = new LineReader();
  const spans = new SpanStore();
  const model = new MessageModel('request');
  lines.feed(latin1Bytes(text));
  lines.nextPiece();
  return { lines, spans, model, cursor: new Cursor(lines, spans, model) };
}

describe('Cursor', () => {
  it('takes bytes from the front as spans of the message arriving, or of none between messages', () => {
    const { lines, spans, model, cursor } = parts('\r\nGET / HTTP/1.1\r\nbody');
    cursor.take(KIND.leading_empty_line, 2);
    const msg = model.open(lines.offset, 'HTTP/1.1', 16);
    cursor.take(KIND.method, 3);
    cursor.take(KIND.sp, 1);
    expect([lines.offset, msg.length]).toEqual([6, 4]);
    cursor.take(KIND.target, 1);
    cursor.take(KIND.field_value, 11, 0);
    expect(lines.length).toBe(4);
    expect(msg.length).toBe(16);
    expect(spans.toTable().toArray().map((s) => `${s.offset}/${s.length}/${s.kind}/${s.message}${s.field === undefined ? '' : `/f${s.field}`}`)).toEqual([
      '0/2/leading_empty_line/-1',
      '2/3/method/0',
      '5/1/sp/0',
      '6/1/target/0',
      '7/11/field_value/0/f0',
    ]);
  });

  it('lays a line out with put(), then consumes it in one step: the same as taking it piece by piece', () => {
    const line = 'Host: a\r\n';
    const piece = parts(line);
    const whole = parts(line);
    piece.model.open(0, 'HTTP/1.1', 0);
    whole.model.open(0, 'HTTP/1.1', 0);
    const layout = [
      [KIND.field_name, 4],
      [KIND.colon, 1],
      [KIND.ows, 1],
      [KIND.field_value, 1],
      [KIND.line_end, 2],
    ] as const;
    for (const [kind, length] of layout) piece.cursor.take(kind, length, 0);
    for (const [kind, length] of layout) whole.cursor.put(kind, length, 0);
    expect(whole.lines.offset).toBe(0);
    whole.cursor.consumed(line.length);
    expect(whole.spans.toTable().toArray()).toEqual(piece.spans.toTable().toArray());
    expect(whole.model.copyMessages()).toEqual(piece.model.copyMessages());
    expect(whole.lines.offset).toBe(piece.lines.offset);
  });
});
