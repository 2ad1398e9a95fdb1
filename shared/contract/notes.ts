// What the server decided and why, and what the client found out, as journal `note` events: a code with parameters, like errors,
// turned into sentences by the renderer and the CLI from the i18n catalog (`notes.<code>`).
import { FRAMING_ERRORS } from '../http/request';
export const NOTE_CODES = [
  /** The request is complete. params: { length } */
  'request_complete',
  /**
   * The request could not be framed; the server answers what it has. params: { reason }: a framing
   * error of shared/http/request.ts (bad_request_line, head_too_large, ...), or 'incomplete' (the
   * client sent its FIN mid-request), or 'too_large' (more than 16 MiB and still not complete).
   */
  'request_invalid',
  /**
   * The answer went out. params: { responder, status, version } (status ' 200', with its leading
   * space; '' when not HTTP-like; version: the server's responseVersion that answered)
   */
  'answered',
  /** Static: a file was served. params: { path, file, contentType } */
  'static_file',
  /** Static: nothing at that path. params: { path } */
  'static_not_found',
  /**
   * Static: a path that would leave the document root, refused. params: { target, reason }, reason
   * one of dot_dot, encoded_slash, backslash, nul, bad_percent, bad_utf8, absolute, symlink_outside.
   */
  'path_refused',
  /** Routes: a route answered. params: { method, path } */
  'route_matched',
  /** Routes: no route for this request. params: { method, path } */
  'route_unmatched',
  /** Keep-alive: the connection stays open for the next request. */
  'keep_alive_waiting',
  /**
   * Keep-alive declined for this request. params: { reason: 'connection_close' | 'http_1_0' |
   * 'request_invalid' (its end cannot be found, so neither can the next request's start) |
   * 'request_incomplete' (answered on a first chunk that did not hold a whole request head) }
   */
  'keep_alive_declined',
  /** Drip: the answer goes out a few bytes at a time. params: { bytes, everyMs } */
  'drip_started',
  /** Hang: the server will never answer. */
  'hanging',
  /** Half-close: our FIN is out; waiting for the peer's. params: { ms } */
  'waiting_for_fin',
  /** Static: no document root was given and there is no sample root: 500. */
  'static_no_root',
  /** Static: the document root cannot be opened (missing, not a folder, no permission): 500. params: { root, code } */
  'static_root_missing',
  /** Static: only GET and HEAD read files: 405. params: { method, allow } */
  'method_not_allowed',
  /** Static or routes: the request target is not a path (e.g. `*`, or `host:port`): 400. params: { target } */
  'target_not_a_path',
  /** Static or routes: the file is larger than the server sends from memory: 500. params: { file, size, limit } */
  'file_too_large',
  /** Static or routes: the file exists but could not be read: 500. params: { file, code } */
  'file_unreadable',
  /**
   * Client: how the target's name resolved, before the connection's first byte. params: { host,
   * addresses (all of them, space-separated), connected (the one that answered), failed (each
   * address tried before it with its errno, `::1 ECONNREFUSED`, comma-separated; '—' when none) }
   */
  'resolved',
  /** Client (a teardown scenario): no answer came within `ms`, so the client gives up and closes. params: { ms } */
  'client_gave_up',
] as const;

export type NoteCode = (typeof NOTE_CODES)[number];

/**
 * request_invalid's `reason`: a framing error of shared/http/request.ts, or one of the server's own:
 * 'incomplete' (the client sent its FIN mid-request), 'too_large' (more than the server buffers, and
 * still not complete), 'no_request_head' (answered on a first chunk that holds no request head).
 * A code, worded by each language's catalog (notes.invalidReasons).
 */
export const REQUEST_INVALID_REASONS = [...FRAMING_ERRORS, 'incomplete', 'too_large', 'no_request_head'] as const;
export type RequestInvalidReason = (typeof REQUEST_INVALID_REASONS)[number];

/** keep_alive_declined's `reason` (see above), worded by each language's catalog (notes.declinedReasons). */
export const KEEP_ALIVE_DECLINED_REASONS = ['connection_close', 'http_1_0', 'request_invalid', 'request_incomplete'] as const;
export type KeepAliveDeclinedReason = (typeof KEEP_ALIVE_DECLINED_REASONS)[number];
