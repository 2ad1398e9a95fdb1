// Numbers and addresses as a learner reads them. Pure, so they are tested without a browser.
import type { Address } from '../../shared/contract/contract';

/** host:port, with brackets around IPv6 so the port stays readable ([::1]:9000, RFC 3986 3.2.2). */
export function formatAddress(a: Pick<Address, 'address' | 'port'>): string {
  return a.address.includes(':') ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
}

/**
 * Time since a connection began, to a precision that fits its size: loopback events are tens of
 * microseconds apart, so small values keep two decimals; later ones switch to seconds.
 */
export function formatElapsed(ms: number): { unit: 'ms' | 's'; value: string } {
  if (ms < 10) return { unit: 'ms', value: ms.toFixed(2) };
  if (ms < 1000) return { unit: 'ms', value: ms.toFixed(1) };
  return { unit: 's', value: (ms / 1000).toFixed(ms < 10_000 ? 3 : 1) };
}

/** Byte counts with thin grouping (12 345 678), exact: the counters are the point. */
export function formatCount(n: number): string {
  return Math.trunc(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** A configured duration (a timeout), as set: whole milliseconds below a second, else seconds. */
export function formatDuration(ms: number): { unit: 'ms' | 's'; value: string } {
  if (ms < 1000) return { unit: 'ms', value: String(Math.round(ms)) };
  return { unit: 's', value: String(Math.round(ms) / 1000) };
}
