// The pieces of a HAR entry read from a message: its URL, query string, cookies and body text.
import type { Field, HttpMessage } from '../http/annotate/annotation';
import { bytesToBase64 } from '../contract/wire-codec';
import type { CopyTarget } from './journal-messages';
import type { HarContent, HarCookie, HarNameValue } from './har-types';

/** The value of the first field of this name (names are case-insensitive, RFC 9110 section 5.1). */
export function fieldValue(fields: readonly Field[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return fields.find((f) => f.name.toLowerCase() === lower)?.value;
}

const URI_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/;

/**
 * Text as URI characters (RFC 3986 section 2): what is not one, and a `%` not starting an escape,
 * becomes %XX of its byte (the annotator reads one char per byte).
 */
function uriEscaped(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (URI_CHAR.test(c) || (c === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3)))) out += c;
    else out += `%${(text.charCodeAt(i) & 0xff).toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const AUTHORITY = /^[A-Za-z0-9\-._~!$&'()*+,;=:%[\]]+$/;

/**
 * HAR wants an absolute URL. An absolute-form target (RFC 9112 section 3.2.2, as in lesson L1) is
 * one already; an origin-form one is put after the Host field, or the server's address without one.
 * Authority-form (CONNECT) and asterisk-form (OPTIONS *) have no path: the URL is the server's root.
 */
export function requestUrl(message: HttpMessage, server: CopyTarget): string {
  const target = message.target ?? '';
  if (ABSOLUTE.test(target)) return uriEscaped(target);
  const host = fieldValue(message.fields, 'host');
  const address = server.host.includes(':') ? `[${server.host}]` : server.host;
  const authority = host && AUTHORITY.test(host) ? host : `${address}:${server.port}`;
  return `http://${authority}${target.startsWith('/') ? uriEscaped(target) : '/'}`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // not UTF-8 behind the escapes: as written
  }
}

/** name=value pairs split on `&` (the form encoding most queries use), percent escapes decoded. */
export function formPairs(text: string): HarNameValue[] {
  if (text === '') return [];
  return text.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? { name: decoded(pair), value: '' } : { name: decoded(pair.slice(0, eq)), value: decoded(pair.slice(eq + 1)) };
  });
}

export function queryString(message: HttpMessage): HarNameValue[] {
  const target = message.target ?? '';
  const q = target.indexOf('?');
  if (q < 0) return [];
  const hash = target.indexOf('#', q);
  return formPairs(target.slice(q + 1, hash < 0 ? undefined : hash));
}

/** The request's cookies: every Cookie field's `name=value` pairs (RFC 6265 section 5.4). */
export function requestCookies(fields: readonly Field[]): HarCookie[] {
  return fields
    .filter((f) => f.name.toLowerCase() === 'cookie')
    .flatMap((f) => f.value.split(';'))
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? { name: '', value: pair } : { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
    });
}

/** Each Set-Cookie field as a cookie with its attributes (RFC 6265 section 5.2). */
export function responseCookies(fields: readonly Field[]): HarCookie[] {
  return fields
    .filter((f) => f.name.toLowerCase() === 'set-cookie')
    .map((f) => {
      const [first = '', ...attributes] = f.value.split(';');
      const eq = first.indexOf('=');
      const cookie: HarCookie = eq < 0 ? { name: '', value: first.trim() } : { name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim() };
      for (const attribute of attributes) {
        const [rawKey = '', ...rest] = attribute.split('=');
        const key = rawKey.trim().toLowerCase();
        const value = rest.join('=').trim();
        if (key === 'path') cookie.path = value;
        else if (key === 'domain') cookie.domain = value;
        else if (key === 'httponly') cookie.httpOnly = true;
        else if (key === 'secure') cookie.secure = true;
        else if (key === 'expires') {
          const when = Date.parse(value);
          if (!Number.isNaN(when)) cookie.expires = new Date(when).toISOString();
        }
      }
      return cookie;
    });
}

/** The bytes as HAR text: as is when they are UTF-8, else base64 (HAR 1.2 content.encoding). */
export function harText(bytes: Uint8Array): { text: string; encoding?: 'base64' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { text: bytesToBase64(bytes), encoding: 'base64' };
  }
}

export function harContent(bytes: Uint8Array, mimeType: string | undefined): HarContent {
  return { size: bytes.length, mimeType: mimeType ?? 'x-unknown', ...harText(bytes) };
}

/** Bytes from the start line's first to the blank line's last, or -1 while the head is not all there. */
export function headSize(message: HttpMessage): number {
  const size = message.bodyOffset - message.offset;
  return size > 0 && size <= message.length ? size : -1;
}
