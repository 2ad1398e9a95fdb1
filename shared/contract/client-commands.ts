// The contract's client commands: connect to a host (resolving it, trying each address), send,
// half-close, close and reset; with Resolution, what a connect found out. Spread into `commands` in
// contract.ts.
import { z } from 'zod';
import { Bytes, ConnId, Empty, Host, Port } from './building-blocks';
import { ConnSummary } from './journal-schemas';

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

export const clientCommands = {
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
} as const;
