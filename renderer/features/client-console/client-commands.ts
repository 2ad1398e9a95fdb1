// What a client session does: connect to its target, send bytes, and the three ways to end a
// connection. Errors become sentences in the session; the connection's fate shows in its journal.
import type { Bridge } from '../../../shared/contract/bridge';
import { CONNECT_TIMEOUT } from '../../../shared/contract/contract';
import { parseTarget, requestForUrl, type TargetProblem, type UrlParts } from '../../../shared/client/target';
import type { ClientSession } from '../../store/state-types';
import { errorMessage } from '../../store/message';
import type { WirebenchStore } from '../../store/store';

export async function connectSession(bridge: Bridge, store: WirebenchStore, id: string): Promise<void> {
  const session = store.getState().sessions.find((s) => s.id === id);
  if (!session) return;
  const fail = (problem: TargetProblem | 'timeout', params: Record<string, string | number> = {}): void =>
    store.getState().patchSession(id, { error: { key: `ui.client.target.${problem}`, params }, connecting: false });
  const parsed = parseTarget(session.targetText);
  if (!parsed.ok) return fail(parsed.problem);
  const seconds = Number(session.timeoutText.trim());
  const timeoutMs = Math.round(seconds * 1000);
  if (!Number.isFinite(seconds) || timeoutMs < CONNECT_TIMEOUT.minMs || timeoutMs > CONNECT_TIMEOUT.maxMs) {
    return fail('timeout', { min: CONNECT_TIMEOUT.minMs / 1000, max: CONNECT_TIMEOUT.maxMs / 1000 });
  }
  const { host, port, url } = parsed.target;
  store.getState().sessionConnectStarted(id);
  const result = await bridge.invoke('client.connect', { host, port, timeoutMs });
  const s = store.getState();
  if (!result.ok) return s.patchSession(id, { connecting: false, error: errorMessage(result.error) });
  const { resolution, ...summary } = result.value;
  s.sessionConnected(id, summary, resolution, url);
  // A URL stands for a request: offer it, ready to edit and send, unless something is typed already.
  const now = store.getState().sessions.find((x) => x.id === id);
  if (url && now && now.draft === '') s.patchSession(id, urlRequestDraft(url));
}

/** The request a URL stands for, as a draft: its request line, its Host, and the blank line. */
export function urlRequestDraft(url: UrlParts): Pick<ClientSession, 'draft' | 'mode' | 'finalEnding'> {
  const { requestLine, hostHeader } = requestForUrl(url);
  return { draft: `${requestLine}\nHost: ${hostHeader}\n`, mode: 'line', finalEnding: true };
}

/** Sends exact bytes on the session's connection; `typed` is what goes into its history. */
export async function sendBytes(bridge: Bridge, store: WirebenchStore, id: string, bytes: Uint8Array, typed: string | null): Promise<boolean> {
  const session = store.getState().sessions.find((s) => s.id === id);
  if (!session?.connId) return false;
  if (bytes.length === 0) {
    store.getState().patchSession(id, { error: { key: 'ui.client.nothingToSend', params: {} } });
    return false;
  }
  // The line is taken out of the input as it is sent, not once the send is answered: a learner
  // typing the next line meanwhile would otherwise see it wiped, and Enter would send nothing.
  const clearsDraft = typed !== null && session.draft === typed;
  if (clearsDraft) store.getState().patchSession(id, { draft: '' });
  const result = await bridge.invoke('client.send', { connId: session.connId, bytes });
  if (!result.ok) {
    // Nothing went out: the line comes back, unless something else has been typed since.
    const untouched = clearsDraft && store.getState().sessions.find((s) => s.id === id)?.draft === '';
    store.getState().patchSession(id, { error: errorMessage(result.error), ...(untouched ? { draft: typed } : {}) });
    return false;
  }
  if (typed !== null) store.getState().sessionSent(id, typed);
  return true;
}

export type Teardown = 'client.halfClose' | 'client.close' | 'client.reset';

export async function tearDown(bridge: Bridge, store: WirebenchStore, id: string, how: Teardown): Promise<void> {
  const connId = store.getState().sessions.find((s) => s.id === id)?.connId;
  if (!connId) return;
  const result = await bridge.invoke(how, { connId });
  store.getState().patchSession(id, { error: result.ok ? null : errorMessage(result.error) });
}
