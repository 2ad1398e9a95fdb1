// The contract's building blocks: the small schemas (ports, hosts, ids, addresses, roles,
// directions) that every command, event and journal schema is made of. They import nothing of the
// contract's own, so every other contract file can import them without a circle; contract.ts
// re-exports them.
import { z } from 'zod';
import { Bytes } from './bytes-schema';

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

/** A command that takes no input, or answers with nothing but success. */
export const Empty = z.object({}).strict();
