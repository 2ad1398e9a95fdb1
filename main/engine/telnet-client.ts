// The raw TCP client, like `telnet host port`: it connects and then does only what the user asks
// (send bytes, half-close, close, reset). Nothing is sent, ended or closed on its own.
import { connect, type Socket } from 'node:net';
import { CommandError } from '../door/dispatch';
import type { Connection } from './connection';
import { connectError } from './os-errors';

/** How long a connect may take before we give up: the OS alone would wait minutes (SYN retries). */
export const CONNECT_TIMEOUT_MS = 10_000;

export interface ConnectOptions {
  host: string;
  port: number;
  timeoutMs?: number;
  /** Wraps the connected socket in a journaled Connection (the engine keeps track of it). */
  adopt(socket: Socket): Connection;
  /** Told about the socket while it connects, so an engine shutdown can abort it. */
  pending: Set<Socket>;
}

/** Resolves once connected, or rejects with a CommandError saying why not. */
export function connectClient(options: ConnectOptions): Promise<Connection> {
  const { host, port, pending } = options;
  // allowHalfOpen: the server's FIN must not close our side: the user decides when we hang up.
  const socket = connect({ host, port, allowHalfOpen: true });
  pending.add(socket);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      settle();
      socket.destroy();
      reject(new CommandError('conn_timeout', { host, port }));
    }, options.timeoutMs ?? CONNECT_TIMEOUT_MS);
    const onError = (err: Error): void => {
      settle();
      reject(connectError(err, host, port));
    };
    // Destroyed without an error: the engine is shutting down.
    const onClose = (): void => {
      settle();
      reject(new CommandError('os_error', { errno: 'ECANCELED', syscall: 'connect' }));
    };
    const settle = (): void => {
      clearTimeout(timer);
      pending.delete(socket);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.once('connect', () => {
      // The Connection attaches its own listeners before ours go: no error can go unheard.
      const conn = options.adopt(socket);
      settle();
      resolve(conn);
    });
  });
}
