// How the built-in server behaves: what answers, when it answers, what it does afterwards, how it
// accepts, and how long it waits. Schemas (zod) with defaults, so `server.start {}` gives lesson
// L1's server, and every field can be set from the UI, the CLI (`wirebench serve --after drip`)
// or a test. Listen settings (host, port, backlog) live in the contract's server.start; these can
// change while the server runs and apply to the next connection.
import { z } from 'zod';
import { Bytes } from '../contract/bytes-schema';
import { ACCEPT_MODES, AFTER_ANSWER, ANSWER_WHEN, RESPONDER_KINDS } from './choices';

/** Milliseconds for a timeout; 0 turns it off. At most an hour. */
const TimeoutMs = z.number().int().min(0).max(3_600_000);

/**
 * A route's answer: exact bytes; a file's bytes behind a status line and Content-Type; or the
 * request itself shown as an HTML page (echo_page), so a browser that posts a form sees what it
 * sent instead of downloading it (Echo's application/octet-stream makes Chromium save a file).
 */
export const RouteResponse = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bytes'), bytes: Bytes }),
  z.object({ kind: z.literal('echo_page') }),
  z.object({
    kind: z.literal('file'),
    /** Absolute, or relative to the sample document root shipped with the app. */
    path: z.string().min(1).max(4096),
    contentType: z.string().min(1).max(200).regex(/^[\x21-\x7e][\x20-\x7e]*$/, 'printable ASCII only'),
  }),
]);
export type RouteResponse = z.infer<typeof RouteResponse>;

export const Route = z.object({
  /** An HTTP method (GET, POST, ...) or `*` for any. */
  method: z.string().regex(/^(\*|[A-Z]{1,20})$/, 'a method in capitals, or *'),
  /** The path, compared with the request target's path (query string ignored). */
  path: z.string().startsWith('/').max(2048),
  response: RouteResponse,
});
export type Route = z.infer<typeof Route>;

/** What answers a request. */
export const ResponderConfig = z.discriminatedUnion('kind', [
  /** The same exact bytes for every request, malformed on purpose if the learner wants. */
  z.object({ kind: z.literal('canned'), bytes: Bytes }),
  /**
   * Files from a document root: an absolute path (the engine refuses a relative one, which would
   * mean whatever folder the server process happens to run in), or null for the sample root
   * shipped with the app. notFoundText: the body of its 404 (lesson L4's "short text"), sent as
   * UTF-8 text/plain; absent, `404 Not Found` and a line end.
   */
  z.object({ kind: z.literal('static'), root: z.string().min(1).max(4096).nullable(), notFoundText: z.string().max(4096).optional() }),
  /** Method + path -> response; unmatched requests get 404. */
  z.object({ kind: z.literal('routes'), routes: z.array(Route).max(200) }),
  /** The request's bytes back as the body of a 200. */
  z.object({ kind: z.literal('echo') }),
]);
export type ResponderConfig = z.infer<typeof ResponderConfig>;
export type ResponderKind = ResponderConfig['kind'];
// The renderer's list of responders (choices.ts) names every kind there is, and no other.
const _listedKinds: readonly ResponderKind[] = RESPONDER_KINDS;
const _everyKindListed: [Exclude<ResponderKind, (typeof RESPONDER_KINDS)[number]>] extends [never] ? true : false = true;

/**
 * When the server answers:
 * - first_chunk: as soon as anything arrives, like the lessons' single recv();
 * - request_end: once the whole request is in (head, then a body by Content-Length or chunked);
 * - peer_fin: once the client half-closes (its read side sees EOF).
 */
export const AnswerWhen = z.enum(ANSWER_WHEN);
export type AnswerWhen = z.infer<typeof AnswerWhen>;

/**
 * What the server does once it has answered:
 * - close: FIN and release the socket at once (Python's conn.close()); late data from the peer
 *   is answered by the kernel with RST;
 * - half_close: FIN (shutdown(SHUT_WR)), keep reading, release once the peer's FIN arrives or
 *   halfCloseWaitMs passes: lesson L1's "two hang-ups";
 * - keep_alive: wait for the next request on the same connection, unless the request said
 *   `Connection: close` or is HTTP/1.0 without `Connection: keep-alive` (RFC 9112 section 9.3);
 * - reset: abort with RST right after the answer (unsent or unread data is thrown away);
 * - hang: never answer at all, until the client gives up or a timeout fires;
 * - drip: send the answer dripBytes at a time every dripEveryMs, then half-close as above.
 */
export const AfterAnswer = z.enum(AFTER_ANSWER);
export type AfterAnswer = z.infer<typeof AfterAnswer>;

/**
 * concurrent: every accepted client is served at once.
 * sequential: one at a time, like a `while True: accept(); serve()` loop; the others wait, unread,
 * in a queue the UI shows ("connected, waiting for accept()"), as they would in the backlog.
 */
export const AcceptMode = z.enum(ACCEPT_MODES);
export type AcceptMode = z.infer<typeof AcceptMode>;

const settingsShape = {
  responder: ResponderConfig,
  answerWhen: AnswerWhen,
  after: AfterAnswer,
  /** half_close and drip: how long to wait for the peer's FIN before releasing the socket anyway. */
  halfCloseWaitMs: TimeoutMs,
  dripBytes: z.number().int().min(1).max(65_536),
  dripEveryMs: z.number().int().min(1).max(60_000),
  acceptMode: AcceptMode,
  /** No byte from the client for this long: the server closes (a journal `timeout` event). */
  idleTimeoutMs: TimeoutMs,
  /** The answer's trigger (request head, end, or FIN) has not come this long after accept. */
  headerTimeoutMs: TimeoutMs,
};

export const ServerSettings = z.object(settingsShape).strict();
export type ServerSettings = z.infer<typeof ServerSettings>;

/** Any of the settings: what server.start and server.update take; the rest keep their values. */
export const ServerSettingsPatch = z.object(settingsShape).partial().strict();
export type ServerSettingsPatch = z.infer<typeof ServerSettingsPatch>;

/** Live counters for the server panel. */
export const ServerStats = z.object({
  /** Connections accepted since start. */
  accepted: z.number().int().min(0),
  /** Open now and being served (sequential mode: at most one). */
  open: z.number().int().min(0),
  /** Sequential mode: connected, waiting for accept(), in order. */
  queued: z.array(z.string()),
  /** Answered at least once. */
  served: z.number().int().min(0),
});
export type ServerStats = z.infer<typeof ServerStats>;
