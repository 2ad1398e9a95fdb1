// What the server panel's buttons do: check the form, ask the engine, record the outcome. The
// server list itself is the engine's (`server.changed`); a started or restarted server is put in
// the list at once, so the panel does not wait for the event.
import type { Bridge } from '../../../shared/contract/bridge';
import type { Result, ServerInfo } from '../../../shared/contract/contract';
import { errorMessage } from '../../store/message';
import { checkListen, checkSettings, sameSettings } from '../../store/server-draft';
import { selectSelectedServer, stopTarget } from '../../store/servers-slice';
import type { ServerAction } from '../../store/state-types';
import type { WirebenchStore } from '../../store/store';

export async function startServer(bridge: Bridge, store: WirebenchStore): Promise<void> {
  const s = store.getState();
  const listen = checkListen(s.serverDraft);
  if (!listen.ok) return s.setServerError({ message: listen.problem.message, action: { kind: 'start' } });
  const settings = checkSettings(s.serverDraft);
  if (!settings.ok) return s.setServerError({ message: settings.problem.message, action: { kind: 'start' } });
  await run(store, { kind: 'start' }, () => bridge.invoke('server.start', { ...listen.value, settings: settings.value }));
}

/**
 * Listens again. From the form: on the host, port and backlog typed there. From a row (`sameListen`):
 * where it listened before, with its settings as they are.
 */
export async function restartServer(bridge: Bridge, store: WirebenchStore, serverId: string, sameListen = false): Promise<void> {
  const s = store.getState();
  const action: ServerAction = { kind: 'restart', serverId };
  const info = s.servers.find((x) => x.serverId === serverId);
  if (sameListen || !info) {
    await run(store, action, () => bridge.invoke('server.restart', { serverId, exposeToNetwork: info?.exposed ?? false }));
    return;
  }
  const listen = checkListen(s.serverDraft);
  if (!listen.ok) return s.setServerError({ message: listen.problem.message, action });
  await run(store, action, () => bridge.invoke('server.restart', { serverId, ...listen.value }));
}

export async function stopServer(bridge: Bridge, store: WirebenchStore, serverId: string): Promise<void> {
  await run(store, { kind: 'stop' }, async () => {
    const result = await bridge.invoke('server.stop', { serverId });
    return result.ok ? { ok: true, value: null } : result;
  });
}

/** The panel's Stop: the edited server, or the only one running. */
export async function stopSelected(bridge: Bridge, store: WirebenchStore): Promise<void> {
  const target = stopTarget(store.getState());
  if (target) await stopServer(bridge, store, target.serverId);
}

/**
 * Sends the form's settings to the edited server (server.update), unless they are what it has
 * already: the engine applies them from its next connection.
 */
export async function applySettings(bridge: Bridge, store: WirebenchStore): Promise<void> {
  const s = store.getState();
  const server = selectSelectedServer(s);
  if (!server) return;
  const settings = checkSettings(s.serverDraft);
  if (!settings.ok) {
    s.setServerApply('failed');
    return s.setServerError({ message: settings.problem.message, action: { kind: 'update' } });
  }
  if (sameSettings(settings.value, server.settings)) {
    // Back to what the server has (or an update already landed): nothing to send, nothing wrong.
    if (s.serverError?.action.kind === 'update') s.setServerError(null);
    return;
  }
  s.setServerApply('applying');
  const result = await bridge.invoke('server.update', { serverId: server.serverId, settings: settings.value });
  const after = store.getState();
  if (result.ok) {
    after.setServers(after.servers.map((x) => (x.serverId === result.value.serverId ? result.value : x)));
    after.setServerApply('applied');
    if (after.serverError?.action.kind === 'update') after.setServerError(null);
  } else {
    after.setServerApply('failed');
    after.setServerError({ message: errorMessage(result.error), action: { kind: 'update' } });
  }
}

/** "Use port N" under a port-in-use error: the same action again, on the port offered. */
export async function retryOnPort(bridge: Bridge, store: WirebenchStore, action: ServerAction, port: number): Promise<void> {
  store.getState().editServerDraft({ port: String(port) });
  if (action.kind === 'start') await startServer(bridge, store);
  else if (action.kind === 'restart') await restartServer(bridge, store, action.serverId);
}

/** A command whose answer is the server as it now is (start, restart), or nothing (stop). */
type ServerCall = () => Promise<Result<ServerInfo | null>>;

async function run(store: WirebenchStore, action: ServerAction, call: ServerCall): Promise<void> {
  store.getState().setServerBusy(true);
  const result = await call();
  const after = store.getState();
  after.setServerBusy(false);
  if (!result.ok) return after.setServerError({ message: errorMessage(result.error), action });
  after.setServerError(null);
  if (result.value) after.serverStarted(result.value);
}
