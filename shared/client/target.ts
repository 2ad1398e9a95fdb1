// Where the client connects, as a person types it: `host port` (telnet's way), `host:port`,
// `[::1]:port`, or a URL (`http://localhost:8888/hello`). Lesson L2 splits a URL into scheme, host,
// port and path; so does this, and keeps the parts so the console can show them and fill in a
// request line with that path and a Host header. Pure: the renderer and the CLI share it.
// Hand-written rather than WHATWG `URL`: shared/ has neither DOM nor Node types, and `URL` would
// also normalise what a learner typed (lower-case the host, resolve `..` in the path), while the
// lesson is about the exact text.

export interface UrlParts {
  scheme: string;
  host: string;
  /** The port written in the URL, or null when the scheme's default applies. */
  explicitPort: number | null;
  /** Path and query as written, `/` when the URL has none (RFC 9112 section 3.2.1). */
  path: string;
}

export interface ClientTarget {
  /** As the socket wants it: an IPv6 literal without brackets. */
  host: string;
  port: number;
  /** Set when the target was a URL. */
  url: UrlParts | null;
}

export type TargetProblem = 'empty' | 'no_port' | 'bad_port' | 'bad_host' | 'bad_url' | 'scheme_not_http' | 'tls_not_supported';

export type TargetParse = { ok: true; target: ClientTarget } | { ok: false; problem: TargetProblem };

/** RFC 9110 section 4.2.1: http's default port. */
const HTTP_PORT = 80;
const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^#]*)(#.*)?$/;

export function parseTarget(text: string): TargetParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (trimmed.includes('://')) return parseUrl(trimmed);
  const words = trimmed.split(/\s+/);
  if (words.length === 2) return hostAndPort(words[0] as string, words[1] as string);
  if (words.length > 2) return { ok: false, problem: 'bad_host' };
  // One word: host:port or [v6]:port. A bare IPv6 literal (two colons or more) has no port.
  const bracketed = /^\[([^\]]*)\]:(.*)$/.exec(trimmed);
  if (bracketed) return hostAndPort(`[${bracketed[1] ?? ''}]`, bracketed[2] ?? '');
  const colons = trimmed.split(':').length - 1;
  if (colons === 1) {
    const at = trimmed.indexOf(':');
    return hostAndPort(trimmed.slice(0, at), trimmed.slice(at + 1));
  }
  return checkHost(trimmed) === null ? { ok: false, problem: 'bad_host' } : { ok: false, problem: 'no_port' };
}

/** The request line a URL stands for, and its Host header (RFC 9112 sections 3.2 and 3.2.1). */
export function requestForUrl(url: UrlParts): { requestLine: string; hostHeader: string } {
  const host = url.host.includes(':') ? `[${url.host}]` : url.host;
  return {
    requestLine: `GET ${url.path} HTTP/1.1`,
    hostHeader: url.explicitPort === null ? host : `${host}:${url.explicitPort}`,
  };
}

/** How the target reads back: `host port`, with brackets around an IPv6 literal. */
export function formatTarget(target: Pick<ClientTarget, 'host' | 'port'>): string {
  return target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
}

function parseUrl(text: string): TargetParse {
  const match = URL_SHAPE.exec(text);
  if (!match) return { ok: false, problem: 'bad_url' };
  const scheme = (match[1] ?? '').toLowerCase();
  // Raw TCP speaks plain HTTP only: the bytes of a TLS handshake are not something to type.
  if (scheme === 'https') return { ok: false, problem: 'tls_not_supported' };
  if (scheme !== 'http') return { ok: false, problem: 'scheme_not_http' };
  const authority = match[2] ?? '';
  // userinfo@ is deprecated in http URLs (RFC 9110 section 4.2.4): refused rather than sent.
  if (authority.includes('@')) return { ok: false, problem: 'bad_url' };
  const v6 = /^\[([^\]]*)\](?::(.*))?$/.exec(authority);
  const hostText = v6 ? `[${v6[1] ?? ''}]` : authority.split(':')[0] ?? '';
  const portText = v6 ? v6[2] : authority.includes(':') ? authority.slice(authority.indexOf(':') + 1) : undefined;
  const host = checkHost(hostText);
  if (host === null) return { ok: false, problem: 'bad_host' };
  let explicitPort: number | null = null;
  if (portText !== undefined && portText !== '') {
    explicitPort = checkPort(portText);
    if (explicitPort === null) return { ok: false, problem: 'bad_port' };
  }
  const path = match[3] === undefined || match[3] === '' ? '/' : match[3].startsWith('?') ? `/${match[3]}` : match[3];
  return {
    ok: true,
    target: { host, port: explicitPort ?? HTTP_PORT, url: { scheme, host, explicitPort, path } },
  };
}

function hostAndPort(hostText: string, portText: string): TargetParse {
  const host = checkHost(hostText);
  if (host === null) return { ok: false, problem: 'bad_host' };
  if (portText === '') return { ok: false, problem: 'no_port' };
  const port = checkPort(portText);
  if (port === null) return { ok: false, problem: 'bad_port' };
  return { ok: true, target: { host, port, url: null } };
}

/** A host as the contract accepts it (no spaces, no slashes, at most 253 chars), brackets removed. */
function checkHost(text: string): string | null {
  const host = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (host === '' || host.length > 253 || /[\s/[\]@]/.test(host)) return null;
  // A colon belongs only in an IPv6 literal.
  if (host.includes(':') && !/^[0-9A-Fa-f:.]+(%[\w.-]+)?$/.test(host)) return null;
  return host;
}

function checkPort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}
