// Maps a request path to a file inside the built renderer's directory, and a file to its
// Content-Type. A request can never reach outside that directory: `..` segments, encoded
// separators, NUL bytes and symlinks pointing elsewhere all end in "not found".
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; path: string; size: number }
  | { kind: 'not_found' }
  | { kind: 'bad_request' };

/**
 * Finds the file a URL path names under `rootDir` (`/` means `/index.html`). `urlPath` is the
 * path part of the request target, still percent-encoded, without the query.
 */
export async function lookupStatic(rootDir: string, urlPath: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad_request' }; // malformed %-escape
  }
  // A decoded backslash or NUL is never part of a file name we ship; on Windows `\` would also be
  // a separator that the `..` check below could miss.
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) {
    return { kind: 'bad_request' };
  }
  const wanted = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const root = resolve(rootDir);
  const candidate = resolve(root, `.${wanted}`);
  if (!isInside(root, candidate)) return { kind: 'not_found' };
  try {
    // Resolve symlinks on both sides: a link inside the root must not lead outside it.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return { kind: 'not_found' };
    const info = await stat(realFile);
    if (!info.isFile()) return { kind: 'not_found' };
    return { kind: 'file', path: realFile, size: info.size };
  } catch {
    return { kind: 'not_found' };
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
