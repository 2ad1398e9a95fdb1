// The contract's settings commands, answered by a store: kept apart from the engine, which deals
// with sockets only. Each host joins them to the engine's handlers (see host-handlers.ts).
import type { CommandHandlers } from './dispatch';
import type { SettingsStore } from '../settings/settings-store';

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
