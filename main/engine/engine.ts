// The engine's façade, the only thing hosts use: one async handler per command of the contract
// (a host wraps them with createHostDispatch, which validates input first), and every event through onEvent.
// Plain Node: it never imports electron, so the Electron, web and terminal hosts share it as is.
import type { Socket } from 'node:net';
import { EVENTS_KEPT_PER_CONNECTION, type EventName, type EventPayload, type Resolution, type ServerInfo } from '../../shared/contract/contract';
import { type ResponderConfig } from '../../shared/server/settings';
import { DEFAULT_SERVER_SETTINGS, withSettings } from '../../shared/server/defaults';
import { CommandError } from './command-error';
import type { EngineHandlers } from './engine-handlers';
import { DeltaBatcher } from './delta-batcher';
import { HttpServer, type ListenAddress } from './http-server';
import { Journal } from './journal';
import { kernelStates, type KernelStates } from './kernel-tcp/kernel-states';
import { isLoopbackHost } from './listen-address';
import { LiveConnections } from './live-connections';
import type { Responder } from './responder';
import { createResponder } from './responders/create-responder';
import { refuseUnservableRoot } from './static-root-check';
import { runScenario, type ScenarioDeps } from './scenarios/run-scenario';
import { connectClient } from './telnet-client';
import { Throttle } from './throttle';

export type EngineEventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

export interface EngineOptions {
  host: 'electron' | 'web' | 'cli';
  version: string;
  /** Stored chunk payloads, all connections together; default 64 MiB. */
  payloadBudgetBytes?: number;
  /** Past this many closed connections, the oldest are dropped whole; default 1000. */
  maxClosedConnections?: number;
  /** Past this many events, a connection's oldest (after `opened`) are dropped; default EVENTS_KEPT_PER_CONNECTION. */
  maxEventsPerConnection?: number;
  /**
   * Past this many events, all connections together, those holding the most lose their oldest
   * (after `opened`); default 200,000 (some 60 MiB of heap at most: 500 kept-alive connections at
   * 5000 events each would hold 2.5 million).
   */
  maxEvents?: number;
  /** journal.delta batching interval, and the least time between two server.changed; default 16 (one frame). */
  deltaIntervalMs?: number;
  /** The sample document root shipped with the app (`app/docroot`): static mode's default. */
  sampleDocRoot?: string | null;
  /**
   * Read each closing connection's TCP state from the kernel (Linux) and journal it as tcp_state.
   * Default: on for the app's hosts (electron, web), off for the CLI (`wirebench serve`, benches),
   * where nobody draws a teardown diagram and a load test must pay nothing for it.
   */
  kernelStates?: boolean;
}

export class Engine {
  readonly handlers: EngineHandlers;
  private readonly listeners = new Set<EngineEventListener>();
  private readonly journal: Journal;
  private readonly batcher: DeltaBatcher;
  private readonly servers = new Map<string, HttpServer>();
  private readonly live: LiveConnections;
  private readonly connecting = new Set<Socket>();
  /** The kernel's TCP states of closing connections (null: off, or not Linux). */
  private readonly kernel: KernelStates | null;
  private nextServerId = 1;
  private shutdown: Promise<void> | null = null;
  /** server.changed: at once after a command, throttled when only counters move. */
  private readonly serversChanged: Throttle;

  constructor(private readonly options: EngineOptions) {
    const interval = options.deltaIntervalMs ?? 16;
    this.batcher = new DeltaBatcher(interval, (delta) => this.emit('journal.delta', delta));
    this.serversChanged = new Throttle(interval, () => this.emit('server.changed', { servers: this.serverInfos() }));
    this.journal = new Journal(
      {
        payloadBudgetBytes: options.payloadBudgetBytes ?? 64 * 1024 * 1024,
        maxClosedConnections: options.maxClosedConnections ?? 1000,
        maxEventsPerConnection: options.maxEventsPerConnection ?? EVENTS_KEPT_PER_CONNECTION,
        maxEvents: options.maxEvents ?? 200_000,
      },
      (connId, event) => {
        this.batcher.note(connId, event);
        if (event) this.kernel?.note(connId, event);
      },
    );
    this.kernel = (options.kernelStates ?? options.host !== 'cli') ? kernelStates(this.journal) : null;
    this.batcher.attach(this.journal);
    this.live = new LiveConnections(this.journal);
    this.handlers = this.createHandlers();
  }

  onEvent(listener: EngineEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops every server, destroys every socket, sends the last delta, and goes quiet. */
  close(): Promise<void> {
    this.shutdown ??= (async () => {
      for (const server of this.servers.values()) server.stop();
      this.servers.clear();
      for (const socket of this.connecting) socket.destroy();
      await this.live.destroyAll();
      this.kernel?.close();
      this.batcher.flush();
      this.batcher.dispose();
      this.serversChanged.now();
      this.listeners.clear();
    })();
    return this.shutdown;
  }

  private createHandlers(): EngineHandlers {
    return {
      'app.info': now(() => ({ version: this.options.version, host: this.options.host })),
      'server.start': async ({ host, port, backlog, exposeToNetwork, settings }) => {
        this.refuseAfterClose('server.start');
        refuseExposure(host, exposeToNetwork);
        await refuseUnservableRoot(settings.responder); // before anything listens
        const serverId = `s${this.nextServerId++}`;
        try {
          const server = await HttpServer.start({
            serverId,
            address: { host, port, backlog },
            settings: withSettings(DEFAULT_SERVER_SETTINGS, settings),
            makeResponder: (config) => this.makeResponder(config),
            adopt: (socket, id, local) => this.live.adopt(socket, 'server', id, local),
            onChange: () => this.serversChanged.poke(),
          });
          if (this.shutdown) {
            server.stop(); // the engine closed while we were binding: leave nothing listening
            this.refuseAfterClose('server.start');
          }
          this.servers.set(serverId, server);
          return server.info();
        } finally {
          this.serversChanged.now();
        }
      },
      'server.update': async ({ serverId, settings }) => {
        const server = this.server(serverId);
        await refuseUnservableRoot(settings.responder);
        server.update(settings);
        this.serversChanged.now();
        return server.info();
      },
      'server.restart': async ({ serverId, host, port, backlog, exposeToNetwork }) => {
        this.refuseAfterClose('server.restart');
        const server = this.server(serverId);
        const change: Partial<ListenAddress> = { host, port, backlog };
        refuseExposure(host ?? server.listenAddress.host, exposeToNetwork);
        try {
          await server.restart(change);
          return server.info();
        } finally {
          this.serversChanged.now();
        }
      },
      'server.stop': now(({ serverId }) => {
        this.server(serverId).stop();
        this.servers.delete(serverId);
        this.serversChanged.now();
        return {};
      }),
      'server.versions': now(({ serverId }) => ({ versions: this.server(serverId).versions() })),
      'scenario.run': ({ scenario }) => {
        this.refuseAfterClose('scenario.run');
        return runScenario(this.scenarioDeps(), scenario);
      },
      'client.connect': async ({ host, port, timeoutMs }) => {
        this.refuseAfterClose('client.connect');
        const { conn, resolution } = await connectClient({
          host,
          port,
          timeoutMs,
          adopt: (socket) => this.live.adopt(socket, 'client', null),
          pending: this.connecting,
        });
        conn.recordNote('resolved', resolvedNote(resolution));
        const summary = this.journal.summary(conn.connId);
        if (!summary) throw new CommandError('unknown_connection', { connId: conn.connId });
        return { ...summary, resolution };
      },
      'client.send': now(({ connId, bytes }) => {
        this.live.writableClient(connId).write(bytes);
        return { length: bytes.length };
      }),
      'client.halfClose': now(({ connId }) => {
        this.live.writableClient(connId).halfClose();
        return {};
      }),
      'client.close': now(({ connId }) => {
        // Closing what is already closed is done already, not an error.
        this.live.client(connId)?.closeWhenFlushed();
        return {};
      }),
      'client.reset': now(({ connId }) => {
        const conn = this.live.client(connId);
        if (!conn) throw new CommandError('not_writable', { connId, state: 'closed' });
        conn.reset();
        return {};
      }),
      'journal.snapshot': now(() => ({
        servers: this.serverInfos(),
        conns: this.journal.summaries(),
        totals: this.journal.totals(),
      })),
      'journal.events': now(({ connId }) => {
        const events = this.journal.events(connId);
        if (!events) throw new CommandError('unknown_connection', { connId });
        return { events };
      }),
      // Every event goes to the engine's listeners (a host that shows pages sends each page those
      // of the connections it watches: main/host/host-session.ts); this answers with the events so far.
      'journal.watch': now(({ watch }) => {
        const journals = [];
        const unknown = [];
        for (const { connId, fromSeq } of watch) {
          const events = this.journal.eventsFrom(connId, fromSeq);
          if (events) journals.push({ connId, events });
          else unknown.push(connId);
        }
        return { journals, unknown };
      }),
      'journal.payload': now(({ connId, dir, offset, length }) => {
        const range = this.journal.payload(connId, dir, offset, length);
        if (!range) throw new CommandError('unknown_connection', { connId });
        return range;
      }),
    };
  }

  /** What a teardown scenario plays with: the engine's own commands, and a look at its journal. */
  private scenarioDeps(): ScenarioDeps {
    const poll = async <T>(what: () => T | undefined, timeoutMs: number): Promise<T> => {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const found = what();
        if (found !== undefined) return found;
        if (performance.now() > deadline || this.shutdown) throw new CommandError('timed_out', { command: 'scenario.run', ms: timeoutMs });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    return {
      handlers: this.handlers,
      waitFor: (connId, seen, timeoutMs = 5000) =>
        poll(() => {
          const events = this.journal.events(connId);
          return events && seen(events) ? events : undefined;
        }, timeoutMs),
      acceptedBy: (serverId) => poll(() => this.journal.summaries().find((c) => c.serverId === serverId)?.connId, 5000),
      serverSide: (connId) => this.live.get(connId),
      note: (connId, ms) => this.live.get(connId)?.recordNote('client_gave_up', { ms }),
    };
  }

  private serverInfos(): ServerInfo[] {
    return Array.from(this.servers.values(), (s) => s.info());
  }

  private server(serverId: string): HttpServer {
    const server = this.servers.get(serverId);
    if (!server) throw new CommandError('unknown_server', { serverId });
    return server;
  }

  /** The sample site static mode serves when given no folder (null: none). */
  get sampleDocRoot(): string | null {
    return this.options.sampleDocRoot ?? null;
  }

  private makeResponder(config: ResponderConfig): Responder {
    return createResponder(config, { sampleRoot: this.sampleDocRoot });
  }

  private refuseAfterClose(command: string): void {
    if (this.shutdown) throw new CommandError('shutting_down', { command });
  }

  private emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const listener of this.listeners) {
      // One host's broken listener must not stop the others, nor the engine's own bookkeeping.
      try {
        listener(name, payload);
      } catch (err) {
        console.error(`wirebench engine: a listener for ${name} threw`, err);
      }
    }
  }
}

/**
 * Binding beyond loopback lets other machines talk to the server: only after an explicit choice.
 * A host name other than localhost counts as beyond: it may resolve to a public address.
 */
function refuseExposure(host: string, exposeToNetwork: boolean): void {
  if (!exposeToNetwork && !isLoopbackHost(host)) throw new CommandError('not_loopback', { host });
}

/**
 * A handler whose work is synchronous, as the async handler the contract wants: its result, or
 * the CommandError it throws, as a settled promise, without an `await` that would have nothing
 * to wait for.
 */
function now<I, O>(work: (input: I) => O): (input: I) => Promise<O> {
  return (input) => new Promise((resolve) => resolve(work(input)));
}

/** The `resolved` note's params: the resolution in a form the journal (strings, numbers) holds. */
function resolvedNote(resolution: Resolution): Record<string, string> {
  const failed = resolution.attempts.filter((a) => a.errno !== null);
  return {
    host: resolution.host,
    addresses: resolution.addresses.map((a) => a.address).join(' '),
    connected: resolution.attempts.find((a) => a.errno === null)?.address ?? '',
    // A dash, not a word: the catalog's sentence is the words, in the reader's language.
    failed: failed.length === 0 ? '—' : failed.map((a) => `${a.address} ${a.errno}`).join(', '),
  };
}
