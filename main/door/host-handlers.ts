// Every command a host answers, joined in one place: the engine's (sockets), the settings kept in
// a store, and the file grants, which also guard the commands that name paths.
import type { EngineHandlers } from '../engine/engine';
import { settingsHandlers } from '../settings/settings-handlers';
import type { SettingsStore } from '../settings/settings-store';
import type { CommandHandlers } from './dispatch';
import { fileHandlers, guardPaths, type ChoosePath } from './file-handlers';
import { FileGrants } from './file-grants';

export interface HostParts {
  settings: SettingsStore;
  /** Which paths a page may have served; the CLI's hosts allow anything (see FileGrants). */
  files: FileGrants;
  /** The system's file dialog, where the host has one (Electron). */
  choosePath?: ChoosePath;
}

export function hostHandlers(engine: { handlers: EngineHandlers }, parts: HostParts): CommandHandlers {
  const all: CommandHandlers = {
    ...engine.handlers,
    ...settingsHandlers(parts.settings),
    ...fileHandlers(parts.files, parts.choosePath ?? null),
  };
  return guardPaths(all, parts.files);
}

/** For hosts driven by a person's own command line (`serve`, `connect`, benches): no page to fear. */
export function unrestrictedFiles(engine: { sampleDocRoot: string | null }): FileGrants {
  return new FileGrants({ sampleRoot: engine.sampleDocRoot, unrestricted: true });
}
