import { describe, expect, it } from 'vitest';
import { enterOfDoc } from './preset-enter';

describe('enterOfDoc', () => {
  it('reads CR LF, as the editor holds it (the CR character) or escaped', () => {
    expect(enterOfDoc('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')).toBe('crlf');
    expect(enterOfDoc('HTTP/1.1 200 OK\\r\nContent-Length: 0\\r\n\\r\n')).toBe('crlf');
  });
  it('reads a bare LF (lesson L2)', () => {
    expect(enterOfDoc('HTTP/1.1 200 OK\nContent-Type: text/plain\n\nHello')).toBe('lf');
  });
  it('goes by the first line break, and says nothing when there is none', () => {
    expect(enterOfDoc('A\nB\r\n')).toBe('lf');
    expect(enterOfDoc('no line break')).toBeNull();
    expect(enterOfDoc('')).toBeNull();
  });
});
