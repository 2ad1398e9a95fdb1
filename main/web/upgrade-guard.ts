// Decides whether a WebSocket upgrade may reach the door. The door can start servers and open
// connections on this machine, so three independent checks must all pass:
// - Host: the name the browser thinks it is talking to. A DNS-rebinding page (evil.example whose
//   name later resolves to 127.0.0.1) reaches our port with `Host: evil.example:PORT`; refusing
//   names we do not answer to defeats it, since rebinding needs a DNS name, never an IP literal.
// - Origin: browsers always send it on WebSocket upgrades, and a page of another origin may open a
//   WebSocket to any port (the same-origin policy does not apply to WebSockets).
// - The per-run token from the printed URL: only someone who saw it (the person who started us)
//   can connect. It is compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { WS_PATH } from '../../shared/contract/wire-codec';
import { isLoopbackHost } from '../engine/listen-address';

export type GuardVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403 | 404 };

export interface GuardOptions {
  token: string;
  /** The address the HTTP server is bound to, as given to listen(). */
  boundHost: string;
  /** The port it actually listens on (after port 0 was resolved). */
  port: number;
  /** Names besides IP literals and localhost that reach us when bound beyond loopback (hostname). */
  extraHostNames?: readonly string[];
}

export interface UpgradeRequestLike {
  url?: string | undefined;
  headers: { host?: string | undefined; origin?: string | undefined };
}

export function createUpgradeGuard(options: GuardOptions): (req: UpgradeRequestLike) => GuardVerdict {
  const tokenDigest = digest(options.token);
  const acceptsName = hostNameFilter(options);
  return (req) => {
    const url = parseTarget(req.url);
    if (!url) return { ok: false, status: 400 };
    if (url.pathname !== WS_PATH) return { ok: false, status: 404 };

    const host = parseHostHeader(req.headers.host);
    if (!host || host.port !== options.port || !acceptsName(host.name)) return { ok: false, status: 403 };

    // Same origin means the page came from exactly the host:port this request is addressed to.
    const origin = req.headers.origin;
    if (origin !== undefined && !isSameOrigin(origin, host)) return { ok: false, status: 403 };

    const token = url.searchParams.get('token');
    if (token === null || !timingSafeEqual(digest(token), tokenDigest)) return { ok: false, status: 401 };
    return { ok: true };
  };
}

function hostNameFilter(options: GuardOptions): (name: string) => boolean {
  const bound = stripBrackets(options.boundHost.toLowerCase());
  if (isLoopbackHost(bound)) {
    // Bound to loopback: only the loopback names that lead to this very socket.
    const names = new Set(['localhost', bound]);
    if (bound === 'localhost') ['127.0.0.1', '::1'].forEach((n) => names.add(n));
    return (name) => names.has(name);
  }
  const extra = new Set((options.extraHostNames ?? []).map((n) => n.toLowerCase()));
  return (name) => name === 'localhost' || isIP(name) !== 0 || extra.has(name);
}

interface HostHeader {
  /** Lower case, IPv6 without brackets. */
  name: string;
  port: number;
}

/** RFC 9112 section 3.2: Host is `uri-host [ ":" port ]`; an absent port means 80 for http. */
export function parseHostHeader(value: string | undefined): HostHeader | null {
  if (!value) return null;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]/@]+)(?::(\d{1,5}))?$/.exec(value);
  if (!m || m[1] === undefined) return null;
  const port = m[2] === undefined ? 80 : Number(m[2]);
  if (port > 65535) return null;
  return { name: stripBrackets(m[1].toLowerCase()), port };
}

function isSameOrigin(origin: string, host: HostHeader): boolean {
  let url: URL;
  try {
    url = new URL(origin); // "null" (sandboxed frames, file: pages) does not parse: refused
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' || url.pathname !== '/' || url.username || url.password) return false;
  const port = url.port === '' ? 80 : Number(url.port);
  return stripBrackets(url.hostname.toLowerCase()) === host.name && port === host.port;
}

function parseTarget(target: string | undefined): URL | null {
  if (!target || !target.startsWith('/')) return null;
  try {
    return new URL(target, 'http://door.invalid');
  } catch {
    return null;
  }
}

function stripBrackets(name: string): string {
  return name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
}

/** Fixed-length digests, so the comparison takes the same time whatever the guess's length. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
