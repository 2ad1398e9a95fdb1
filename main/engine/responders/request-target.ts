// The path part of a request-target (RFC 9112 section 3.2), as sent: still percent-encoded, query
// dropped. Origin-form (`/a/b?q`) is what browsers and curl send to a server; absolute-form
// (`http://127.0.0.1/romeo.txt`) is what lesson L1's hand-written client sends, and what clients
// send to proxies, and a server must accept it too (3.2.2).

/** The path, starting with '/', or null when the target names no path (`*`, `host:port`, junk). */
export function targetPath(target: string): string | null {
  if (target.startsWith('/')) return beforeQuery(target);
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  if (absolute === null) return null;
  const rest = beforeQuery(target.slice(absolute[0].length));
  return rest.length === 0 ? '/' : rest;
}

/** Cuts at `?` (the query) or `#` (a fragment, which a client should not send, RFC 9110 4.2.4). */
function beforeQuery(pathAndMore: string): string {
  const cut = pathAndMore.search(/[?#]/);
  return cut === -1 ? pathAndMore : pathAndMore.slice(0, cut);
}
