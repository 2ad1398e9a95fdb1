// Turning a request path into path segments under a document root, refusing anything that could
// step outside it. Checked on the text first, before any file system call, so a refusal never
// depends on what happens to exist on disk; symlinks are checked afterwards (see static-files.ts).

export const REFUSAL_REASONS = [
  'dot_dot', // a `..` segment, sent plainly or as %2e%2e
  'encoded_slash', // %2f or %5c: a separator hidden from a check made before decoding
  'backslash', // a Windows separator, sent plainly
  'nul', // %00, which truncates paths in C APIs
  'bad_percent', // % not followed by two hex digits
  'bad_utf8', // percent-decoded bytes that are not UTF-8
  'absolute', // after decoding, a path that names its own root (`//etc`, `C:`)
  'symlink_outside', // the file's real path is outside the root
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type SafePath = { ok: true; segments: string[] } | { ok: false; reason: RefusalReason };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `rawPath` is a target's path as sent (starts with '/', still percent-encoded, RFC 3986 2.1).
 * Empty and `.` segments are dropped (`/a//./b` is `/a/b`); `..` is refused rather than resolved,
 * because a learner probing the root should see the refusal, not a quietly rewritten path.
 */
export function safeSegments(rawPath: string): SafePath {
  if (rawPath.includes('\\')) return { ok: false, reason: 'backslash' };
  if (/%(2f|5c)/i.test(rawPath)) return { ok: false, reason: 'encoded_slash' };
  if (/%(?![0-9a-f]{2})/i.test(rawPath)) return { ok: false, reason: 'bad_percent' };
  let decoded: string;
  try {
    decoded = utf8.decode(percentDecode(rawPath));
  } catch {
    return { ok: false, reason: 'bad_utf8' };
  }
  if (decoded.includes('\0')) return { ok: false, reason: 'nul' };
  if (decoded.startsWith('//')) return { ok: false, reason: 'absolute' };
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return { ok: false, reason: 'dot_dot' };
    // A drive letter or a stream name (`C:`, `file::$DATA`) means something to Windows paths.
    if (segment.includes(':')) return { ok: false, reason: 'absolute' };
    segments.push(segment);
  }
  return { ok: true, segments };
}

/** %XX escapes to bytes; every other character is ASCII in a valid target, copied as its byte. */
function percentDecode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (code < 0x80) {
      out.push(code);
    } else {
      // Raw non-ASCII bytes in a target (Latin-1 chars from the framer) pass through as bytes.
      out.push(code & 0xff);
    }
  }
  return Uint8Array.from(out);
}
