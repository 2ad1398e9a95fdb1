// A damaged settings file is never deleted or overwritten in place: it is kept beside the new one
// under a name that says when and why, so the person (or we, from a bug report) can look inside.
import { copyFile, constants, link, rename, rm } from 'node:fs/promises';

/**
 * `settings.json.corrupt-2026-12-01T10-58-43.123Z`: the ISO time with its colons replaced, which
 * Windows does not allow in file names; a number is added if that name is already taken.
 */
export function setAsideName(file: string, at: Date, attempt = 0): string {
  const stamp = at.toISOString().replace(/:/g, '-');
  return `${file}.corrupt-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
}

/** Moves `file` aside (it is unusable as it stands); returns the new path. */
export function moveAside(file: string, at: Date): Promise<string> {
  // rename() would replace an existing file of that name without a word: link() refuses to, then
  // the original name is dropped. Where links are not supported, a plain rename (after an
  // exclusive copy claimed the name) does the same.
  return claimName(file, at, async (target) => {
    try {
      await link(file, target);
    } catch (err) {
      if (codeOf(err) === 'EEXIST') throw err;
      await copyFile(file, target, constants.COPYFILE_EXCL);
      await rename(file, target);
      return;
    }
    await rm(file);
  });
}

/** Copies `file` aside and leaves it in place (only part of it is unusable); returns the copy's path. */
export function copyAside(file: string, at: Date): Promise<string> {
  return claimName(file, at, (target) => copyFile(file, target, constants.COPYFILE_EXCL));
}

async function claimName(file: string, at: Date, put: (target: string) => Promise<void>): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const target = setAsideName(file, at, attempt);
    try {
      await put(target);
      return target;
    } catch (err) {
      if (codeOf(err) !== 'EEXIST' || attempt >= 100) throw err;
    }
  }
}

export function codeOf(err: unknown): string {
  const code = err !== null && typeof err === 'object' ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'EIO';
}
