// A Bridge for component tests: it records every command a panel sends and answers each from what
// the test said beforehand. The network is not what these tests are about: the real transports
// are tested on real sockets (bridge/ws-bridge.test.ts, bridge/ingest.test.ts), the engine and its
// door in main/, and the whole app by the e2e specs. Test-only: never imported by the app.
import type { CommandInput, CommandName, CommandOutput, Result } from '../../shared/contract/contract';
import type { LinkedBridge } from '../bridge/bridge-types';

export interface Call {
  name: CommandName;
  input: unknown;
}

type Answer<N extends CommandName> = (input: CommandInput<N>) => Result<CommandOutput<N>>;

export interface FakeBridge extends LinkedBridge {
  /** Every invoke, in order. */
  readonly calls: Call[];
  /** How `name` is answered from now on; a command with no answer gets unknown_command. */
  answer<N extends CommandName>(name: N, answer: Answer<N>): void;
  /** The inputs `name` was sent with, in order. */
  inputsOf<N extends CommandName>(name: N): CommandInput<N>[];
}

export function createFakeBridge(): FakeBridge {
  const calls: Call[] = [];
  const answers = new Map<CommandName, (input: never) => Result<unknown>>();
  return {
    host: 'web',
    calls,
    answer(name, answer) {
      answers.set(name, answer);
    },
    inputsOf<N extends CommandName>(name: N) {
      return calls.filter((c) => c.name === name).map((c) => c.input as CommandInput<N>);
    },
    invoke<N extends CommandName>(name: N, input: CommandInput<N>) {
      calls.push({ name, input });
      const answer = answers.get(name);
      const result = answer ? answer(input as never) : { ok: false, error: { code: 'unknown_command', params: { name } } };
      return Promise.resolve(result as Result<CommandOutput<N>>);
    },
    // Events are the ingest's business (bridge/ingest.ts), not a panel's: none arrive here.
    on: () => () => {},
    onLink(handler) {
      handler('up');
      return () => {};
    },
  };
}
