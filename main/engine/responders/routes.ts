// Lesson L3's server: it looks at the method and the path and answers each differently. A small
// table, tried in order: the first route whose method (or `*`) and path match answers; a request
// no route matches gets 404. Paths are compared as sent (still percent-encoded), query ignored.
import { isAbsolute, join } from 'node:path';
import type { Route } from '../../../shared/server/settings';
import type { Reply, ReplyNote, Responder, ResponderRequest } from '../responder';
import { echoPageReply } from './echo-page';
import { errorReply, notARequest, withBody, withStreamedFile } from './http-reply';
import { fileBody } from './read-file';
import { targetPath } from './request-target';

export function routesResponder(routes: readonly Route[], sampleRoot: string | null): Responder {
  return (request) => answer(routes, sampleRoot, request);
}

function answer(routes: readonly Route[], sampleRoot: string | null, request: ResponderRequest): Reply | Promise<Reply> {
  const head = request.head;
  if (head === null) return notARequest();
  const { method, target } = head;
  const headOnly = method === 'HEAD';
  const path = targetPath(target);
  if (path === null) return errorReply(400, [{ code: 'target_not_a_path', params: { target } }], { headOnly });
  // Methods are case-sensitive (RFC 9110 9.1): a route for GET does not answer `get`.
  const route = routes.find((r) => (r.method === '*' || r.method === method) && r.path === path);
  if (route === undefined) return errorReply(404, [{ code: 'route_unmatched', params: { method, path } }], { headOnly });
  const matched: ReplyNote = { code: 'route_matched', params: { method: route.method, path: route.path } };
  const response = route.response;
  // Exact bytes go out as they are, in one write, whatever the method: they may be malformed on purpose.
  if (response.kind === 'bytes') return { writes: [response.bytes], notes: [matched] };
  if (response.kind === 'echo_page') return echoPageReply(request.received, head, { headOnly, notes: [matched] });
  return fileAnswer(response.path, response.contentType, sampleRoot, headOnly, matched);
}

/** `HTTP/1.1 200 OK`, the route's Content-Type, Content-Length, blank line; then the file's bytes. */
async function fileAnswer(
  path: string,
  contentType: string,
  sampleRoot: string | null,
  headOnly: boolean,
  matched: ReplyNote,
): Promise<Reply> {
  const file = isAbsolute(path) ? path : sampleRoot === null ? null : join(sampleRoot, path);
  if (file === null) return errorReply(500, [matched, { code: 'static_no_root', params: {} }], { headOnly });
  const read = await fileBody(file, path);
  if (read.ok) {
    return 'stream' in read
      ? withStreamedFile(contentType, read.stream, { headOnly, notes: [matched] })
      : withBody(200, contentType, read.bytes, { headOnly, notes: [matched] });
  }
  const failure: ReplyNote = { code: 'file_unreadable', params: { file: path, code: read.why === 'missing' ? 'ENOENT' : read.code } };
  return errorReply(500, [matched, failure], { headOnly });
}
