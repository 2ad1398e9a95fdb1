// The headers every page of Wirebench is served with, by the web host and by the Electron host's
// app:// scheme: the one source of the CSP (the page itself carries no <meta> copy). The renderer is a self-contained bundle: nothing inline, nothing from another origin, so the
// policy can be strict and a bug in the page cannot be turned into loading foreign script.

/** One policy for both hosts; `connect-src 'self'` also covers the same-origin WebSocket (CSP3). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // A byte viewer serves files whose bytes matter: never let the browser guess their type.
  'X-Content-Type-Options': 'nosniff',
  // The page URL carries the session token; it must not leak through Referer to anything.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
