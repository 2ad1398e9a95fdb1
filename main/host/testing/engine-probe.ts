// Drives an Engine the way a host does (through createHostDispatch) and records what it emits, so a
// test can wait for a state and then compare the journal with what the peers saw.
import type {
  CommandInput,
  CommandName,
  CommandOutput,
  ConnSummary,
  EventPayload,
  JournalEvent,
  ServerInfo,
} from '../../../shared/contract/contract';
import type { ServerSettingsPatch } from '../../../shared/server/settings';
import type { Dispatch } from '../dispatch';
import { Engine, type EngineOptions } from '../../engine/engine';
import { createHostDispatch, unrestrictedFiles } from '../host-handlers';
import { MemorySettingsStore } from '../../settings/settings-store';

export class EngineProbe {
  readonly engine: Engine;
  readonly dispatch: Dispatch;
  readonly deltas: EventPayload<'journal.delta'>[] = [];
  /** performance.now() at each delta, to check their spacing. */
  readonly deltaTimes: number[] = [];
  readonly serverChanges: EventPayload<'server.changed'>[] = [];
  /** performance.now() at each server.changed. */
  readonly serverChangeTimes: number[] = [];

  constructor(options: Partial<EngineOptions> = {}) {
    this.engine = new Engine({ host: 'cli', version: 'test', ...options });
    this.dispatch = createHostDispatch(this.engine, { settings: new MemorySettingsStore(), files: unrestrictedFiles(this.engine) }, (err) => console.error(err));
    this.engine.onEvent((name, payload) => {
      if (name === 'journal.delta') {
        this.deltas.push(payload as EventPayload<'journal.delta'>);
        this.deltaTimes.push(performance.now());
      } else {
        this.serverChanges.push(payload as EventPayload<'server.changed'>);
        this.serverChangeTimes.push(performance.now());
      }
    });
  }

  /** Runs a command through the door; throws with the error code if it fails. */
  async call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
    const result = await this.dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value as CommandOutput<N>;
  }

  /** Starts a server on 127.0.0.1, an ephemeral port, with these settings (the rest: defaults). */
  async startServer(settings: ServerSettingsPatch = {}): Promise<ServerInfo> {
    return this.call('server.start', { host: '127.0.0.1', port: 0, settings });
  }

  /** The server as journal.snapshot shows it now. */
  async serverInfo(serverId: string): Promise<ServerInfo> {
    const found = (await this.call('journal.snapshot', {})).servers.find((s) => s.serverId === serverId);
    if (!found) throw new Error(`no server ${serverId}`);
    return found;
  }

  async events(connId: string): Promise<JournalEvent[]> {
    return (await this.call('journal.events', { connId })).events;
  }

  async conns(): Promise<ConnSummary[]> {
    return (await this.call('journal.snapshot', {})).conns;
  }

  async conn(connId: string): Promise<ConnSummary> {
    const found = (await this.conns()).find((c) => c.connId === connId);
    if (!found) throw new Error(`no connection ${connId}`);
    return found;
  }

  /** Polls until `check` returns a value that is not undefined/false, or fails after timeoutMs. */
  async waitFor<T>(
    what: string,
    check: () => T | undefined | false | Promise<T | undefined | false>,
    timeoutMs = 8000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The nth server-role connection (in opening order) once it exists. */
  serverConn(index = 0): Promise<ConnSummary> {
    return this.waitFor(`server connection #${index}`, async () =>
      (await this.conns()).filter((c) => c.role === 'server')[index],
    );
  }

  /** Waits until the connection's journal has an event of this kind. */
  waitForKind(connId: string, kind: JournalEvent['kind']): Promise<JournalEvent[]> {
    return this.waitFor(`${connId} ${kind}`, async () => {
      const events = await this.events(connId);
      return events.some((e) => e.kind === kind) && events;
    });
  }
}

/** Each event as a short word: `data in`, `note answered`, `timeout idle`, `queued 2`, `fin_sent`, ... */
export const kinds = (events: readonly JournalEvent[]): string[] =>
  events.map((e) => {
    switch (e.kind) {
      case 'data':
        return `data ${e.dir}`;
      case 'note':
        return `note ${e.code}`;
      case 'timeout':
        return `timeout ${e.which}`;
      case 'queued':
        return `queued ${e.position}`;
      default:
        return e.kind;
    }
  });

/** What crossed the wire or happened to the socket, without the server's notes. */
export const wireKinds = (events: readonly JournalEvent[]): string[] =>
  kinds(events.filter((e) => e.kind !== 'note'));

/** The notes the server journaled, as `code` or `code key=value ...`. */
export const notes = (events: readonly JournalEvent[]): string[] =>
  events.flatMap((e) =>
    e.kind === 'note'
      ? [[e.code, ...Object.entries(e.params).map(([k, v]) => `${k}=${v}`)].join(' ')]
      : [],
  );

/** The concatenated payload of one direction (stored payloads only). */
export function payload(events: readonly JournalEvent[], dir: 'in' | 'out'): Buffer {
  return Buffer.concat(events.flatMap((e) => (e.kind === 'data' && e.dir === dir && e.bytes ? [e.bytes] : [])));
}

/**
 * Text as the exact bytes a person would type, one byte per character. A fresh Uint8Array (not a
 * Buffer or TextEncoder view) because the contract's byte type is a plain ArrayBuffer-backed one.
 */
export const ascii = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(text, 'latin1'));
