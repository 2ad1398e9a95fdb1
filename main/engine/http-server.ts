// The raw TCP listener behind "the HTTP server": it listens (and listens again on restart), hands
// each accepted socket to the accept queue, which serves it, as a journaled Connection, through an
// exchange (server-exchange.ts). It parses nothing itself: HTTP is the exchange's and the
// responder's business. Its settings can change while it runs; see server-exchange.ts for when a
// change takes effect.
import { createServer, isIPv6, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Address, ResponseVersion, ServerInfo } from '../../shared/contract/contract';
import { type ResponderConfig, type ServerSettings, type ServerSettingsPatch } from '../../shared/server/settings';
import { withSettings } from '../../shared/server/defaults';
import { AcceptQueue } from './accept-queue';
import type { Connection } from './connection';
import { explainListenError, isLoopbackHost } from './listen-address';
import type { Responder } from './responder';
import { ResponseHistory } from './response-history';
import { serveConnection, type ServePlan } from './server-exchange';

export interface ListenAddress {
  host: string;
  port: number;
  /** listen()'s backlog: how many finished handshakes the OS holds while we have not accepted. */
  backlog: number;
}

export interface HttpServerOptions {
  serverId: string;
  address: ListenAddress;
  settings: ServerSettings;
  /** Builds the responder for a configuration (once per change, not per request). */
  makeResponder(config: ResponderConfig): Responder;
  /** Wraps an accepted socket in a journaled Connection (the engine keeps track of it). */
  adopt(socket: Socket, serverId: string, local?: Address): Connection;
  /** Something about the server changed: its listener, its settings, or its counters. */
  onChange(): void;
}

export class HttpServer {
  private listener: Server | null = null;
  private address: ListenAddress;
  private bound: AddressInfo | null = null;
  private plan: ServePlan;
  private readonly queue: AcceptQueue;
  private readonly history: ResponseHistory;

  private constructor(private readonly options: HttpServerOptions) {
    this.address = options.address;
    this.history = new ResponseHistory(options.settings.responder);
    this.plan = { settings: options.settings, responder: options.makeResponder(options.settings.responder), version: 1 };
    const host = { plan: () => this.plan, onFirstAnswer: () => this.queue.countServed() };
    this.queue = new AcceptQueue({
      adopt: (socket, local) => options.adopt(socket, options.serverId, local),
      serve: (conn) => serveConnection(conn, host),
      changed: () => options.onChange(),
    });
  }

  /** Listens, or rejects with a CommandError and leaves nothing listening. */
  static async start(options: HttpServerOptions): Promise<HttpServer> {
    const server = new HttpServer(options);
    await server.listen(options.address);
    return server;
  }

  get serverId(): string {
    return this.options.serverId;
  }

  get listenAddress(): ListenAddress {
    return { ...this.address };
  }

  /** New settings for what comes next; connections keep going (see server-exchange.ts). */
  update(patch: ServerSettingsPatch): void {
    const settings = withSettings(this.plan.settings, patch);
    if (!patch.responder) {
      this.plan = { ...this.plan, settings };
      return;
    }
    const responder = this.options.makeResponder(settings.responder);
    this.plan = { settings, responder, version: this.history.add(settings.responder) };
  }

  /** The responder versions still remembered, oldest first. */
  versions(): ResponseVersion[] {
    return this.history.list();
  }

  /**
   * Closes the listener and listens again, by default where it listened (with port 0 at start,
   * on the port the OS picked then, so clients can come back). Accepted connections carry on. If
   * listening fails, the server stays, not listening, and the CommandError says why.
   */
  async restart(change: Partial<ListenAddress>): Promise<void> {
    const next: ListenAddress = {
      host: change.host ?? this.address.host,
      port: change.port ?? this.bound?.port ?? this.address.port,
      backlog: change.backlog ?? this.address.backlog,
    };
    this.stop();
    await this.listen(next);
  }

  /** Stops accepting. Connections already accepted (and queued) carry on, and stay in the journal. */
  stop(): void {
    this.listener?.close();
    this.listener = null;
  }

  /** What is really bound (with port 0, the port the OS picked), the settings and the counters. */
  info(): ServerInfo {
    const listening = this.listener?.listening ?? false;
    const bound = listening ? this.bound : null;
    const host = bound?.address ?? this.address.host;
    return {
      serverId: this.options.serverId,
      host,
      port: bound?.port ?? this.address.port,
      family: (bound ? bound.family === 'IPv6' : isIPv6(host)) ? 'IPv6' : 'IPv4',
      listening,
      backlog: this.address.backlog,
      exposed: !isLoopbackHost(this.address.host),
      settings: this.plan.settings,
      responseVersion: this.plan.version,
      stats: this.queue.stats(),
    };
  }

  private listen(address: ListenAddress): Promise<void> {
    this.address = address;
    // allowHalfOpen: a client's FIN must not close our side for us (see connection.ts).
    const listener = createServer({ allowHalfOpen: true });
    // The accept mode is read at each accept: switching it applies to new connections.
    // Bound to one address, every accepted socket's local end is that address: known without a
    // getsockname() per connection (bound to all, 0.0.0.0 or ::, the OS picks one per connection).
    let local: Address | undefined;
    listener.on('connection', (socket) => this.queue.admit(socket, this.plan.settings.acceptMode, local));
    return new Promise((resolve, reject) => {
      const onListenError = (err: Error): void => {
        listener.close();
        void explainListenError(err, address.host, address.port).then(reject);
      };
      listener.once('error', onListenError);
      listener.listen({ host: address.host, port: address.port, backlog: address.backlog }, () => {
        listener.off('error', onListenError);
        // After listening, an error is an accept() failing (EMFILE, ...): the listener stays
        // open and Node retries, but hosts should redraw the server's state.
        listener.on('error', () => this.options.onChange());
        listener.on('close', () => this.options.onChange());
        this.listener = listener;
        this.bound = listener.address() as AddressInfo;
        local = boundLocal(this.bound);
        resolve();
      });
    });
  }
}

/** The local end every accepted socket has, or undefined when it varies (a wildcard address). */
function boundLocal(bound: AddressInfo): Address | undefined {
  if (bound.address === '0.0.0.0' || bound.address === '::') return undefined;
  return { address: bound.address, port: bound.port, family: bound.family === 'IPv6' ? 'IPv6' : 'IPv4' };
}
