// The teardown scenarios (shared/teardown/tcp-states.ts), each played by our own server and our own
// client over loopback, as an instructor would play them by hand: a server of the scenario's own on
// a free port, our client connecting to it, then each side's moves. scenario.run answers as soon as
// both connections exist; the rest goes on, and its events reach the renderer as any do.
import type { JournalEvent } from '../../../shared/contract/contract';
import { HTTP_KEEP_ALIVE, L1_HELLO_WORLD } from '../../../shared/server/presets';
import type { ServerSettingsPatch } from '../../../shared/server/settings';
import type { TeardownScenario } from '../../../shared/teardown/tcp-states';
import type { EngineHandlers } from '../engine-handlers';

export interface ScenarioDeps {
  handlers: EngineHandlers;
  /** Resolves with the connection's journal once `seen` holds for it (checked at each new event). */
  waitFor(connId: string, seen: (events: readonly JournalEvent[]) => boolean, timeoutMs?: number): Promise<readonly JournalEvent[]>;
  /** Server-side connections: the first one a server accepted, once it has. */
  acceptedBy(serverId: string): Promise<string>;
  /** Our end of a server-side connection: what the scenario's server does outside its settings. */
  serverSide(connId: string): { halfClose(): void } | null;
  /** A note in a connection's journal, saying what the scenario's client decided. */
  note(connId: string, ms: number): void;
}

export interface ScenarioRun {
  serverId: string;
  clientConnId: string;
  serverConnId: string;
}

/** How long the client waits for an answer before it gives up, in server_hangs_client_times_out. */
export const CLIENT_PATIENCE_MS = 1500;

/**
 * How long our client takes to react to the server's FIN (lesson L1: it prints what it read, then
 * closes). Without it the client would close within a millisecond, and the states in between
 * (the client's CLOSE_WAIT, the server's FIN_WAIT_2) would last less than one read of the
 * kernel's table takes (2 to 15 ms): the diagram would never show them from the kernel.
 */
export const CLIENT_REACTS_MS = 100;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const REQUEST = ascii('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
const has = (kind: JournalEvent['kind']) => (events: readonly JournalEvent[]) => events.some((e) => e.kind === kind);
const bytesIn = (events: readonly JournalEvent[]): number => events.reduce((n, e) => (e.kind === 'data' && e.dir === 'in' ? n + e.length : n), 0);

interface Plan {
  server: ServerSettingsPatch;
  /** What the client (and, for a simultaneous close, the server) does once connected. */
  play(run: ScenarioRun, deps: ScenarioDeps): Promise<void>;
}

const PLANS: Record<TeardownScenario, Plan> = {
  // Lesson L1: the server answers the first chunk and shuts down its write side; the client reads
  // to EOF, then closes. The server closed first, so its side ends in TIME_WAIT.
  server_closes_first: {
    server: { responder: { kind: 'canned', bytes: L1_HELLO_WORLD.bytes }, answerWhen: 'first_chunk', after: 'half_close' },
    async play({ clientConnId }, deps) {
      await deps.handlers['client.send']({ connId: clientConnId, bytes: REQUEST });
      await deps.waitFor(clientConnId, has('peer_fin'));
      await pause(CLIENT_REACTS_MS);
      await deps.handlers['client.close']({ connId: clientConnId });
    },
  },
  // The client sends its request and half-closes at once; the server answers on the client's FIN
  // and closes. The client can still receive after its FIN: it gets the whole answer.
  client_half_closes_first: {
    server: { responder: { kind: 'canned', bytes: L1_HELLO_WORLD.bytes }, answerWhen: 'peer_fin', after: 'close' },
    async play({ clientConnId }, deps) {
      await deps.handlers['client.send']({ connId: clientConnId, bytes: REQUEST });
      await deps.handlers['client.halfClose']({ connId: clientConnId });
      await deps.waitFor(clientConnId, has('peer_fin'));
      await deps.handlers['client.close']({ connId: clientConnId });
    },
  },
  // Two requests on one connection (Content-Length frames each answer), then the client closes;
  // the server sees EOF while waiting for a third request and closes too.
  keep_alive_client_closes: {
    server: { responder: { kind: 'canned', bytes: HTTP_KEEP_ALIVE.bytes }, answerWhen: 'request_end', after: 'keep_alive' },
    async play({ clientConnId }, deps) {
      const answer = HTTP_KEEP_ALIVE.bytes.length;
      for (let n = 1; n <= 2; n++) {
        await deps.handlers['client.send']({ connId: clientConnId, bytes: REQUEST });
        await deps.waitFor(clientConnId, (events) => bytesIn(events) >= n * answer);
      }
      await deps.handlers['client.halfClose']({ connId: clientConnId });
      await deps.waitFor(clientConnId, has('peer_fin'));
      await deps.handlers['client.close']({ connId: clientConnId });
    },
  },
  // The server answers and then aborts with RST. Node reports the reset to a reader as the end of
  // the stream (an `end`, as a FIN would be): the kernel's state (CLOSED at once, not CLOSE_WAIT)
  // and the server's own journal (rst_sent) tell the two apart. The client then closes.
  server_resets: {
    server: { responder: { kind: 'canned', bytes: L1_HELLO_WORLD.bytes }, answerWhen: 'request_end', after: 'reset' },
    async play({ clientConnId }, deps) {
      await deps.handlers['client.send']({ connId: clientConnId, bytes: REQUEST });
      await deps.waitFor(clientConnId, (events) => events.some((e) => e.kind === 'peer_fin' || e.kind === 'closed'));
      await deps.handlers['client.close']({ connId: clientConnId });
    },
  },
  // The server drips its answer; the client resets after the first piece arrives.
  client_resets_mid_response: {
    server: {
      responder: { kind: 'canned', bytes: L1_HELLO_WORLD.bytes },
      answerWhen: 'request_end',
      after: 'drip',
      dripBytes: 16,
      dripEveryMs: 150,
    },
    async play({ clientConnId, serverConnId }, deps) {
      await deps.handlers['client.send']({ connId: clientConnId, bytes: REQUEST });
      await deps.waitFor(clientConnId, (events) => bytesIn(events) > 0);
      await deps.handlers['client.reset']({ connId: clientConnId });
      await deps.waitFor(serverConnId, has('closed'), 5000);
    },
  },
  // The server never answers. The client waits CLIENT_PATIENCE_MS, gives up and closes (FIN);
  // the server, reading EOF, closes too.
  server_hangs_client_times_out: {
    server: { responder: { kind: 'canned', bytes: L1_HELLO_WORLD.bytes }, answerWhen: 'request_end', after: 'hang' },
    async play({ clientConnId }, deps) {
      await deps.handlers['client.send']({ connId: clientConnId, bytes: REQUEST });
      await pause(CLIENT_PATIENCE_MS);
      deps.note(clientConnId, CLIENT_PATIENCE_MS);
      await deps.handlers['client.close']({ connId: clientConnId });
    },
  },
  // Neither side answers anything: both shut down their write side in the same tick, meant as a
  // simultaneous close (RFC 9293 section 3.6: both FIN_WAIT_1, CLOSING, both TIME_WAIT). Over
  // loopback Linux delivers a FIN within the call that sends it, so the second FIN leaves from
  // CLOSE_WAIT: the kernel shows one side in TIME_WAIT and the other CLOSED, no CLOSING in our runs (the
  // journals' order, each side's fin_sent before its peer_fin, cannot tell the two apart).
  both_close_at_once: {
    server: { responder: { kind: 'canned', bytes: L1_HELLO_WORLD.bytes }, answerWhen: 'request_end', after: 'hang' },
    async play({ clientConnId, serverConnId }, deps) {
      deps.serverSide(serverConnId)?.halfClose();
      await deps.handlers['client.halfClose']({ connId: clientConnId });
      await deps.waitFor(clientConnId, has('peer_fin'));
      await deps.handlers['client.close']({ connId: clientConnId });
    },
  },
};

export async function runScenario(deps: ScenarioDeps, scenario: TeardownScenario): Promise<ScenarioRun> {
  const plan = PLANS[scenario];
  const server = await deps.handlers['server.start']({
    host: '127.0.0.1',
    port: 0,
    backlog: 5,
    exposeToNetwork: false,
    settings: { ...plan.server, halfCloseWaitMs: 5000, idleTimeoutMs: 0, headerTimeoutMs: 0 },
  });
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    void deps.handlers['server.stop']({ serverId: server.serverId }).catch(() => undefined);
  };
  try {
    const client = await deps.handlers['client.connect']({ host: '127.0.0.1', port: server.port, timeoutMs: 5000 });
    const serverConnId = await deps.acceptedBy(server.serverId);
    const run = { serverId: server.serverId, clientConnId: client.connId, serverConnId };
    // The rest plays out after the answer; its failures are the journal's to show, not a command's.
    void plan
      .play(run, deps)
      .catch(() => undefined)
      .finally(stop);
    return run;
  } catch (err) {
    stop();
    throw err;
  }
}
