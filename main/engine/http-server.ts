// The raw TCP listener behind "the HTTP server": it accepts connections and hands each one, as a
// journaled Connection, to an exchange that answers it. It parses nothing itself: HTTP is whatever
// bytes the responder decides to send.
import { createServer, type Server, type Socket } from 'node:net';
import type { ServerInfo } from '../../shared/contract';
import type { Connection } from './connection';
import { listenError } from './os-errors';
import { serveConnection, type ServePlan } from './server-exchange';

export interface HttpServerOptions {
  serverId: string;
  host: string;
  port: number;
  /** listen()'s backlog: how many finished handshakes the OS holds while we have not accepted. */
  backlog: number;
  /** Wraps an accepted socket in a journaled Connection (the engine keeps track of it). */
  adopt(socket: Socket, serverId: string): Connection;
  /** Read at each accept, so a changed answer applies to the next connection. */
  plan(): ServePlan;
  /** Something changed after start (the listener failed or closed). */
  onChange(): void;
}

export class HttpServer {
  private constructor(
    private readonly server: Server,
    private readonly options: HttpServerOptions,
  ) {}

  /** Listens, or rejects with a CommandError and leaves nothing listening. */
  static start(options: HttpServerOptions): Promise<HttpServer> {
    // allowHalfOpen: a client's FIN must not close our side for us (see connection.ts).
    const server = createServer({ allowHalfOpen: true });
    server.on('connection', (socket) => {
      const conn = options.adopt(socket, options.serverId);
      serveConnection(conn, options.plan());
    });
    return new Promise((resolve, reject) => {
      const onListenError = (err: Error): void => {
        server.close();
        reject(listenError(err, options.host, options.port));
      };
      server.once('error', onListenError);
      server.listen({ host: options.host, port: options.port, backlog: options.backlog }, () => {
        server.off('error', onListenError);
        // After listening, an error is an accept() failing (EMFILE, ...): the listener stays
        // open and Node retries, but hosts should redraw the server's state.
        server.on('error', () => options.onChange());
        server.on('close', () => options.onChange());
        resolve(new HttpServer(server, options));
      });
    });
  }

  get serverId(): string {
    return this.options.serverId;
  }

  /** What is really bound: with port 0, the port the OS picked. */
  info(): ServerInfo {
    const bound = this.server.address();
    const address = bound !== null && typeof bound === 'object' ? bound : undefined;
    return {
      serverId: this.options.serverId,
      host: address?.address ?? this.options.host,
      port: address?.port ?? this.options.port,
      family: address?.family === 'IPv6' ? 'IPv6' : 'IPv4',
      listening: this.server.listening,
      backlog: this.options.backlog,
    };
  }

  /** Stops accepting. Connections already accepted carry on, and stay in the journal. */
  stop(): void {
    this.server.close();
  }
}
