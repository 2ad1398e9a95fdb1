// A sentence to show, as an i18n key plus its parameters: errors from the engine (`errors.<code>`)
// and the renderer's own form checks alike. Kept as data in the store, turned into words by the
// component that shows it, so the store never holds prose in one language.
import type { ErrorInfo } from '../../shared/contract/contract';
import { errorSentenceKey, type ErrorSentenceKey } from '../../shared/i18n/error-key';
import type { ui } from '../../shared/i18n/en/ui';

export type MessageKey =
  | ErrorSentenceKey
  | 'ui.form.badPort'
  | 'ui.form.badHost'
  | `ui.server.invalid.${keyof typeof ui.server.invalid}`
  | `ui.client.target.${keyof typeof ui.client.target}`
  | `ui.client.mistake.${keyof typeof ui.client.mistake}`
  | 'ui.client.nothingToSend'
  | 'ui.client.pasted'
  | 'ui.client.templateFilled'
  | 'ui.client.templateFilledEndingOn'
  | 'ui.client.templateFilledEndingOff'
  | 'ui.client.fileSent';

export interface Message {
  key: MessageKey;
  params: Record<string, string | number>;
}

export function errorMessage(error: ErrorInfo): Message {
  return { key: errorSentenceKey(error), params: error.params };
}
