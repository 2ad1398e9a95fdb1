// Every command a host answers, joined in one place: the engine's (sockets), the settings kept in
// a store, and the file grants, which also guard the commands that name paths. Each host (Electron,
// the web host, the CLI's serve and connect) makes its door's dispatch here, the same way.
import type { EngineHandlers } from '../engine/engine-handlers';
import type { SettingsStore } from '../settings/settings-store';
import { createDispatch, type CommandHandlers, type Dispatch } from './dispatch';
import { fileHandlers, guardPaths, type ChoosePath } from './file-handlers';
import { FileGrants } from './file-grants';
import { settingsHandlers } from './settings-handlers';

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

/**
 * The one dispatch a host puts behind its door: every command validated, then answered by
 * hostHandlers. `onInternalError` hears what a handler threw that was not a CommandError (a bug).
 */
export function createHostDispatch(engine: { handlers: EngineHandlers }, parts: HostParts, onInternalError: (err: unknown) => void): Dispatch {
  return createDispatch(hostHandlers(engine, parts), onInternalError);
}

/** For hosts driven by a person's own command line (`serve`, `connect`, benches): no page to fear. */
export function unrestrictedFiles(engine: { sampleDocRoot: string | null }): FileGrants {
  return new FileGrants({ sampleRoot: engine.sampleDocRoot, unrestricted: true });
}
