// RequestBuffer takes a request's first chunk without copying it (the journal holds the same
// array): these check that it never writes into that chunk, whatever follows it.
import { describe, expect, it } from 'vitest';
import { RequestBuffer } from './request-buffer';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (view: Uint8Array): string => new TextDecoder().decode(view);

describe('RequestBuffer', () => {
  it('frames a request that came in one chunk, and leaves the chunk as it was', () => {
    const buffer = new RequestBuffer();
    buffer.setFraming(true);
    const chunk = bytes('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const before = text(chunk);
    expect(buffer.append(chunk)).toMatchObject({ state: 'complete', length: chunk.length });
    expect(text(buffer.copy())).toBe(before);
    expect(text(chunk)).toBe(before);
  });

  it('a pipelined rest, shifted to the front and appended to, never touches the first chunk', () => {
    const buffer = new RequestBuffer();
    buffer.setFraming(true);
    const first = 'GET /a HTTP/1.1\r\nHost: x\r\n\r\n';
    const chunk = bytes(`${first}GET /b HTTP/1.1\r\nHo`);
    const before = text(chunk);
    expect(buffer.append(chunk)).toMatchObject({ state: 'complete', length: first.length });
    buffer.shift(first.length);
    expect(buffer.state.state).toBe('incomplete');
    for (const piece of ['st: x\r\n', '\r\n']) buffer.append(bytes(piece));
    expect(buffer.state).toMatchObject({ state: 'complete', length: 'GET /b HTTP/1.1\r\nHost: x\r\n\r\n'.length });
    expect(text(buffer.copy())).toBe('GET /b HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(text(chunk)).toBe(before);
  });

  it('after an answered request, the next first chunk is taken as it comes', () => {
    const buffer = new RequestBuffer();
    buffer.setFraming(true);
    const one = bytes('GET /1 HTTP/1.1\r\n\r\n');
    const two = bytes('GET /2 HTTP/1.1\r\n\r\n');
    buffer.append(one);
    buffer.shift(one.length);
    expect(buffer.length).toBe(0);
    buffer.append(two);
    expect(text(buffer.view())).toBe('GET /2 HTTP/1.1\r\n\r\n');
    expect(text(one)).toBe('GET /1 HTTP/1.1\r\n\r\n');
  });

  it('keeps nothing once discarded', () => {
    const buffer = new RequestBuffer();
    buffer.append(bytes('GET / HTTP/1.1\r\n'));
    buffer.discard();
    buffer.append(bytes('more'));
    expect(buffer.length).toBe(0);
  });
});
