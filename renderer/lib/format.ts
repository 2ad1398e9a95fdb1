// Numbers and addresses as a learner reads them. Pure, so they are tested without a browser.
import type { TFunction } from 'i18next';
import type { Address } from '../../shared/contract/contract';
import { asAmount, type Amount } from '../../shared/i18n/number-format';

/** host:port, with brackets around IPv6 so the port stays readable ([::1]:9000, RFC 3986 3.2.2). */
export function formatAddress(a: Pick<Address, 'address' | 'port'>): string {
  return a.address.includes(':') ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
}

/**
 * Time since a connection began, to a precision that fits its size: loopback events are tens of
 * microseconds apart, so small values keep two decimals; later ones switch to seconds. An amount,
 * not text, so that the sentence writes it the language's way (0.42 / 0,42).
 */
export function formatElapsed(ms: number): { unit: 'ms' | 's'; value: Amount } {
  if (ms < 10) return { unit: 'ms', value: asAmount(ms, 2) };
  if (ms < 1000) return { unit: 'ms', value: asAmount(ms, 1) };
  return { unit: 's', value: asAmount(ms / 1000, ms < 10_000 ? 3 : 1) };
}

/** "+0.42 ms", "+1,234 с": formatElapsed as the catalog says it. */
export function elapsedText(ms: number, t: TFunction): string {
  const { unit, value } = formatElapsed(ms);
  return unit === 'ms' ? t('ui.time.ms', { value: amountParam(value) }) : t('ui.time.s', { value: amountParam(value) });
}

/** "250 ms", "1,5 с": formatDuration as the catalog says it. */
export function durationText(ms: number, t: TFunction): string {
  const { unit, value } = formatDuration(ms);
  return unit === 'ms' ? t('ui.time.durationMs', { value: amountParam(value) }) : t('ui.time.durationS', { value: amountParam(value) });
}

/**
 * An Amount as t() takes it. i18next types a placeholder's value as string | number, but hands
 * every value to our formatter (alwaysFormat), which writes an Amount per locale
 * (shared/i18n/number-format.ts); only the type says otherwise.
 */
export function amountParam(value: Amount): string {
  return value as unknown as string;
}

/** Byte counts with thin grouping (12 345 678), exact: the counters are the point. */
export function formatCount(n: number): string {
  return Math.trunc(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** A configured duration (a timeout), as set: whole milliseconds below a second, else seconds. */
export function formatDuration(ms: number): { unit: 'ms' | 's'; value: Amount } {
  if (ms < 1000) return { unit: 'ms', value: asAmount(Math.round(ms)) };
  return { unit: 's', value: asAmount(Math.round(ms) / 1000) };
}
