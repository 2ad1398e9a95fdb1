// English sentences for the server's journal notes (shared/contract/notes.ts): what it decided and why.
// Params that are codes are worded by the groups at the end (shared/i18n/coded-sentences.ts).
import type { KeepAliveDeclinedReason, NoteCode, RequestInvalidReason } from '../../contract/notes';
import type { ResponderKind } from '../../server/settings';
import type { CodeSentences, EnForm } from '../sentence-family';

/** Notes that count something, so have plural forms (by `count`, coded-sentences.ts). */
export type PluralNote = 'request_complete' | 'drip_started' | 'file_too_large';

/** What every language's notes section holds, in its plural forms. */
export type NoteSentences<Form extends string> = CodeSentences<NoteCode, PluralNote, Form> & {
  /** request_invalid's reason, worded to fit its parentheses. */
  invalidReasons: Record<RequestInvalidReason, string>;
  /** keep_alive_declined's reason, worded to follow its colon. */
  declinedReasons: Record<KeepAliveDeclinedReason, string>;
  /** answered's responder: what answered. */
  responders: Record<ResponderKind, string>;
};

export const notes = {
  request_complete_one: 'The request is complete: {{count}} byte (request line, headers, blank line and body).',
  request_complete_other: 'The request is complete: {{count}} bytes (request line, headers, blank line and body).',
  request_invalid: 'This is not a well-formed HTTP request ({{reason}}); the server answers anyway.',
  answered: 'The server answered ({{responder}}{{status}}, response version {{version}}).',
  static_file: 'Served the file {{file}} for {{path}} as {{contentType}}.',
  static_not_found: 'There is no file for {{path}} in the document root: 404 Not Found.',
  path_refused: 'Refused {{target}}: that path would leave the document root.',
  route_matched: 'The route {{method}} {{path}} answered.',
  route_unmatched: 'No route for {{method}} {{path}}: 404 Not Found.',
  keep_alive_waiting: 'Keep-alive: the connection stays open for the next request.',
  keep_alive_declined: 'Not keeping the connection alive: {{reason}}.',
  drip_started_one: 'Dripping the answer: {{count}} byte every {{everyMs}} ms.',
  drip_started_other: 'Dripping the answer: {{count}} bytes every {{everyMs}} ms.',
  hanging: 'Hang: the server will never answer; the client must give up.',
  waiting_for_fin: 'Our FIN is out; waiting up to {{ms}} ms for the client to close its side too.',
  static_no_root: 'No document root is set and there is no sample root to fall back on: 500 Internal Server Error. Choose a folder to serve.',
  static_root_missing: 'The document root {{root}} cannot be opened ({{code}}): 500 Internal Server Error. Check that the folder exists.',
  method_not_allowed: 'Files are only read with {{allow}}, not {{method}}: 405 Method Not Allowed.',
  target_not_a_path: 'The request target {{target}} is not a path: 400 Bad Request.',
  file_too_large_one: '{{file}} is {{count}} byte, more than the server sends at once (at most {{limit}}): 500 Internal Server Error.',
  file_too_large_other: '{{file}} is {{count}} bytes, more than the server sends at once (at most {{limit}}): 500 Internal Server Error.',
  file_unreadable: 'Could not read {{file}} ({{code}}): 500 Internal Server Error.',
  resolved: '{{host}} resolved to {{addresses}}; connected to {{connected}}. Addresses that failed before it: {{failed}}.',
  client_gave_up: 'No answer came within {{ms}} ms, so the client gives up and closes the connection.',
  invalidReasons: {
    bad_request_line: 'its request line is not a method, a target and a version',
    bad_header: 'a header line is not a field',
    head_too_large: 'its head is longer than the server reads',
    bad_chunk_size: 'a chunk size line is not a hex number',
    bad_chunk_end: 'chunk data is not followed by CRLF',
    bad_trailer: 'a trailer line is not a field',
    bad_content_length: 'its Content-Length is not a number',
    conflicting_content_length: 'it gives Content-Length with different values',
    unsupported_transfer_encoding: 'its Transfer-Encoding does not end in chunked',
    repeated_chunked: 'its Transfer-Encoding applies chunked more than once',
    chunked_with_parameters: 'its Transfer-Encoding gives chunked parameters',
    transfer_encoding_http10: 'it is HTTP/1.0 and has a Transfer-Encoding',
    incomplete: 'the client sent its FIN before the request was complete',
    too_large: 'it grew past 16 MiB and is still not complete',
    no_request_head: 'the first chunk read holds no request head',
  },
  declinedReasons: {
    connection_close: 'the request asked for Connection: close',
    http_1_0: 'an HTTP/1.0 request, without Connection: keep-alive',
    request_invalid: 'the request is not well formed, so where the next one would start cannot be found',
    request_incomplete: 'the server answered before the whole request head came, so where the next one would start cannot be found',
  },
  responders: {
    canned: 'canned response',
    static: 'static files',
    routes: 'routes',
    echo: 'echo',
  },
} satisfies NoteSentences<EnForm>;
