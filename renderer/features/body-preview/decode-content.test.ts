import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeContent } from './decode-content';

const text = new TextEncoder().encode('<html><body>Hello World</body></html>\r\n'.repeat(20));

describe('decodeContent', () => {
  it('undoes gzip and deflate, and codings applied one after the other', async () => {
    expect(await decodeContent(gzipSync(text), ['gzip'])).toEqual({ ok: true, bytes: new Uint8Array(text) });
    expect(await decodeContent(deflateSync(text), ['deflate'])).toEqual({ ok: true, bytes: new Uint8Array(text) });
    expect(await decodeContent(gzipSync(deflateSync(text)), ['deflate', 'gzip'])).toEqual({ ok: true, bytes: new Uint8Array(text) });
    expect(await decodeContent(text, [])).toEqual({ ok: true, bytes: text });
  });

  it('says when bytes are not what their coding claims, or the coding is unknown', async () => {
    expect(await decodeContent(text, ['gzip'])).toEqual({ ok: false, coding: 'gzip', reason: 'corrupt' });
    expect(await decodeContent(text, ['compress'])).toEqual({ ok: false, coding: 'compress', reason: 'unsupported' });
  });

  it('undoes br where the platform can, and otherwise says it cannot', async () => {
    const result = await decodeContent(brotliCompressSync(text), ['br']);
    if (result.ok) expect(result.bytes).toEqual(new Uint8Array(text));
    else expect(result).toEqual({ ok: false, coding: 'br', reason: 'unsupported' });
  });
});
