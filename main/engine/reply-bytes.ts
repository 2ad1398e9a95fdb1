// Small facts about an answer's bytes and a request's head that the exchange journals.
import { wantsKeepAlive, type RequestHead } from '../../shared/http/request';
import type { KeepAliveDeclinedReason } from '../../shared/contract/notes';

/**
 * The status code of an answer that starts like a status line (RFC 9112 section 4:
 * `HTTP/1.1 200 OK`), with the leading space the `answered` note's sentence expects, else ''
 * (a canned answer may be anything at all).
 */
export function statusOf(first: Uint8Array | undefined): string {
  if (!first || first.length < 12) return '';
  // A canned answer is the same array request after request: look at its status line once.
  // (The cache holds a weak reference per array; the bytes of a reply are never changed.)
  const known = statusCache.get(first);
  if (known !== undefined) return known;
  const status = parseStatus(first);
  statusCache.set(first, status);
  return status;
}

const statusCache = new WeakMap<Uint8Array, string>();

function parseStatus(first: Uint8Array): string {
  let line = '';
  for (let i = 0; i < 12; i++) line += String.fromCharCode(first[i] as number);
  const match = /^HTTP\/\d\.\d (\d{3})$/.exec(line);
  return match ? ` ${match[1]}` : '';
}

/**
 * Why the connection is not kept after this request (the keep_alive_declined note's reason), or
 * null when it is: a request whose end cannot be found, or whose head never came, cannot be
 * followed by another; otherwise RFC 9112 section 9.3 decides.
 */
export function keepAliveRefusal(
  state: 'complete' | 'incomplete' | 'invalid',
  head: RequestHead | null,
): KeepAliveDeclinedReason | null {
  if (state === 'invalid') return 'request_invalid';
  if (head === null) return 'request_incomplete';
  return wantsKeepAlive(head) ? null : closeReason(head);
}

function closeReason(head: RequestHead): Extract<KeepAliveDeclinedReason, 'connection_close' | 'http_1_0'> {
  const asked = head.headers.some(
    ([name, value]) =>
      name.toLowerCase() === 'connection' &&
      value.split(',').some((option) => option.trim().toLowerCase() === 'close'),
  );
  return asked ? 'connection_close' : 'http_1_0';
}
