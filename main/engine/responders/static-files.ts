// Lesson L4's static file server: the path from the request line, `/` meaning `/index.html`, files
// read from a document root, 404 when missing, Content-Type from the extension. Paths never leave
// the root: the text of the path is checked first (safe-path.ts), then the file's real path, with
// every symlink resolved, must still be inside the root's real path.
import { realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Reply, Responder, ResponderRequest } from '../responder';
import { contentTypeFor } from './content-type';
import { errorReply, notARequest, withBody, withStreamedFile } from './http-reply';
import { codeOf, fileBody } from './read-file';
import { targetPath } from './request-target';
import { safeSegments } from './safe-path';

const ALLOW = 'GET, HEAD';
const INDEX = 'index.html';

/**
 * Serves files from `root` (already chosen: the configured root, else the sample root); a missing
 * file gets 404 with `notFoundText` as its body when given (the lesson's own short text).
 */
export function staticFilesResponder(root: string | null, notFoundText?: string): Responder {
  return (request) => serve(root, notFoundText, request);
}

async function serve(root: string | null, notFoundText: string | undefined, request: ResponderRequest): Promise<Reply> {
  const head = request.head;
  if (head === null) return notARequest();
  const method = head.method;
  // RFC 9110 15.5.6: a 405 names the methods that would work.
  if (method !== 'GET' && method !== 'HEAD') {
    return errorReply(405, [{ code: 'method_not_allowed', params: { method, allow: ALLOW } }], { extra: [['Allow', ALLOW]] });
  }
  const headOnly = method === 'HEAD';
  const path = targetPath(head.target);
  if (path === null) return errorReply(400, [{ code: 'target_not_a_path', params: { target: head.target } }], { headOnly });
  const safe = safeSegments(path);
  if (!safe.ok) return refused(head.target, safe.reason, headOnly);
  if (root === null) return errorReply(500, [{ code: 'static_no_root', params: {} }], { headOnly });

  let rootReal: string;
  try {
    // Resolved per request, so a root created or moved while the server runs is seen at once.
    rootReal = await realpath(root);
    if (!(await stat(rootReal)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (err) {
    return errorReply(500, [{ code: 'static_root_missing', params: { root, code: codeOf(err) } }], { headOnly });
  }

  const notFound = (): Reply => errorReply(404, [{ code: 'static_not_found', params: { path } }], { headOnly, ...(notFoundText === undefined ? {} : { text: notFoundText }) });
  const found = await locate(rootReal, safe.segments);
  if (found.kind === 'missing') return notFound();
  if (found.kind === 'outside') return refused(head.target, 'symlink_outside', headOnly);

  const file = relative(rootReal, found.real).split(sep).join('/');
  const read = await fileBody(found.real, file);
  if (!read.ok) {
    if (read.why === 'missing') return notFound();
    return errorReply(500, [{ code: 'file_unreadable', params: { file, code: read.code } }], { headOnly });
  }
  const contentType = contentTypeFor(found.name);
  const notes = [{ code: 'static_file', params: { path, file, contentType } }] as const;
  return 'stream' in read ? withStreamedFile(contentType, read.stream, { headOnly, notes }) : withBody(200, contentType, read.bytes, { headOnly, notes });
}

function refused(target: string, reason: string, headOnly: boolean): Reply {
  return errorReply(403, [{ code: 'path_refused', params: { target, reason } }], { headOnly });
}

type Located = { kind: 'file'; real: string; name: string } | { kind: 'missing' } | { kind: 'outside' };

/**
 * The file the segments name under the root: a folder means its index.html (`/` is
 * `/index.html`). Each candidate's real path must lie inside the root's real path; comparing with
 * a trailing separator keeps `/srv/root-other` from passing as inside `/srv/root`.
 */
async function locate(rootReal: string, segments: readonly string[]): Promise<Located> {
  let candidate = join(rootReal, ...segments);
  let name = segments.at(-1) ?? INDEX;
  for (let step = 0; step < 2; step++) {
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      return { kind: 'missing' }; // ENOENT, ENOTDIR, ELOOP: nothing servable there
    }
    if (real !== rootReal && !real.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep)) return { kind: 'outside' };
    let isFolder: boolean;
    try {
      isFolder = (await stat(real)).isDirectory();
    } catch {
      return { kind: 'missing' };
    }
    if (!isFolder) return real === rootReal ? { kind: 'missing' } : { kind: 'file', real, name };
    candidate = join(real, INDEX);
    name = INDEX;
  }
  return { kind: 'missing' }; // index.html is itself a folder
}
