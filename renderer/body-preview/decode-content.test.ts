import { describe, expect, it } from 'vitest';
import { decodeContent } from './decode-content';

const text = new TextEncoder().encode('<html><body>Hello World</body></html>\r\n'.repeat(20));

/** The fixture compressed by the platform's own CompressionStream (the renderer has no zlib). */
async function compress(bytes: Uint8Array, format: CompressionFormat): Promise<Uint8Array> {
  const body = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream(format));
  return new Uint8Array(await new Response(body).arrayBuffer());
}

describe('decodeContent', () => {
  it('undoes gzip and deflate, and codings applied one after the other', async () => {
    expect(await decodeContent(await compress(text, 'gzip'), ['gzip'])).toEqual({ ok: true, bytes: new Uint8Array(text) });
    expect(await decodeContent(await compress(text, 'deflate'), ['deflate'])).toEqual({ ok: true, bytes: new Uint8Array(text) });
    const both = await compress(await compress(text, 'deflate'), 'gzip');
    expect(await decodeContent(both, ['deflate', 'gzip'])).toEqual({ ok: true, bytes: new Uint8Array(text) });
    expect(await decodeContent(text, [])).toEqual({ ok: true, bytes: text });
  });

  it('says when bytes are not what their coding claims, or the coding is unknown', async () => {
    expect(await decodeContent(text, ['gzip'])).toEqual({ ok: false, coding: 'gzip', reason: 'corrupt' });
    expect(await decodeContent(text, ['compress'])).toEqual({ ok: false, coding: 'compress', reason: 'unsupported' });
  });

  it('br: undone where the platform can, otherwise said to be unsupported, never guessed', async () => {
    const result = await decodeContent(text, ['br']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['unsupported', 'corrupt']).toContain(result.reason);
  });
});
