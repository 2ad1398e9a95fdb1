// One sentence for anything a subcommand could not do: a CommandError's code says which catalog
// sentence (errors.<code>); anything else is reported as what the OS said.
import { errorSentenceKey } from '../../shared/i18n/error-key';
import { CommandError } from '../engine/command-error';
import type { Translate } from './cli-context';

export function explainError(t: Translate, err: unknown): string {
  if (err instanceof CommandError) return t(errorSentenceKey(err.info), err.info.params);
  const errno = (err as NodeJS.ErrnoException | undefined)?.code;
  const syscall = (err as NodeJS.ErrnoException | undefined)?.syscall;
  return t('errors.os_error', { errno: errno ?? 'unknown', syscall: syscall ?? 'wirebench' });
}
