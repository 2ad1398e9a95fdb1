// A body's content codings undone (RFC 9110 section 8.4.1: gzip, deflate; br where the browser
// can), in the reverse of the order they were applied, with the platform's DecompressionStream:
// present in browsers, in Electron's renderer and in Node, so nothing is hand-rolled or bundled.
// A coding the platform cannot undo, or bytes that are not what their coding says, are reported,
// never guessed at: the raw bytes stay on screen either way.

export type Decoded =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; coding: string; reason: 'unsupported' | 'corrupt' };

/** The DecompressionStream format for an HTTP coding (`deflate` in HTTP is the zlib format). */
const FORMATS: Readonly<Record<string, string>> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate', br: 'brotli' };

export async function decodeContent(bytes: Uint8Array, codings: readonly string[]): Promise<Decoded> {
  let current = bytes;
  for (const coding of [...codings].reverse()) {
    const format = FORMATS[coding];
    const stream = format === undefined ? null : makeStream(format);
    if (!stream) return { ok: false, coding, reason: 'unsupported' };
    try {
      current = await run(current, stream);
    } catch {
      return { ok: false, coding, reason: 'corrupt' };
    }
  }
  return { ok: true, bytes: current };
}

function makeStream(format: string): DecompressionStream | null {
  try {
    return new DecompressionStream(format as CompressionFormat);
  } catch {
    return null; // this platform has no such format (brotli, in many)
  }
}

async function run(bytes: Uint8Array, stream: DecompressionStream): Promise<Uint8Array> {
  const body = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}
