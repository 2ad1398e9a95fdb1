import { describe, expect, it } from 'vitest';
import { L1_HELLO_WORLD, L2_HELLO_BARE_LF } from '../../shared/server/presets';
import { ByteMap, docFromBytes, docText, fileBody, responseBytes } from './response-doc';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const list = (b: Uint8Array): number[] => Array.from(b);

describe('the editor document', () => {
  it('keeps CR as a CR character and LF as a line break, so CRLF and bare LF stay apart', () => {
    expect(docText(ascii('A\r\nB\nC'))).toBe('A\r\nB\nC');
    for (const preset of [L1_HELLO_WORLD, L2_HELLO_BARE_LF]) {
      const doc = docFromBytes(preset.bytes);
      expect(doc.body).toBeNull();
      expect(list(responseBytes(doc))).toEqual(list(preset.bytes));
    }
  });

  it('opens a binary body as a file body after the head, and sends head then body', () => {
    const body = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff);
    const head = ascii('HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: 300\r\n\r\n');
    const bytes = new Uint8Array([...head, ...body]);
    const doc = docFromBytes(bytes);
    expect(doc.body?.type).toBe('image/jpeg');
    expect(doc.text.endsWith('\r\n\r\n')).toBe(true);
    expect(list(responseBytes(doc))).toEqual(list(bytes));
  });

  it('keeps a short text body as text', () => {
    const bytes = ascii('HTTP/1.1 200 OK\n\nHello, World!');
    expect(docFromBytes(bytes)).toEqual({ text: 'HTTP/1.1 200 OK\n\nHello, World!', body: null });
  });

  it('puts a file body after any text', () => {
    expect(list(responseBytes({ text: 'X\r\n\r\n', body: fileBody('a', 'b', Uint8Array.of(0, 255)) }))).toEqual([
      0x58, 0x0d, 0x0a, 0x0d, 0x0a, 0, 255,
    ]);
  });
});

describe('ByteMap', () => {
  it('maps escapes (4 characters, 1 byte) and UTF-8 (1 character, 2 bytes) both ways', () => {
    const text = 'a\\x00é\r\nb';
    const map = new ByteMap(text);
    // bytes: a=0, NUL=1, é=2..3, CR=4, LF=5, b=6
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((b) => map.toDoc(b))).toEqual([0, 1, 5, 5, 6, 7, 8, 9]);
    expect([0, 1, 2, 4, 5, 6, 7, 8, 9].map((d) => map.toByte(d))).toEqual([0, 1, 1, 1, 2, 4, 5, 6, 7]);
    expect(map.textBytes).toBe(7);
  });
  it('counts a character outside the BMP as two document units and four bytes', () => {
    const map = new ByteMap('x😀y');
    expect(map.toDoc(5)).toBe(3);
    expect(map.toByte(3)).toBe(5);
  });
});
