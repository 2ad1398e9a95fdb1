// The file commands (files.granted, files.choose) and the check that puts FileGrants in front of
// the commands that name paths (server.start and server.update with a static root or a route's
// file). Kept at the door, not in the engine: who may name which path is the host's policy.
import { isAbsolute } from 'node:path';
import type { ServerSettingsPatch } from '../../shared/server/settings';
import { CommandError } from '../engine/command-error';
import type { CommandHandlers } from './dispatch';
import type { FileGrants } from './file-grants';

export type FileHandlers = Pick<CommandHandlers, 'files.granted' | 'files.choose'>;

/** The system's open dialog (Electron): an absolute path, or null when the person cancels. */
export type ChoosePath = (what: 'folder' | 'file') => Promise<string | null>;

export function fileHandlers(grants: FileGrants, choose: ChoosePath | null): FileHandlers {
  return {
    'files.granted': async () => ({ sampleRoot: grants.sampleRoot, paths: [...(await grants.list())], canChoose: choose !== null }),
    'files.choose': async ({ what }) => {
      if (choose === null) throw new CommandError('no_dialog', {});
      const path = await choose(what);
      if (path !== null) await grants.grant(path);
      return { path };
    },
  };
}

/** `handlers` with server.start and server.update refusing paths the grants do not allow. */
export function guardPaths(handlers: CommandHandlers, grants: FileGrants): CommandHandlers {
  const start = handlers['server.start'];
  const update = handlers['server.update'];
  return {
    ...handlers,
    'server.start': async (input) => {
      await refuseUngranted(input.settings, grants);
      return start(input);
    },
    'server.update': async (input) => {
      await refuseUngranted(input.settings, grants);
      return update(input);
    },
  };
}

async function refuseUngranted(settings: ServerSettingsPatch, grants: FileGrants): Promise<void> {
  // A static root is a folder; a routes responder names files (pathsNamedIn).
  const what = settings.responder?.kind === 'static' ? 'folder' : 'file';
  for (const path of pathsNamedIn(settings)) {
    if (!(await grants.allows(path))) throw new CommandError('path_not_allowed', { path, what });
  }
}

/** Every path a settings change would have a server open: its static root, its routes' files. */
export function pathsNamedIn(settings: ServerSettingsPatch): string[] {
  const responder = settings.responder;
  // A relative root is not a path anyone can be allowed: the engine refuses it (static_root_relative).
  if (responder?.kind === 'static') return responder.root === null || !isAbsolute(responder.root) ? [] : [responder.root];
  if (responder?.kind === 'routes') return responder.routes.flatMap((r) => (r.response.kind === 'file' ? [r.response.path] : []));
  return [];
}
