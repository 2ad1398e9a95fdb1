// Numbers in sentences, written the way each language writes them: 1,048,576 bytes in English,
// 1 048 576 байт in Russian, 1.5 s and 1,5 с. i18next calls `format` for every value it puts into a
// sentence (alwaysFormat); we format only numbers, and only those that are amounts (a count, a
// size, a time), by the placeholder's name: a port, a line number, a version or a status code is
// an identifier, and "port 9 000" would be wrong. A value given as a string is the caller's
// already-made text and goes in as it is.
import type { FormatterModule } from 'i18next';

/** Placeholders whose numbers are amounts; every catalog uses the same names (catalog-parity.test.ts). */
export const AMOUNT_PLACEHOLDERS: ReadonlySet<string> = new Set([
  'count',
  'bytes',
  'bytesIn',
  'bytesOut',
  'length',
  'declared',
  'received',
  'total',
  'kept',
  'shown',
  'size',
  'limit',
  'lines',
  'open',
  'queued',
  'served',
  'accepted',
  'ms',
  'everyMs',
  'seconds',
  // The rest of a cut preview ("(+3 079 B)") and serve --quiet's counts per interval.
  'rest',
  'connections',
  'requests',
  'resets',
]);

/**
 * A number that is an amount whatever its placeholder is called (`{{value}} ms`), optionally with
 * exactly `digits` decimals: a time shown to the precision its size calls for keeps its trailing
 * zeros (0.40 ms, 60.0 s), which a plain number would lose. Rounded here by toFixed, as these
 * times always were: Intl rounds the shortest decimal form instead (1234.5 / 1000 is 1.2345 to it,
 * so 1.235, where toFixed(3) reads the double just below and says 1.234).
 */
export interface Amount {
  readonly amount: number;
  readonly digits?: number;
}

export function asAmount(amount: number, digits?: number): Amount {
  return digits === undefined ? { amount } : { amount: Number(amount.toFixed(digits)), digits };
}

function isAmount(value: unknown): value is Amount {
  return typeof value === 'object' && value !== null && typeof (value as Amount).amount === 'number';
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * An amount as the language writes it: grouped thousands, its decimal sign, at most three
 * decimals (or exactly `digits`).
 */
export function formatAmount(value: number, language: string, digits?: number): string {
  const key = `${language} ${digits ?? ''}`;
  let format = formats.get(key);
  if (format === undefined) {
    const fraction = digits === undefined ? { maximumFractionDigits: 3 } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
    format = new Intl.NumberFormat(language, fraction);
    formats.set(key, format);
  }
  return format.format(value);
}

/** The i18next formatter module that does it (`instance.use(amountFormatter)` with alwaysFormat). */
export const amountFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  // Typed as returning a string, but i18next hands back whatever it gets (undefined included, which
  // it then reports as a missing value): anything not an amount goes back untouched.
  format: ((value: unknown, _format: string | undefined, lng: string | undefined, options?: Record<string, unknown>) => {
    if (isAmount(value) && lng !== undefined) return formatAmount(value.amount, lng, value.digits);
    const name = options?.interpolationkey;
    return typeof value === 'number' && lng !== undefined && typeof name === 'string' && AMOUNT_PLACEHOLDERS.has(name) ? formatAmount(value, lng) : value;
  }) as FormatterModule['format'],
};
