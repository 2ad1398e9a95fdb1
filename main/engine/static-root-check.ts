// A static server's document root is checked when it is set (server.start, server.update), not on
// the first request: a root that is relative, missing or not a folder would otherwise be accepted
// and then answer every request with 500 and an ENOENT only the journal shows (lesson L4's
// `./html`, typed in a form whose process runs in some other folder).
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { ResponderConfig } from '../../shared/server/settings';
import { CommandError } from './command-error';

/** Throws static_root_relative or static_root_missing for a root that cannot be served; null (the sample site) passes. */
export async function refuseUnservableRoot(responder: ResponderConfig | undefined): Promise<void> {
  if (responder?.kind !== 'static' || responder.root === null) return;
  const root = responder.root;
  // Relative to what? The process's own working folder is an accident of how Wirebench was started.
  if (!isAbsolute(root)) throw new CommandError('static_root_relative', { root });
  let folder: boolean;
  try {
    folder = (await stat(root)).isDirectory();
  } catch (err) {
    throw new CommandError('static_root_missing', { root, errno: (err as NodeJS.ErrnoException).code ?? 'unknown' });
  }
  if (!folder) throw new CommandError('static_root_missing', { root, errno: 'ENOTDIR' });
}
