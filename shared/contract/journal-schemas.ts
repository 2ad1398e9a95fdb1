// The journal's schemas: one connection's events (JournalEvent), what is known of a connection at a
// glance (ConnSummary), and the journal's totals. What the journal commands answer with and
// journal.delta carries; contract.ts re-exports them.
import { z } from 'zod';
import { Address, Bytes, ConnId, Dir, Role, ServerId } from './building-blocks';
import { NOTE_CODES } from './notes';
import { TCP_STATES } from '../teardown/tcp-states';
import { RST_CAUSES } from '../teardown/rst-causes';
import { FIRST_LINE_MAX } from './first-line';

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

export const JournalTotals = z.object({
  connections: z.number().int().min(0),
  bytesIn: z.number().int().min(0),
  bytesOut: z.number().int().min(0),
  storedPayloadBytes: z.number().int().min(0),
  droppedConnections: z.number().int().min(0),
});
export type JournalTotals = z.infer<typeof JournalTotals>;
