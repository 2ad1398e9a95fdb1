// The one wrapper every command passes through on its way into the engine, whichever door it came
// in by (Electron IPC or the WebSocket): it checks the name against the contract, parses the input
// with the command's schema (a renderer or web page is not trusted), calls the handler, and turns
// anything thrown into a result union. Handlers can assume their input is valid.
import {
  commands,
  isCommandName,
  type CommandName,
  type CommandOutput,
  type ErrorInfo,
  type ParsedInput,
  type Result,
} from '../../shared/contract/contract';
import type { ErrorCode, ErrorParams } from '../../shared/contract/errors';
import { CommandError } from '../engine/command-error';
import { inputOutOfBounds } from './input-bounds';

export type CommandHandlers = {
  [N in CommandName]: (input: ParsedInput<N>) => Promise<CommandOutput<N>>;
};

export type Dispatch = (name: unknown, input: unknown) => Promise<Result<unknown>>;

export function createDispatch(handlers: CommandHandlers, onInternalError?: (err: unknown) => void): Dispatch {
  return async (name, input) => {
    if (!isCommandName(name)) {
      return fail('unknown_command', { name: String(name).slice(0, 80) });
    }
    // Everything below is inside the try: a schema that throws (rather than reporting an issue)
    // must come back as a result like any other failure, never as a rejection.
    try {
      const outOfBounds = inputOutOfBounds(input);
      if (outOfBounds !== null) return fail('bad_input', { command: name, issues: outOfBounds });
      const parsed = commands[name].input.safeParse(input ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues
          .map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)
          .join('; ');
        return fail('bad_input', { command: name, issues });
      }
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof CommandError) return { ok: false, error: err.info };
      onInternalError?.(err);
      return fail('internal', { command: name });
    }
  };
}

function fail<C extends ErrorCode>(code: C, params: ErrorParams<C>): Result<never> {
  return { ok: false, error: { code, params } as ErrorInfo };
}
