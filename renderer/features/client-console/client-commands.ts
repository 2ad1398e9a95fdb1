// What the client console does: connect, send a typed line, and the three ways to end a
// connection. Errors become sentences in the console; the connection's fate shows in its journal.
import type { Bridge } from '../../../shared/contract';
import { utf8Encode } from '../../../shared/bytes';
import { parseHost, parsePort } from '../../lib/endpoint-input';
import { errorMessage } from '../../store/message';
import type { WirebenchStore } from '../../store/store';

export async function connectClient(bridge: Bridge, store: WirebenchStore): Promise<void> {
  const s = store.getState();
  const host = parseHost(s.clientTarget.host);
  const port = parsePort(s.clientTarget.port, 1);
  if (host === null) return s.setClientError({ key: 'ui.form.badHost', params: {} });
  if (port === null) return s.setClientError({ key: 'ui.form.badPort', params: { min: 1 } });
  s.clientConnectStarted();
  const result = await bridge.invoke('client.connect', { host, port });
  if (result.ok) store.getState().clientConnected(result.value);
  else store.getState().setClientError(errorMessage(result.error));
}

/**
 * Sends one typed line the way telnet does in line mode: the text, then CR LF (RFC 9112 section
 * 2.2: HTTP/1.1 lines end in CRLF). An empty line sends just CR LF: the blank line that ends a
 * request's headers.
 */
export async function sendLine(bridge: Bridge, store: WirebenchStore, text: string): Promise<void> {
  const connId = store.getState().clientConnId;
  if (connId === null) return;
  const result = await bridge.invoke('client.send', { connId, bytes: utf8Encode(`${text}\r\n`) });
  store.getState().setClientError(result.ok ? null : errorMessage(result.error));
}

export type Teardown = 'client.halfClose' | 'client.close' | 'client.reset';

export async function tearDown(bridge: Bridge, store: WirebenchStore, how: Teardown): Promise<void> {
  const connId = store.getState().clientConnId;
  if (connId === null) return;
  const result = await bridge.invoke(how, { connId });
  store.getState().setClientError(result.ok ? null : errorMessage(result.error));
}
