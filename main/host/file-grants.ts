// Which folders and files a server may serve when a page names them. A page (the renderer, or any
// browser that holds the web host's token) is not trusted to point a server at any path on the
// machine: only at what the person chose in a dialog (Electron), named on the command line
// (`wirebench web --allow FOLDER`), or the sample site shipped with the app. The CLI's own
// `serve --static DIR` is the person's choice already, so its host allows anything.
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';

/** Grants kept; past this the oldest are forgotten, so a file of them stays small. */
export const MAX_GRANTS = 200;

export interface FileGrantsOptions {
  /** The sample site: always allowed, and where relative paths are resolved. */
  sampleRoot: string | null;
  /** What was granted before, oldest first; a promise while the host still reads it from disk. */
  granted?: readonly string[] | Promise<readonly string[]>;
  /** Called with the whole list after each new grant, for a host that keeps them. */
  onGrant?: (paths: readonly string[]) => void;
  /** True for the CLI's hosts: the person typed the paths themselves. */
  unrestricted?: boolean;
}

export class FileGrants {
  readonly sampleRoot: string | null;
  readonly unrestricted: boolean;
  private paths: string[] = [];
  /** Settles once earlier grants are in: nothing is checked or listed before. */
  private readonly restored: Promise<void>;

  constructor(private readonly options: FileGrantsOptions) {
    this.sampleRoot = options.sampleRoot;
    this.unrestricted = options.unrestricted ?? false;
    this.restored = Promise.resolve(options.granted ?? []).then(
      (earlier) => {
        const kept = earlier.filter((p) => isAbsolute(p)).map((p) => resolve(p));
        this.paths = [...new Set([...kept, ...this.paths])].slice(-MAX_GRANTS);
      },
      () => {}, // nothing readable: nothing granted before
    );
  }

  /** Allowed folders and files, oldest first (the sample root is not among them). */
  async list(): Promise<readonly string[]> {
    await this.restored;
    return this.paths;
  }

  /** Allows `path` (absolute: a folder and all below it, or one file) from now on. */
  async grant(path: string): Promise<void> {
    if (!isAbsolute(path)) throw new Error(`a grant must be an absolute path: ${path}`);
    await this.restored;
    const normal = resolve(path);
    this.paths = [...this.paths.filter((p) => p !== normal), normal].slice(-MAX_GRANTS);
    this.options.onGrant?.(this.paths);
  }

  /**
   * Whether a server may open `path` as given in its settings: absolute, or relative to the sample
   * root. Compared after every symlink is resolved on both sides, so a link inside an allowed
   * folder that points elsewhere is refused, and `..` cannot climb out.
   */
  async allows(path: string): Promise<boolean> {
    if (this.unrestricted) return true;
    const target = isAbsolute(path) ? path : this.sampleRoot === null ? null : join(this.sampleRoot, path);
    if (target === null) return false;
    await this.restored;
    const real = await realPathOf(target);
    const allowed = this.sampleRoot === null ? this.paths : [this.sampleRoot, ...this.paths];
    for (const granted of allowed) {
      if (isWithin(real, await realPathOf(granted))) return true;
    }
    return false;
  }
}

/**
 * The path with every symlink resolved. A path that does not exist (yet) keeps its missing tail
 * under its nearest existing ancestor's real path: it could be created later, but only there.
 */
async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  const missing: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      return join(await realpath(at), ...missing.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return absolute;
      missing.push(basename(at));
      at = parent;
    }
  }
}

function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
