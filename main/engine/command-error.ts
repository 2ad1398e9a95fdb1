// How engine code fails a command: a code from shared/errors.ts with its params, which the renderer
// and the CLI turn into a sentence. The hosts' dispatch catches it and answers with it; anything
// else thrown is a bug, answered as `internal`.
import type { ErrorInfo } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';

export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorInfo['params'] = {},
  ) {
    super(code);
    this.name = 'CommandError';
  }
}
