// The raw TCP client, like `telnet host port`: it resolves the name, tries each address in turn
// (telnet's "Trying 127.0.0.1..."), and once connected does only what the user asks (send bytes,
// half-close, close, reset). Nothing is sent, ended or closed on its own.
// The resolution is done here rather than by net.connect's own lookup (and its happy-eyeballs
// autoSelectFamily) so that the learner sees which addresses a name has and which one answered.
import { lookup } from 'node:dns/promises';
import { connect, isIP, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { CONNECT_TIMEOUT, type Resolution } from '../../shared/contract/contract';
import { CommandError } from './command-error';
import type { Connection } from './connection';
import { connectError, errnoOf } from './os-errors';

/** How long a connect may take before we give up: the OS alone would wait minutes (SYN retries). */
export const CONNECT_TIMEOUT_MS = CONNECT_TIMEOUT.defaultMs;

export interface ConnectOptions {
  host: string;
  port: number;
  /** For the whole attempt: the name's lookup and every address tried. */
  timeoutMs?: number;
  /** Wraps the connected socket in a journaled Connection (the engine keeps track of it). */
  adopt(socket: Socket): Connection;
  /** Told about each socket while it connects, so an engine shutdown can abort it. */
  pending: Set<Socket>;
}

export interface Connected {
  conn: Connection;
  resolution: Resolution;
}

/** Errors after which the next address is worth a try: this one is wrong, another may not be. */
const TRY_NEXT = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ETIMEDOUT']);

/** Resolves once connected, or rejects with a CommandError saying why not. */
export async function connectClient(options: ConnectOptions): Promise<Connected> {
  const { host, port } = options;
  const deadline = performance.now() + (options.timeoutMs ?? CONNECT_TIMEOUT_MS);
  const addresses = await resolve(host, port, deadline);
  const resolution: Resolution = { host, addresses, attempts: [] };
  let lastError: unknown = null;
  for (const candidate of addresses) {
    const left = deadline - performance.now();
    if (left <= 0) break;
    const outcome = await tryAddress(candidate.address, port, left, options);
    if ('conn' in outcome) {
      resolution.attempts.push({ ...candidate, errno: null });
      return { conn: outcome.conn, resolution };
    }
    const errno = errnoOf(outcome.error) ?? 'ETIMEDOUT';
    resolution.attempts.push({ ...candidate, errno });
    if (errno === 'ECANCELED') throw new CommandError('os_error', { errno, syscall: 'connect' });
    lastError = outcome.error;
    if (!TRY_NEXT.has(errno)) break;
  }
  // Out of time, or every address failed: say why in the last address's words.
  if (lastError === null || errnoOf(lastError) === 'ETIMEDOUT') throw new CommandError('conn_timeout', { host, port });
  throw connectError(lastError, host, port);
}

/** Every address the name has, in the resolver's order; an IP literal is its own one address. */
async function resolve(host: string, port: number, deadline: number): Promise<Resolution['addresses']> {
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family: family === 6 ? 'IPv6' : 'IPv4' }];
  let timer: NodeJS.Timeout | undefined;
  // getaddrinfo cannot be cancelled: past the deadline its answer is simply not waited for.
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CommandError('conn_timeout', { host, port })), Math.max(0, deadline - performance.now()));
  });
  try {
    const found = await Promise.race([lookup(host, { all: true, order: 'verbatim' }), expired]);
    if (found.length === 0) throw new CommandError('host_not_found', { host });
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? ('IPv6' as const) : ('IPv4' as const) }));
  } catch (err) {
    if (err instanceof CommandError) throw err;
    throw connectError(err, host, port);
  } finally {
    clearTimeout(timer);
  }
}

type Attempt = { conn: Connection } | { error: unknown };

function tryAddress(address: string, port: number, timeoutMs: number, options: ConnectOptions): Promise<Attempt> {
  // allowHalfOpen: the server's FIN must not close our side: the user decides when we hang up.
  const socket = connect({ host: address, port, allowHalfOpen: true });
  // No Nagle: each send goes out at once, as its own segment where the OS allows, so character
  // mode shows one byte per chunk on the peer's side instead of keystrokes held back for an ACK.
  socket.setNoDelay(true);
  options.pending.add(socket);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      settle();
      socket.destroy();
      resolve({ error: Object.assign(new Error('connect timed out'), { code: 'ETIMEDOUT' }) });
    }, timeoutMs);
    const onError = (err: Error): void => {
      settle();
      resolve({ error: err });
    };
    // Destroyed without an error: the engine is shutting down.
    const onClose = (): void => {
      settle();
      resolve({ error: Object.assign(new Error('connect cancelled'), { code: 'ECANCELED' }) });
    };
    const settle = (): void => {
      clearTimeout(timer);
      options.pending.delete(socket);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.once('connect', () => {
      // The Connection attaches its own listeners before ours go: no error can go unheard.
      const conn = options.adopt(socket);
      settle();
      resolve({ conn });
    });
  });
}
