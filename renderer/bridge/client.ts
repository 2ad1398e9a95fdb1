// Picks the transport once, at startup: the Electron preload's API if the page was loaded by the
// Electron host, otherwise a WebSocket back to the web host that served the page. Everything else
// in the renderer only sees the LinkedBridge this returns.
import type { PRELOAD_GLOBAL } from '../../shared/contract/bridge';
import { WS_PATH } from '../../shared/contract/wire-codec';
import type { LinkedBridge } from './bridge-types';
import { createIpcBridge, isPreloadApi } from './ipc-bridge';
import { createWsBridge } from './ws-bridge';

/**
 * The preload's global, spelt out rather than imported: contract.ts builds zod schemas as it loads,
 * and the renderer, which validates nothing, should not ship them. The type ties it to the contract,
 * so a renamed global is a compile error here.
 */
const PRELOAD_NAME: typeof PRELOAD_GLOBAL = 'wirebench';

export function createBridge(win: Window = window): LinkedBridge {
  const preload: unknown = (win as unknown as Record<string, unknown>)[PRELOAD_NAME];
  if (isPreloadApi(preload)) return createIpcBridge(preload);
  return createWsBridge({ url: doorUrl(win.location) });
}

/** ws(s)://<the page's host>/ws?token=<the token the web host printed in the page's URL>. */
export function doorUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const token = new URLSearchParams(location.search).get('token') ?? '';
  return `${scheme}://${location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
}
