// English sentences for the server's journal notes (shared/contract/notes.ts): what it decided and why.
import type { NoteCode } from '../../contract/notes';

export const notes = {
  request_complete: 'The request is complete: {{length}} bytes (request line, headers, blank line and body).',
  request_invalid: 'This is not a well-formed HTTP request ({{reason}}); the server answers anyway.',
  answered: 'The server answered ({{responder}}{{status}}, response version {{version}}).',
  static_file: 'Served the file {{file}} for {{path}} as {{contentType}}.',
  static_not_found: 'There is no file for {{path}} in the document root: 404 Not Found.',
  path_refused: 'Refused {{target}}: that path would leave the document root.',
  route_matched: 'The route {{method}} {{path}} answered.',
  route_unmatched: 'No route for {{method}} {{path}}: 404 Not Found.',
  keep_alive_waiting: 'Keep-alive: the connection stays open for the next request.',
  keep_alive_declined: 'Not keeping the connection alive: {{reason}}.',
  drip_started: 'Dripping the answer: {{bytes}} bytes every {{everyMs}} ms.',
  hanging: 'Hang: the server will never answer; the client must give up.',
  waiting_for_fin: 'Our FIN is out; waiting up to {{ms}} ms for the client to close its side too.',
  static_no_root: 'No document root is set and there is no sample root to fall back on: 500 Internal Server Error. Choose a folder to serve.',
  static_root_missing: 'The document root {{root}} cannot be opened ({{code}}): 500 Internal Server Error. Check that the folder exists.',
  method_not_allowed: 'Files are only read with {{allow}}, not {{method}}: 405 Method Not Allowed.',
  target_not_a_path: 'The request target {{target}} is not a path: 400 Bad Request.',
  file_too_large: '{{file}} is {{size}} bytes, more than the {{limit}} bytes the server sends at once: 500 Internal Server Error.',
  file_unreadable: 'Could not read {{file}} ({{code}}): 500 Internal Server Error.',
  resolved: '{{host}} resolved to {{addresses}}; connected to {{connected}}. Addresses that failed before it: {{failed}}.',
  client_gave_up: 'No answer came within {{ms}} ms, so the client gives up and closes the connection.',
} satisfies Record<NoteCode, string>;
