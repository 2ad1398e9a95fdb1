// The window loads the renderer from app://wirebench/, a scheme of our own, not from file://. A
// file:// page is not a real origin (every local file shares it), the headers main adds through
// webRequest never reach it, so its CSP could only come from a <meta> tag, which cannot say
// frame-ancestors. Here every response is made by main, with the same headers the web host sends,
// from the one policy in ../web/security-headers.ts, and only files of the built renderer exist.
import { readFile } from 'node:fs/promises';
import { SECURITY_HEADERS } from '../web/security-headers';
import { contentTypeFor, lookupStatic } from '../web/static-files';

export const APP_SCHEME = 'app';
const APP_HOST = 'wirebench';
export const APP_RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before 'ready' (protocol.registerSchemesAsPrivileged): standard, so URLs resolve
 * relative paths and have an origin; secure, like https, so the page gets a secure context.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/** What protocol.handle answers for one request: a file of the built renderer, or an error status. */
export async function answerAppRequest(request: { url: string; method: string }, rendererDir: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return status(400);
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return status(404);
  if (request.method !== 'GET' && request.method !== 'HEAD') return status(405);
  const found = await lookupStatic(rendererDir, url.pathname);
  if (found.kind !== 'file') return status(found.kind === 'bad_request' ? 400 : 404);
  const body = request.method === 'HEAD' ? null : await readFile(found.path);
  return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(found.path) } });
}

function status(code: number): Response {
  return new Response(null, { status: code, headers: SECURITY_HEADERS });
}
