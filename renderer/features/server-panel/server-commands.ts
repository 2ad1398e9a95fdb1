// What the server panel's buttons do: check the fields, ask the engine, record the outcome. The
// server list itself is the engine's (`server.changed`); a started server is added at once so the
// status does not wait for the event.
import type { Bridge } from '../../../shared/contract';
import { parseHost, parsePort } from '../../lib/endpoint-input';
import { errorMessage } from '../../store/message';
import { listeningServers } from '../../store/servers-slice';
import type { WirebenchStore } from '../../store/store';

export async function startServer(bridge: Bridge, store: WirebenchStore): Promise<void> {
  const s = store.getState();
  const host = parseHost(s.serverTarget.host);
  // Port 0 is allowed: the OS picks a free port, which the status then shows.
  const port = parsePort(s.serverTarget.port, 0);
  if (host === null) return s.setServerError({ key: 'ui.form.badHost', params: {} });
  if (port === null) return s.setServerError({ key: 'ui.form.badPort', params: { min: 0 } });
  s.setServerBusy(true);
  const result = await bridge.invoke('server.start', { host, port });
  const after = store.getState();
  after.setServerBusy(false);
  if (result.ok) {
    after.setServerError(null);
    after.serverStarted(result.value);
  } else {
    after.setServerError(errorMessage(result.error));
  }
}

/** Stops every listening server (the panel shows them as one status line). */
export async function stopServers(bridge: Bridge, store: WirebenchStore): Promise<void> {
  const s = store.getState();
  s.setServerBusy(true);
  const results = await Promise.all(
    listeningServers(s.servers).map((x) => bridge.invoke('server.stop', { serverId: x.serverId })),
  );
  const after = store.getState();
  after.setServerBusy(false);
  const failed = results.find((r) => !r.ok);
  after.setServerError(failed && !failed.ok ? errorMessage(failed.error) : null);
}
