// The commands the engine answers, typed from the contract: every one but those a host answers
// itself (its settings store, and which files a page may have served).
import type { CommandName, CommandOutput, ParsedInput } from '../../shared/contract/contract';

/** Commands answered by the host around the engine (main/host), not by the engine. */
export type HostCommandName = 'settings.load' | 'settings.save' | 'files.granted' | 'files.choose';

export type EngineCommandName = Exclude<CommandName, HostCommandName>;

/** One async handler per command, given input already parsed by the host's door. */
export type EngineHandlers = {
  [N in EngineCommandName]: (input: ParsedInput<N>) => Promise<CommandOutput<N>>;
};
