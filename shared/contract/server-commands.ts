// The contract's server commands: start, change, restart and stop a built-in server, and the
// responder versions it remembers; with ServerInfo, what each of them answers with and
// server.changed carries. Spread into `commands` in contract.ts.
import { z } from 'zod';
import { Backlog, Empty, Host, Port, ServerId } from './building-blocks';
import { DEFAULT_LISTEN } from '../server/choices';
import { ResponderConfig, ServerSettings, ServerSettingsPatch, ServerStats } from '../server/settings';

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

export const serverCommands = {
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
} as const;
