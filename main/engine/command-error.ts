// How engine code fails a command: a code from shared/contract/errors.ts with exactly its params, which the
// renderer and the CLI turn into a sentence. The hosts' dispatch catches it and answers with it;
// anything else thrown is a bug, answered as `internal`.
import type { ErrorInfo } from '../../shared/contract/contract';
import type { ErrorCode, ErrorParams } from '../../shared/contract/errors';

export class CommandError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: ErrorParams<C>,
  ) {
    super(code);
    this.name = 'CommandError';
  }

  /** As it crosses the contract. */
  get info(): ErrorInfo {
    // Sound: the constructor took params of this very code, which the union pairs with it.
    return { code: this.code, params: this.params } as ErrorInfo;
  }
}
