// English words of "Why is it waiting?" (ui.waiting): one sentence per code of
// shared/waiting/waiting-codes.ts, said three ways: in the server's card (`server`), in the client
// console's status line when the server is our own and we know what it waits for (`client`), and
// there when the peer is any other program, from our side's bytes only (`bytes`). Then the
// countdown of the server timer that ends the wait. Plurals: `_one` / `_other`, chosen by `count`.
export const waiting = {
  /** What a screen reader announces before the hint. */
  label: 'Why is it waiting?',
  server: {
    queued_in_backlog: 'Waits in the backlog, number {{position}} in the queue: accept() has not returned for it yet.',
    awaiting_request: 'Waits for a request: nothing has come yet.',
    awaiting_blank_line: 'Waits for the blank line that ends the request (answer timing “end of request”).',
    body_bytes_due_one: 'Waits for {{count}} more body byte: Content-Length says so.',
    body_bytes_due_other: 'Waits for {{count}} more body bytes: Content-Length says so.',
    chunk_size_due: 'Waits for the next chunk’s size line (a chunk of size 0 and a blank line end the body).',
    chunk_data_due_one: 'Waits for {{count}} more byte of this chunk.',
    chunk_data_due_other: 'Waits for {{count}} more bytes of this chunk.',
    answer_on_fin: 'Waits for the client to half-close (its FIN) before it answers.',
    hanging: 'Hangs on purpose (after: hang): it will never answer.',
    awaiting_peer_fin: 'Sent its FIN and waits for the client’s.',
    keep_alive_idle: 'Kept alive and idle: waits for the next request, closing after {{seconds}} s of silence.',
    response_bytes_due_one: 'Its response still owes {{count}} byte by its Content-Length.',
    response_bytes_due_other: 'Its response still owes {{count}} bytes by its Content-Length.',
    reads_until_close: 'Its response has no Content-Length and no chunking: the client reads until the server closes.',
  },
  client: {
    queued_in_backlog:
      'Waiting in the server’s backlog, number {{position}}: it serves one client at a time, and accept() has not returned for you yet. What you send waits in the kernel until it does.',
    awaiting_request: 'The server waits for your request.',
    awaiting_blank_line: 'The server waits for the blank line that ends your request: send an empty line.',
    body_bytes_due_one: 'The server waits for {{count}} more body byte: your Content-Length says so.',
    body_bytes_due_other: 'The server waits for {{count}} more body bytes: your Content-Length says so.',
    chunk_size_due: 'The server waits for your next chunk’s size line (a chunk of size 0 and a blank line end the body).',
    chunk_data_due_one: 'The server waits for {{count}} more byte of this chunk.',
    chunk_data_due_other: 'The server waits for {{count}} more bytes of this chunk.',
    answer_on_fin: 'The server answers once you half-close: press “Half-close (send FIN)”.',
    hanging: 'The server hangs on purpose (after: hang): no answer will come. Close when you have seen enough.',
    awaiting_peer_fin: 'The server sent FIN and waits for yours: half-close or close to finish.',
    keep_alive_idle: 'Kept alive: the server waits for your next request, closing after {{seconds}} s of silence.',
    response_bytes_due_one: 'Content-Length promises {{count}} more byte of the response.',
    response_bytes_due_other: 'Content-Length promises {{count}} more bytes of the response.',
    reads_until_close: 'The response has no Content-Length and no chunking, so the client reads until the server closes.',
  },
  bytes: {
    queued_in_backlog: 'The server has not accepted the connection yet (number {{position}} in its backlog).',
    awaiting_request: 'Nothing sent yet: an HTTP server waits for your request.',
    awaiting_blank_line: 'Your request has no blank line yet: an HTTP server waits for it before it answers.',
    body_bytes_due_one: '{{count}} more body byte is due by your Content-Length: an HTTP server waits for it.',
    body_bytes_due_other: '{{count}} more body bytes are due by your Content-Length: an HTTP server waits for them.',
    chunk_size_due: 'Your chunked body is not finished: the next chunk’s size line is due (a chunk of size 0 and a blank line end it).',
    chunk_data_due_one: '{{count}} more byte of this chunk is due.',
    chunk_data_due_other: '{{count}} more bytes of this chunk are due.',
    answer_on_fin: 'The server may answer only once you half-close.',
    hanging: 'No answer has come.',
    awaiting_peer_fin: 'The server sent FIN: it will send nothing more. A server that half-closed waits for yours.',
    keep_alive_idle: 'The connection is kept alive, idle.',
    response_bytes_due_one: 'Content-Length promises {{count}} more byte of the response.',
    response_bytes_due_other: 'Content-Length promises {{count}} more bytes of the response.',
    reads_until_close: 'The response has no Content-Length and no chunking, so the client reads until the server closes.',
  },
  /** The timer that ends the wait, counting down (count: whole seconds left). */
  timer: {
    idle_one: 'The server closes in {{count}} s if nothing more comes.',
    idle_other: 'The server closes in {{count}} s if nothing more comes.',
    header_one: 'The server closes in {{count}} s unless a whole request has come by then.',
    header_other: 'The server closes in {{count}} s unless a whole request has come by then.',
    fin_wait_one: 'Closing anyway in {{count}} s.',
    fin_wait_other: 'Closing anyway in {{count}} s.',
    due: 'The server’s wait is over: it closes now.',
  },
} as const;
