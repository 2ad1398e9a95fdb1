// Our Engine as the benchmark drives it: journal on, through the same door as every host
// (createHostDispatch), answering one canned answer with the policy under test. A file of its
// own so that bench/built-engine.ts can bundle it as the app ships the engine.
import type { JournalTotals } from '../shared/contract/contract';
import type { ServerSettingsPatch } from '../shared/server/settings';
import type { Dispatch } from '../main/host/dispatch';
import { Engine, type EngineOptions } from '../main/engine/engine';
import { createHostDispatch, unrestrictedFiles } from '../main/host/host-handlers';
import { MemorySettingsStore } from '../main/settings/settings-store';
import type { Policy } from './bare-server';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export interface EngineServer extends RunningServer {
  engine: Engine;
  dispatch: Dispatch;
  /** Journal events the host was handed (in journal.delta batches), as a UI would be. */
  eventsSeen(): number;
  journal(): Promise<{ totals: JournalTotals; retained: number; open: number; served: number }>;
}

/** Our server, journal on, answering `response` with the policy; a host-like listener attached. */
export async function startEngineServer(
  response: Uint8Array,
  policy: Policy,
  options: Partial<EngineOptions> = {},
): Promise<EngineServer> {
  // Kernel states off (the CLI host's default, said out loud): a bench measures the engine, not /proc reads.
  const engine = new Engine({ host: 'cli', version: 'bench', kernelStates: false, ...options });
  let events = 0;
  // What a host does with every delta, minus the transport: look at each event once.
  engine.onEvent((name, payload) => {
    if (name === 'journal.delta') events += (payload as { events: unknown[] }).events.length;
  });
  const dispatch = createHostDispatch(engine, { settings: new MemorySettingsStore(), files: unrestrictedFiles(engine) }, (err) => console.error(err));
  // close: the lesson's single recv(), then FIN and release. keep_alive: each request framed in
  // full (RFC 9112 section 6), answered, and the connection kept (section 9.3).
  const settings: ServerSettingsPatch =
    policy === 'close'
      ? { responder: { kind: 'canned', bytes: response }, answerWhen: 'first_chunk', after: 'close' }
      : { responder: { kind: 'canned', bytes: response }, answerWhen: 'request_end', after: 'keep_alive' };
  // The backlog node:net uses by default, so that the two Node servers queue alike.
  const started = await dispatch('server.start', { host: '127.0.0.1', port: 0, backlog: 511, settings });
  if (!started.ok) throw new Error(`server.start failed: ${JSON.stringify(started.error)}`);
  const { port, serverId } = started.value as { port: number; serverId: string };
  return {
    port,
    engine,
    dispatch,
    eventsSeen: () => events,
    journal: async () => {
      const snap = await dispatch('journal.snapshot', {});
      if (!snap.ok) throw new Error('journal.snapshot failed');
      const { totals, conns, servers } = snap.value as {
        totals: JournalTotals;
        conns: { closed: boolean }[];
        servers: { serverId: string; stats?: { served: number } }[];
      };
      const served = servers.find((s) => s.serverId === serverId)?.stats?.served ?? -1;
      return { totals, retained: conns.length, open: conns.filter((c) => !c.closed).length, served };
    },
    close: () => engine.close(),
  };
}
