// The contract's settings commands, answered by a store: kept apart from the engine, which deals
// with sockets only. Each host joins them to the engine's handlers (see hostHandlers).
import type { CommandHandlers } from '../door/dispatch';
import type { EngineHandlers } from '../engine/engine';
import type { SettingsStore } from './settings-store';

export type SettingsHandlers = Pick<CommandHandlers, 'settings.load' | 'settings.save'>;

export function settingsHandlers(store: SettingsStore): SettingsHandlers {
  return {
    'settings.load': () => store.load(),
    'settings.save': async (change) => {
      await store.save(change);
      return {};
    },
  };
}

/** Every command a host answers: the engine's, and the settings kept in `store`. */
export function hostHandlers(engine: { handlers: EngineHandlers }, store: SettingsStore): CommandHandlers {
  return { ...engine.handlers, ...settingsHandlers(store) };
}
