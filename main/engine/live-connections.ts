// The connections whose socket is still open, by id: what client commands act on and what an
// engine shutdown must destroy. Closed ones leave this registry but stay in the journal.
import type { Socket } from 'node:net';
import type { Address, Role } from '../../shared/contract/contract';
import type { NotWritableState } from '../../shared/contract/errors';
import { CommandError } from './command-error';
import { Connection } from './connection';
import type { Journal } from './journal';

export class LiveConnections {
  private readonly live = new Map<string, Connection>();

  constructor(private readonly journal: Journal) {}

  /** Wraps a connected or accepted socket in a journaled Connection and tracks it until it closes. */
  adopt(socket: Socket, role: Role, serverId: string | null, local?: Address): Connection {
    const conn = new Connection(socket, this.journal, role, serverId, local);
    this.live.set(conn.connId, conn);
    conn.onceClosed(() => this.live.delete(conn.connId));
    return conn;
  }

  /**
   * One of our client connections: null if it has closed already; unknown_connection if there
   * is no such client connection (server-side ones are the server's to drive, not the user's).
   */
  client(connId: string): Connection | null {
    if (this.journal.summary(connId)?.role !== 'client') {
      throw new CommandError('unknown_connection', { connId });
    }
    return this.live.get(connId) ?? null;
  }

  /** Any open connection by id (the engine's own use: a scenario's server side), or null. */
  get(connId: string): Connection | null {
    return this.live.get(connId) ?? null;
  }

  /** A client connection that can still send, or not_writable saying why not. */
  writableClient(connId: string): Connection {
    const conn = this.client(connId);
    const state = conn ? conn.notWritable() : 'closed';
    if (!conn || state !== null) throw this.whyNotWritable(connId, state ?? 'closed');
    return conn;
  }

  /**
   * A connection the peer tore down says so (conn_reset, broken_pipe): "closed" alone would hide
   * that the other side hung up on us, which is the lesson. Otherwise not_writable with the state.
   */
  private whyNotWritable(connId: string, state: NotWritableState): CommandError {
    if (state === 'closed') {
      const events = this.journal.events(connId) ?? [];
      const error = events.findLast((e) => e.kind === 'error');
      if (error?.kind === 'error' && error.code === 'ECONNRESET') return new CommandError('conn_reset', { connId });
      if (error?.kind === 'error' && error.code === 'EPIPE') return new CommandError('broken_pipe', { connId });
    }
    return new CommandError('not_writable', { connId, state });
  }

  /** Destroys every open socket; resolves once all have closed. */
  async destroyAll(): Promise<void> {
    await Promise.all(Array.from(this.live.values(), (conn) => conn.destroy()));
  }
}
