// Where a server may listen: loopback unless the user explicitly chose to expose it, and, when a
// port is taken, which nearby one is free instead.
import { createServer, isIPv4, isIPv6 } from 'node:net';
import type { CommandError } from './command-error';
import { errnoOf, listenError } from './os-errors';

/**
 * Reachable from this machine only: 127.0.0.0/8 (RFC 1122 section 3.2.1.3), ::1 (RFC 4291 section
 * 2.5.3), their IPv4-mapped form, and the name `localhost` (RFC 6761 section 6.3). Anything else,
 * the wildcard addresses 0.0.0.0 and :: above all, and any other name, may be reached from the network.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  if (isIPv4(v4)) return v4.split('.')[0] === '127';
  if (isIPv6(h)) return /^(0{0,4}:){1,7}0{0,3}1$|^::1$/.test(h);
  return false;
}

/** How far past a taken port to look for a free one. */
export const SUGGESTION_RANGE = 100;

/**
 * The first port after `port` (at most SUGGESTION_RANGE on) that can really be bound on `host`
 * now, found by binding it briefly; 0 if none. It may be taken again by the time the user tries
 * it (the usual race of any free-port probe), but it was free when we said so.
 */
export async function nextFreePort(host: string, port: number): Promise<number> {
  for (let candidate = port + 1; candidate <= Math.min(65535, port + SUGGESTION_RANGE); candidate++) {
    if (await canBind(host, candidate)) return candidate;
  }
  return 0;
}

function canBind(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    // exclusive: a cluster worker would otherwise share the primary's handle instead of binding.
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** listenError (os-errors.ts) with, for a port in use, the free port to suggest instead. */
export async function explainListenError(err: unknown, host: string, port: number): Promise<CommandError> {
  const suggestion = errnoOf(err) === 'EADDRINUSE' && port > 0 ? await nextFreePort(host, port) : 0;
  return listenError(err, host, port, suggestion);
}
