// The replies the built-in responders write: a status line, a few headers, the blank line, and a
// body, as bytes. Headers and body are separate writes (lesson L4: "headers and body may go out in
// separate sends"), so the journal shows the two `out` chunks a learner's own server would make.
import type { Reply, ReplyNote, StreamedFile } from '../responder';

export const STATUS_TEXT = {
  200: 'OK',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
} as const;
export type Status = keyof typeof STATUS_TEXT;

export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

const encoder = new TextEncoder();

/**
 * `HTTP/1.1 <status> <reason>`, the headers, and the blank line, CRLF throughout (RFC 9112
 * sections 2.1 and 4). Content-Length is always sent, so the exchange may keep the connection
 * alive or close it as its policy says; the responders never send a Connection header themselves.
 */
export function responseHead(status: Status, headers: HeaderList): Uint8Array {
  let text = `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\n`;
  for (const [name, value] of headers) text += `${name}: ${value}\r\n`;
  return encoder.encode(text + '\r\n');
}

export interface BodyOptions {
  /** A HEAD request: the same headers (Content-Length included, RFC 9110 9.3.2), no body. */
  headOnly?: boolean;
  /** Headers after Content-Type and Content-Length. */
  extra?: HeaderList;
  notes?: readonly ReplyNote[];
}

/** A complete response: head in one write, body (if any, and not for HEAD) in a second. */
export function withBody(status: Status, contentType: string, body: Uint8Array, options: BodyOptions = {}): Reply {
  const head = responseHead(status, [
    ['Content-Type', contentType],
    ['Content-Length', String(body.length)],
    ...(options.extra ?? []),
  ]);
  const writes = options.headOnly === true || body.length === 0 ? [head] : [head, body];
  return { writes, notes: options.notes ?? [] };
}

/** withBody for a file too large to read first: the head, then the file streamed (not for HEAD). */
export function withStreamedFile(contentType: string, file: StreamedFile, options: BodyOptions = {}): Reply {
  const head = responseHead(200, [['Content-Type', contentType], ['Content-Length', String(file.size)], ...(options.extra ?? [])]);
  if (options.headOnly === true) {
    void file.handle.close().catch(() => undefined);
    return { writes: [head], notes: options.notes ?? [] };
  }
  return { writes: [head], file, notes: options.notes ?? [] };
}

/**
 * An error answer with a short plain-text body, e.g. "404 Not Found". The body is protocol
 * content for the client, like the reason phrase, not a sentence for the Wirebench user: those
 * are the notes, which the UI words from the i18n catalog.
 */
export function errorReply(status: Exclude<Status, 200>, notes: readonly ReplyNote[], options: Omit<BodyOptions, 'notes'> & { text?: string } = {}): Reply {
  const body = encoder.encode(options.text ?? `${status} ${STATUS_TEXT[status]}\n`);
  return withBody(status, 'text/plain; charset=utf-8', body, { ...options, notes });
}

/** 400 for bytes that are not a request head (garbage, or a head cut short on the first chunk). */
export function notARequest(): Reply {
  return errorReply(400, [{ code: 'request_invalid', params: { reason: 'no_request_head' } }]);
}
