// The contract's file commands: which folders and files a server may serve when a page (the
// renderer, or a browser on the web host) asks for them. A page is not trusted to name any path on
// the machine: only what the person chose in a dialog (Electron) or named on the command line
// (`wirebench web --allow FOLDER`), plus the sample site shipped with the app. Spread into
// `commands` in contract.ts.
import { z } from 'zod';
import { Empty } from './building-blocks';

/** An absolute path on the machine running Wirebench. */
const GrantedPath = z.string().min(1).max(4096);

export const fileCommands = {
  /** What servers may serve now, and whether this host can add to it with a dialog. */
  'files.granted': {
    input: Empty,
    output: z.object({
      /** The sample site's folder (relative paths resolve against it), or null when there is none. */
      sampleRoot: GrantedPath.nullable(),
      /** Folders and single files allowed, as absolute paths, oldest first. */
      paths: z.array(GrantedPath),
      /** True where a dialog can add one (Electron); false on the web host (`--allow` only). */
      canChoose: z.boolean(),
    }),
  },
  /**
   * Opens the system's dialog to choose a folder (a static root) or a file (a route's answer); what
   * is chosen is allowed from then on. `path` is null when the person cancels. Fails with
   * `no_dialog` on the web host.
   */
  'files.choose': {
    input: z.object({ what: z.enum(['folder', 'file']) }).strict(),
    output: z.object({ path: GrantedPath.nullable() }),
  },
} as const;
