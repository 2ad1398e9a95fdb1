// The message model alone (shared/http/annotate/message-model.ts), told offsets as the readers of
// lines would tell it, with no byte in sight: the phase a head's blank line leads to (RFC 9112
// section 6.3), how problems are grouped (bare LFs per message, a run outside any message), what
// is handed over and what is kept, and what the FIN leaves unfinished.
import { describe, expect, it } from 'vitest';
import type { HttpMessage } from './annotation';
import { MessageModel } from './message-model';

/** A message opened at `offset` with these fields, as its head's lines would have added them. */
function head(model: MessageModel, offset: number, fields: Record<string, string> = {}, start: Partial<HttpMessage> = {}): HttpMessage {
  const msg = model.open(offset, 'HTTP/1.1', 16);
  Object.assign(msg, start);
  let at = offset + 16;
  for (const [name, value] of Object.entries(fields)) {
    msg.fields.push({ name, value, offset: at, length: name.length + value.length + 4 });
    at += name.length + value.length + 4;
  }
  msg.length = at + 2 - offset;
  return msg;
}

describe('MessageModel', () => {
  it('opens messages in order: each the current one, its head next, the one before it kept as the latest but one', () => {
    const model = new MessageModel('request');
    const first = head(model, 0, { Host: 'a' }, { method: 'GET' });
    expect(model.phase).toBe('head');
    expect(model.msg).toBe(first);
    model.headDone(first.offset + first.length);
    expect(model.phase).toBe('start');
    expect(model.msg).toBeNull();
    expect(first.complete).toBe(true);
    const second = head(model, 27, { Host: 'a' }, { method: 'GET' });
    expect([second.index, model.latest, model.beforeLatest]).toEqual([1, second, first]);
  });

  it('decides at the blank line where the body ends: Content-Length, chunked, the close, a tunnel, none for HEAD', () => {
    const model = new MessageModel('response', (i) => ['GET', 'HEAD', 'CONNECT', 'GET', 'GET'][i]);
    const phaseAfter = (fields: Record<string, string>, status: number): string => {
      head(model, 0, fields, { status });
      model.headDone(100);
      const phase = model.phase;
      if (model.msg) model.finish(200);
      return `${phase}${phase === 'body_length' || phase === 'chunk_data' ? ` ${model.left}` : ''}`;
    };
    expect(phaseAfter({ 'Content-Length': '12' }, 200)).toBe('body_length 12');
    expect(phaseAfter({ 'Content-Length': '12' }, 200)).toBe('start'); // to a HEAD: no body
    expect(phaseAfter({}, 100)).toBe('start'); // interim: the next one answers the same CONNECT
    expect(phaseAfter({}, 200)).toBe('tunnel');
    expect(phaseAfter({ 'Transfer-Encoding': 'chunked' }, 200)).toBe('chunk_size');
    expect(phaseAfter({}, 200)).toBe('body_close');
  });

  it('reads a chunked body through its phases, the last chunk leading to the trailers', () => {
    const model = new MessageModel('request');
    const msg = head(model, 0, { Host: 'a', 'Transfer-Encoding': 'chunked' }, { method: 'POST' });
    model.headDone(60);
    model.chunkSized(60, 5, 3);
    expect([model.phase, model.left]).toEqual(['chunk_data', 5]);
    model.chunkSized(70, 0, 3);
    expect(model.phase).toBe('trailers');
    msg.length = 75 - msg.offset;
    // While the trailers arrive, the body runs to where the message has got to.
    expect(model.copyMessages()[0]?.bodyLength).toBe(15);
    model.finish(75);
    expect([msg.complete, msg.bodyLength, msg.chunks.map((c) => c.dataOffset)]).toEqual([true, 15, [63, 73]]);
  });

  it('points a framing problem at its field, or at the start line, and remembers a declared length for what follows', () => {
    const model = new MessageModel('request');
    const msg = head(model, 0, { 'Content-Length': 'x' }, { method: 'POST' });
    model.headDone(40);
    expect(model.phase).toBe('garbage');
    expect(model.takeProblems().map((p) => `${p.code}@${p.offset}+${p.length}`)).toEqual(['missing_host@0+16', `bad_content_length@16+${(msg.fields[0]?.length as number)}`]);
    head(model, 100, { Host: 'a', 'Content-Length': '0' }, { method: 'POST' });
    model.headDone(140);
    expect(model.previousDeclared).toBe(0);
  });

  it('counts the bare LFs of a message in one problem, and starts another for the next message', () => {
    const model = new MessageModel('request');
    head(model, 0);
    model.noteBareLf(15, 0);
    model.noteBareLf(30, 0);
    head(model, 50);
    model.noteBareLf(60, 1);
    expect(model.takeProblems().map((p) => `${p.code}@${p.offset} m${p.message} ${p.params.lines}`)).toEqual(['bare_lf@15 m0 2', 'bare_lf@60 m1 1']);
  });

  it('grows a problem outside any message while a run of like lines goes on', () => {
    const model = new MessageModel('response');
    model.outsideProblem('empty_line_before_status', 0, 2, { lines: 1 });
    model.outsideProblem('empty_line_before_status', 2, 1, { lines: 1 });
    const [run] = model.takeProblems();
    expect(model.mayChange(run as never, 3)).toBe(true);
    model.outsideProblem('empty_line_before_status', 3, 2, { lines: 1 });
    expect([run?.offset, run?.length, run?.params.lines]).toEqual([0, 5, 3]);
    // A gap, or another code, ends the run: a problem of its own.
    model.outsideProblem('empty_line_before_status', 9, 2, { lines: 1 });
    expect(model.mayChange(run as never, 11)).toBe(false);
    expect(model.takeProblems()).toHaveLength(1);
  });

  it('hands over the messages but the one arriving, and copies that later bytes do not change', () => {
    const model = new MessageModel('request');
    const first = head(model, 0, { Host: 'a' }, { method: 'GET' });
    model.headDone(30);
    const second = head(model, 30, { Host: 'a' }, { method: 'GET' });
    const copies = model.copyMessages();
    second.fields.push({ name: 'X', value: 'y', offset: 60, length: 6 });
    expect(copies[1]?.fields).toHaveLength(1);
    expect(model.takeMessages()).toEqual([first]);
    expect(model.takeMessages()).toEqual([]);
    expect(model.copyMessages()).toHaveLength(1);
    model.forgetAll();
    expect(model.copyMessages()).toEqual([]);
  });

  it('at the FIN: completes a body that runs until the close, and says what else was left unfinished', () => {
    const fin = (setUp: (model: MessageModel) => void): string[] => {
      const model = new MessageModel('response');
      setUp(model);
      model.takeProblems(); // the head's own (body_until_close): not the FIN's
      model.fin(500);
      return model.takeProblems().map((p) => `${p.code}@${p.offset}`);
    };
    let closed: HttpMessage | undefined;
    expect(fin((m) => ((closed = head(m, 0, {}, { status: 200 })), m.headDone(40)))).toEqual([]);
    expect(closed?.complete).toBe(true);
    expect(fin((m) => (head(m, 0, { 'Content-Length': '9' }, { status: 200 }), m.headDone(40)))).toEqual(['content_length_short@500']);
    expect(fin((m) => head(m, 0, {}, { status: 200 }))).toEqual(['missing_blank_line@500']);
    expect(fin((m) => (head(m, 0, { 'Transfer-Encoding': 'chunked' }, { status: 200 }), m.headDone(40)))).toEqual(['chunked_incomplete@500']);
    expect(fin(() => undefined)).toEqual([]);
  });
});
