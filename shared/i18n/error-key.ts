// Which catalog sentence explains an error. Usually `errors.<code>`; a few codes read differently
// depending on their params (a port in use with no free port found nearby has nothing to suggest).
// The renderer and the CLI both ask here, so they never word the same error two ways.
import type { ErrorInfo } from '../contract';
import type { ErrorCode } from '../errors';

export type ErrorSentenceKey = `errors.${ErrorCode}` | 'errors.port_in_use_no_suggestion';

export function errorSentenceKey(error: Pick<ErrorInfo, 'code' | 'params'>): ErrorSentenceKey {
  if (error.code === 'port_in_use' && !error.params.suggestion) return 'errors.port_in_use_no_suggestion';
  return `errors.${error.code}`;
}
