// Paths as the host's file system writes them, resolved in the page, which has no node:path: the
// server form shows a relative document root (lesson L4's `./html`) as the whole path it stands for
// before anything starts, and sends the engine only that whole path (it refuses a relative one).
// The host may be POSIX (/home/you/site) or Windows (C:\site, \\server\share\site); the base says which.

const DRIVE = /^[A-Za-z]:[\\/]/;

/** Absolute on POSIX (`/x`) or on Windows (`C:\x`, `C:/x`, `\\server\share`). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || DRIVE.test(path) || path.startsWith('\\\\');
}

/**
 * `relative` taken from the folder `base` (absolute), with `.` and `..` worked out, as the shell's
 * `cd base; realpath -m relative` would say, symlinks aside. `..` never climbs above the root.
 * An absolute `relative` is returned as it is.
 */
export function resolvePath(base: string, relative: string): string {
  if (isAbsolutePath(relative)) return relative;
  const windows = DRIVE.test(base) || base.startsWith('\\\\');
  const [root, rest] = splitRoot(base, windows);
  const segments: string[] = [];
  for (const part of [...split(rest, windows), ...split(relative, windows)]) {
    if (part === '.' || part === '') continue;
    if (part === '..') segments.pop();
    else segments.push(part);
  }
  return root + segments.join(windows ? '\\' : '/');
}

/** The root the path starts from (`/`, `C:\`, `\\server\share\`) and what follows it. */
function splitRoot(base: string, windows: boolean): [root: string, rest: string] {
  if (!windows) return ['/', base];
  if (DRIVE.test(base)) return [`${base.slice(0, 2)}\\`, base.slice(3)];
  const [server = '', share = '', ...rest] = split(base.slice(2), true);
  return [`\\\\${server}\\${share}\\`, rest.join('\\')];
}

function split(path: string, windows: boolean): string[] {
  return path.split(windows ? /[\\/]/ : '/');
}
