// The one contract between the engine (main) and whoever shows it (the renderer over IPC or a
// WebSocket, the CLI). Every command and event is declared here once, as a zod schema; TypeScript
// types are inferred from the schemas and never written twice. Main validates every command's input
// against these schemas at its door, because a renderer or a web page is not trusted.
import { z } from 'zod';
import { Bytes } from './bytes-schema';
import { ERROR_CODES, ERROR_PARAMS, type AnyError } from './errors';
import { fileCommands } from './file-commands';
import { NOTE_CODES } from './notes';
import { DEFAULT_LISTEN } from '../server/choices';
import { SectionSave, SettingsNotice, StoredSettings } from './app-settings';
import { TCP_STATES, TEARDOWN_SCENARIOS } from '../teardown/tcp-states';
import { RST_CAUSES } from '../teardown/rst-causes';
import { FIRST_LINE_MAX } from './first-line';
import { ResponderConfig, ServerSettings, ServerSettingsPatch, ServerStats } from '../server/settings';

// ---- building blocks -------------------------------------------------------------------------

/** Exact bytes. IPC carries them by structured clone; the WebSocket door uses shared/wire-codec. */
export { Bytes };

export const Port = z.number().int().min(0).max(65535);
/** A host name or an IP literal, as typed by a person: no spaces, no scheme, not absurdly long. */
export const Host = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[^\s/]+$/, 'a host has no spaces or slashes');
export const ConnId = z.string().min(1).max(64);
/** listen()'s backlog: how many finished handshakes the OS holds before we accept them. */
export const Backlog = z.number().int().min(1).max(4096);
export const ServerId = z.string().min(1).max(64);

export const Address = z.object({
  address: z.string(),
  port: Port,
  family: z.enum(['IPv4', 'IPv6']),
});
export type Address = z.infer<typeof Address>;

export const Role = z.enum(['server', 'client']);
export type Role = z.infer<typeof Role>;

export const Dir = z.enum(['in', 'out']);
export type Dir = z.infer<typeof Dir>;

// ---- the journal -----------------------------------------------------------------------------

const eventBase = {
  connId: ConnId,
  /** Position in this connection's journal, from 0, with no gaps. */
  seq: z.number().int().min(0),
  /** Wall clock, ms since the epoch: for display only. */
  at: z.number(),
  /** Monotonic ms since this connection opened: what durations are computed from. */
  t: z.number().min(0),
};

/**
 * One thing that happened on one connection, in the order the OS told us.
 * - opened: accepted (server role) or connected (client role).
 * - data: one chunk as one `data` event delivered it (in) or one write handed it to the OS (out).
 *   `bytes` holds the stored payload; null once evicted by the journal's byte budget (length stays).
 * - peer_fin: the peer's FIN arrived (our read returned EOF); we may still send.
 * - fin_sent: our FIN went out (shutdown(SHUT_WR) / end()); the peer may still send.
 * - rst_sent: we reset the connection (SO_LINGER 0 close): the peer sees ECONNRESET.
 * - rst_received: the peer's RST reached our socket. Node reports it in three ways, and each is
 *   this one event (`how`): ECONNRESET on a read ('read'), EPIPE or ECONNRESET on a write after
 *   the peer had closed ('write'), or only the kernel's state leaving CLOSE_WAIT for CLOSED with
 *   no FIN of ours ('kernel'). An `error` event with the OS's code may still come beside it
 *   (the engine journals it right after a 'read' or 'write' one). Why it came is derived from the
 *   events before it (shared/teardown/rst-reason.ts), not stored. A 'kernel' one right after a peer_fin,
 *   with no tcp_state CLOSE_WAIT between, may have been no FIN at all: when an RST arrives with
 *   the peer's last bytes still unread, libuv reads them and reports an end of stream.
 * - error: the OS reported an error, by its code (ECONNRESET, EPIPE, ...).
 * - closed: the socket is fully closed and its descriptor released.
 * - queued / dequeued (sequential server): the OS completed the handshake but the server is busy
 *   with another client; it waits, unread, as in a listen() backlog, until its accept() returns.
 * - timeout: a server timeout fired (idle, header, or the wait for the peer's FIN), and the server
 *   acts on it (closes): never a silent close.
 * - tcp_state: the kernel's own TCP state for this socket changed (read while it closes, until
 *   TIME_WAIT ends: this may come after `closed`, since the kernel keeps the socket after we let go).
 * - note: what the server decided and why (request complete, which file, keep-alive, ...).
 */
export const JournalEvent = z.discriminatedUnion('kind', [
  z.object({
    ...eventBase,
    kind: z.literal('opened'),
    role: Role,
    local: Address,
    remote: Address,
    /**
     * The engine process's monotonic clock (performance.now()) when it opened: `mono + t` puts the
     * events of two connections of one engine (our client and our server) on one timeline.
     */
    mono: z.number(),
  }),
  z.object({
    ...eventBase,
    kind: z.literal('data'),
    dir: Dir,
    length: z.number().int().min(0),
    bytes: Bytes.nullable(),
  }),
  z.object({ ...eventBase, kind: z.literal('peer_fin') }),
  z.object({ ...eventBase, kind: z.literal('fin_sent') }),
  z.object({ ...eventBase, kind: z.literal('rst_sent') }),
  z.object({ ...eventBase, kind: z.literal('rst_received'), how: z.enum(['read', 'write', 'kernel']) }),
  z.object({ ...eventBase, kind: z.literal('error'), code: z.string() }),
  z.object({ ...eventBase, kind: z.literal('closed'), hadError: z.boolean() }),
  z.object({ ...eventBase, kind: z.literal('queued'), position: z.number().int().min(1) }),
  z.object({ ...eventBase, kind: z.literal('dequeued') }),
  z.object({
    ...eventBase,
    kind: z.literal('timeout'),
    /** unread: the peer read nothing of what was still to send for `ms`, so the server let go. */
    which: z.enum(['idle', 'header', 'fin_wait', 'unread']),
    ms: z.number().int().min(0),
  }),
  z.object({
    ...eventBase,
    kind: z.literal('tcp_state'),
    /** The kernel's state of this connection's socket (Linux: /proc/net/tcp{,6}); CLOSED once it is gone. */
    state: z.enum(TCP_STATES),
    /** Time left on the kernel's timer for the state (TIME_WAIT's), when it runs; else null. */
    timerMs: z.number().int().min(0).nullable(),
  }),
  z.object({
    ...eventBase,
    kind: z.literal('note'),
    code: z.enum(NOTE_CODES),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
]);
export type JournalEvent = z.infer<typeof JournalEvent>;
export type JournalEventKind = JournalEvent['kind'];

/** What is known about a connection at a glance; counters are exact even after eviction. */
export const ConnSummary = z.object({
  connId: ConnId,
  role: Role,
  /** The server that accepted it (server role only). */
  serverId: ServerId.nullable(),
  local: Address,
  remote: Address,
  openedAt: z.number(),
  bytesIn: z.number().int().min(0),
  bytesOut: z.number().int().min(0),
  chunksIn: z.number().int().min(0),
  chunksOut: z.number().int().min(0),
  finReceived: z.boolean(),
  finSent: z.boolean(),
  reset: z.boolean(),
  closed: z.boolean(),
  /** True once the journal's byte budget has dropped this connection's payloads. */
  payloadEvicted: z.boolean(),
  /**
   * The first line each way (shared/contract/first-line.ts), so far: a card shows the request and
   * the status line from these, for every connection, without its events. Null: no byte yet.
   */
  firstLines: z.object({ in: z.string().max(FIRST_LINE_MAX).nullable(), out: z.string().max(FIRST_LINE_MAX).nullable() }),
  /** Why the peer's RST came (shared/teardown/rst-causes.ts), from the journal before it; null: none came. */
  rstCause: z.enum(RST_CAUSES).nullable(),
});
export type ConnSummary = z.infer<typeof ConnSummary>;

export const ServerInfo = z.object({
  serverId: ServerId,
  host: Host,
  port: Port,
  family: z.enum(['IPv4', 'IPv6']),
  listening: z.boolean(),
  backlog: z.number().int(),
  /** Bound beyond loopback: other machines can connect (an explicit, warned choice). */
  exposed: z.boolean(),
  settings: ServerSettings,
  /**
   * Which version of the responder answers the next connection: 1 at start, one more at each
   * server.update that changes the responder. Each `answered` note names the version it sent.
   */
  responseVersion: z.number().int().min(1),
  stats: ServerStats,
});
export type ServerInfo = z.infer<typeof ServerInfo>;

/** How many responder versions a server remembers for server.versions. */
export const RESPONSE_VERSIONS_KEPT = 50;

export const ResponseVersion = z.object({
  version: z.number().int().min(1),
  /** When it took effect (ms since the epoch). */
  at: z.number(),
  responder: ResponderConfig,
});
export type ResponseVersion = z.infer<typeof ResponseVersion>;

/**
 * What a client's connect found out: the addresses the name resolved to (in the resolver's order),
 * and each address tried, in order, with the OS's reason it failed (errno) or null for the one
 * that answered. An IP literal resolves to itself.
 */
export const Resolution = z.object({
  host: z.string(),
  addresses: z.array(z.object({ address: z.string(), family: z.enum(['IPv4', 'IPv6']) })),
  attempts: z.array(z.object({ address: z.string(), family: z.enum(['IPv4', 'IPv6']), errno: z.string().nullable() })),
});
export type Resolution = z.infer<typeof Resolution>;

/** How long client.connect may take in all (lookup and every address), by default and at most. */
export const CONNECT_TIMEOUT = { defaultMs: 10_000, minMs: 100, maxMs: 120_000 } as const;

export const JournalTotals = z.object({
  connections: z.number().int().min(0),
  bytesIn: z.number().int().min(0),
  bytesOut: z.number().int().min(0),
  storedPayloadBytes: z.number().int().min(0),
  droppedConnections: z.number().int().min(0),
});
export type JournalTotals = z.infer<typeof JournalTotals>;

/** A failed command's error: a code and exactly its params (shared/contract/errors.ts), discriminated by code. */
export const ErrorInfo = z.discriminatedUnion(
  'code',
  ERROR_CODES.map((code) => z.object({ code: z.literal(code), params: ERROR_PARAMS[code] })) as unknown as [
    z.ZodObject<{ code: z.ZodLiteral<AnyError['code']>; params: z.ZodType<AnyError['params']> }>,
  ],
);
export type ErrorInfo = AnyError;

// ---- commands (renderer -> main) ---------------------------------------------------------------

/** The most bytes one `journal.payload` answers with (1 MiB: some 1.4 MB of base64 on the WebSocket door). */
export const PAYLOAD_PAGE_MAX = 1024 * 1024;

const Empty = z.object({}).strict();

/** The most connections one page may watch at once (journal.watch): a few views' worth. */
export const WATCH_MAX = 256;

export const commands = {
  'app.info': {
    input: Empty,
    output: z.object({ version: z.string(), host: z.enum(['electron', 'web', 'cli']) }),
  },
  /**
   * Listens and serves. Any settings not given take lesson L1's defaults (DEFAULT_SERVER_SETTINGS).
   * A host beyond loopback is refused with `not_loopback` unless exposeToNetwork is true.
   */
  'server.start': {
    input: z
      .object({
        host: Host.default(DEFAULT_LISTEN.host),
        port: Port.default(DEFAULT_LISTEN.port),
        backlog: Backlog.default(DEFAULT_LISTEN.backlog),
        exposeToNetwork: z.boolean().default(false),
        settings: ServerSettingsPatch.default({}),
      })
      .strict(),
    output: ServerInfo,
  },
  /** Changes how a running server behaves; applies from the next connection (or request). */
  'server.update': {
    input: z.object({ serverId: ServerId, settings: ServerSettingsPatch }).strict(),
    output: ServerInfo,
  },
  /** Listens again, keeping the server's id and settings; host, port and backlog may change. */
  'server.restart': {
    input: z
      .object({
        serverId: ServerId,
        host: Host.optional(),
        port: Port.optional(),
        backlog: Backlog.optional(),
        exposeToNetwork: z.boolean().default(false),
      })
      .strict(),
    output: ServerInfo,
  },
  'server.stop': { input: z.object({ serverId: ServerId }).strict(), output: Empty },
  /**
   * The responder versions the server still remembers (the latest RESPONSE_VERSIONS_KEPT), oldest
   * first: what a connection's `answered` note calls version N was sent by `responder` here.
   */
  'server.versions': {
    input: z.object({ serverId: ServerId }).strict(),
    output: z.object({ versions: z.array(ResponseVersion) }),
  },
  /**
   * Resolves the host, tries its addresses in turn until one accepts, within timeoutMs for the
   * whole attempt. The connection's journal starts with `opened`, then a `resolved` note.
   */
  'client.connect': {
    input: z
      .object({
        host: Host,
        port: Port.min(1),
        timeoutMs: z.number().int().min(CONNECT_TIMEOUT.minMs).max(CONNECT_TIMEOUT.maxMs).default(CONNECT_TIMEOUT.defaultMs),
      })
      .strict(),
    output: ConnSummary.extend({ resolution: Resolution }),
  },
  'client.send': {
    input: z.object({ connId: ConnId, bytes: Bytes.refine((b) => b.length > 0, 'nothing to send') }).strict(),
    output: z.object({ length: z.number().int() }),
  },
  'client.halfClose': { input: z.object({ connId: ConnId }).strict(), output: Empty },
  'client.close': { input: z.object({ connId: ConnId }).strict(), output: Empty },
  'client.reset': { input: z.object({ connId: ConnId }).strict(), output: Empty },
  /** Everything needed to draw the app from scratch: on load and after a reconnect. */
  'journal.snapshot': {
    input: Empty,
    output: z.object({
      servers: z.array(ServerInfo),
      conns: z.array(ConnSummary),
      totals: JournalTotals,
    }),
  },
  /**
   * Which connections' events this page is shown from now on (a page gets every connection's
   * summary, but only the events of those it watches: at 10,000 requests a second the events of
   * all of them are more than a page can take, issue 19), and each one's events from `fromSeq` on,
   * as the journal holds them now. The set replaces the last one. The answer and the deltas after
   * it may both carry an event (one recorded before this command but not yet sent in a delta):
   * merge by seq. Connections the journal no longer has are named in `unknown`.
   */
  'journal.watch': {
    input: z
      .object({
        watch: z.array(z.object({ connId: ConnId, fromSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict()).max(WATCH_MAX),
      })
      .strict(),
    output: z.object({
      journals: z.array(z.object({ connId: ConnId, events: z.array(JournalEvent) })),
      unknown: z.array(ConnId),
    }),
  },
  /** One connection's whole journal, payloads included where still stored. */
  'journal.events': {
    input: z.object({ connId: ConnId }).strict(),
    output: z.object({ events: z.array(JournalEvent) }),
  },
  /**
   * Runs a teardown scenario over loopback: a server of its own on a free port (stopped once the
   * scenario is over) and our client; answers once both connections exist, and the scenario goes on
   * (its events arrive as journal.delta, as any connection's do).
   */
  'scenario.run': {
    input: z.object({ scenario: z.enum(TEARDOWN_SCENARIOS) }).strict(),
    output: z.object({ serverId: ServerId, clientConnId: ConnId, serverConnId: ConnId }),
  },
  /** The stored settings, section by section, and what went wrong reading them (never an error). */
  'settings.load': {
    input: Empty,
    output: z.object({ settings: StoredSettings, notices: z.array(SettingsNotice), file: z.string() }),
  },
  /** Stores one section, written atomically; fails with settings_unwritable. */
  'settings.save': { input: SectionSave, output: Empty },
  /**
   * A page of one direction of a connection as a stream: the stored bytes from `offset` (counted
   * from that direction's first byte) for up to `length` bytes, cut at the bytes carried so far.
   * For views of exchanges too large to hold whole: they ask for what they show. If any byte of
   * the range is no longer stored (the payload budget evicted it, or the event cap dropped its
   * chunk), `bytes` is null and `evicted` true: the counters still say how many there were.
   */
  'journal.payload': {
    input: z
      .object({
        connId: ConnId,
        dir: Dir,
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        length: z.number().int().min(1).max(PAYLOAD_PAGE_MAX),
      })
      .strict(),
    output: z.object({ bytes: Bytes.nullable(), evicted: z.boolean() }),
  },
  ...fileCommands,
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller may pass (defaults may be omitted). */
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
/** What the engine receives after the door has parsed it (defaults filled in). */
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

// ---- events (main -> renderer) -----------------------------------------------------------------

export const events = {
  /**
   * Journal changes, batched: at most a few per animation frame reach the renderer, never one
   * message per chunk. `events` are those of the connections the page watches (journal.watch;
   * a host with no page, the CLI, gets all). `conns` holds the latest summary of every connection that changed;
   * `dropped` names the connections the journal let go of whole (past its cap on closed
   * connections), so that a copy kept elsewhere can let go of them too.
   */
  'journal.delta': z.object({
    conns: z.array(ConnSummary),
    dropped: z.array(ConnId),
    events: z.array(JournalEvent),
    totals: JournalTotals,
  }),
  /**
   * A server started, stopped, failed, changed settings, or its counters moved (throttled like
   * journal.delta). `servers` is the whole current list.
   */
  'server.changed': z.object({ servers: z.array(ServerInfo) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;

export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
