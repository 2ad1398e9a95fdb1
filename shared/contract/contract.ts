// The one contract between the engine (main) and whoever shows it (the renderer over IPC or a
// WebSocket, the CLI). Every command and event is declared once, as a zod schema; TypeScript
// types are inferred from the schemas and never written twice. Main validates every command's input
// against these schemas at its door, because a renderer or a web page is not trusted.
// This file is the table: it assembles the command groups (server-, client-, journal- and
// file-commands.ts) and the events, and re-exports the schemas they are built of, so that callers
// import everything from here. The groups never import this file.
import { z } from 'zod';
import { ConnId, Empty, ServerId } from './building-blocks';
import { clientCommands } from './client-commands';
import { ERROR_CODES, ERROR_PARAMS, type AnyError } from './errors';
import { fileCommands } from './file-commands';
import { journalCommands } from './journal-commands';
import { ConnSummary, JournalEvent, JournalTotals } from './journal-schemas';
import { ServerInfo, serverCommands } from './server-commands';
import { SectionSave, SettingsNotice, StoredSettings } from './app-settings';
import { TEARDOWN_SCENARIOS } from '../teardown/tcp-states';

export { Address, Backlog, Bytes, ConnId, Dir, Host, Port, Role, ServerId } from './building-blocks';
export { CONNECT_TIMEOUT, Resolution } from './client-commands';
export { EVENTS_KEPT_PER_CONNECTION, PAYLOAD_PAGE_MAX, WATCH_MAX } from './journal-commands';
export { ConnSummary, JournalEvent, JournalTotals, type JournalEventKind } from './journal-schemas';
export { RESPONSE_VERSIONS_KEPT, ResponseVersion, ServerInfo } from './server-commands';

/** A failed command's error: a code and exactly its params (shared/contract/errors.ts), discriminated by code. */
export const ErrorInfo = z.discriminatedUnion(
  'code',
  ERROR_CODES.map((code) => z.object({ code: z.literal(code), params: ERROR_PARAMS[code] })) as unknown as [
    z.ZodObject<{ code: z.ZodLiteral<AnyError['code']>; params: z.ZodType<AnyError['params']> }>,
  ],
);
export type ErrorInfo = AnyError;

// ---- commands (renderer -> main) ---------------------------------------------------------------

export const commands = {
  'app.info': {
    input: Empty,
    output: z.object({ version: z.string(), host: z.enum(['electron', 'web', 'cli']) }),
  },
  ...serverCommands,
  ...clientCommands,
  ...journalCommands,
  /**
   * Runs a teardown scenario over loopback: a server of its own on a free port (stopped once the
   * scenario is over) and our client; answers once both connections exist, and the scenario goes on
   * (its events arrive as journal.delta, as any connection's do).
   */
  'scenario.run': {
    input: z.object({ scenario: z.enum(TEARDOWN_SCENARIOS) }).strict(),
    output: z.object({ serverId: ServerId, clientConnId: ConnId, serverConnId: ConnId }),
  },
  /** The stored settings, section by section, and what went wrong reading them (never an error). */
  'settings.load': {
    input: Empty,
    output: z.object({ settings: StoredSettings, notices: z.array(SettingsNotice), file: z.string() }),
  },
  /** Stores one section, written atomically; fails with settings_unwritable. */
  'settings.save': { input: SectionSave, output: Empty },
  ...fileCommands,
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller may pass (defaults may be omitted). */
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
/** What the engine receives after the door has parsed it (defaults filled in). */
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

// ---- events (main -> renderer) -----------------------------------------------------------------

export const events = {
  /**
   * Journal changes, batched: at most a few per animation frame reach the renderer, never one
   * message per chunk. `events` are those of the connections the page watches (journal.watch;
   * a host with no page, the CLI, gets all). `conns` holds the latest summary of every connection that changed;
   * `dropped` names the connections the journal let go of whole (past its cap on closed
   * connections), so that a copy kept elsewhere can let go of them too.
   */
  'journal.delta': z.object({
    conns: z.array(ConnSummary),
    dropped: z.array(ConnId),
    events: z.array(JournalEvent),
    totals: JournalTotals,
  }),
  /**
   * A server started, stopped, failed, changed settings, or its counters moved (throttled like
   * journal.delta). `servers` is the whole current list.
   */
  'server.changed': z.object({ servers: z.array(ServerInfo) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;

export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
