// A sentence to show, as an i18n key plus its parameters: errors from the engine (`errors.<code>`)
// and the renderer's own form checks alike. Kept as data in the store, turned into words by the
// component that shows it, so the store never holds prose in one language.
import type { ErrorInfo } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';

export type MessageKey = `errors.${ErrorCode}` | 'ui.form.badPort' | 'ui.form.badHost';

export interface Message {
  key: MessageKey;
  params: Record<string, string | number>;
}

export function errorMessage(error: ErrorInfo): Message {
  return { key: `errors.${error.code}`, params: error.params };
}
