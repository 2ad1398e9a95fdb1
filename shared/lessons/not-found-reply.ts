// The 404 the built-in static and routes responders send (main/engine/responders/http-reply.ts's
// errorReply), written out for the lessons' programs: a test checks it against the engine's own.
const BODY = '404 Not Found\n';

export const NOT_FOUND_REPLY: Uint8Array = new TextEncoder().encode(
  `HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`,
);
