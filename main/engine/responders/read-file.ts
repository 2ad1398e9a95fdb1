// Reading one regular file into memory for a reply, asynchronously, without following a last-moment
// symlink or blocking on a FIFO, and refusing files too large to hold.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** The largest file a responder sends: replies are held in memory whole (Reply.writes). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type FileRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; why: 'missing' }
  | { ok: false; why: 'too_large'; size: number }
  | { ok: false; why: 'unreadable'; code: string };

// O_NOFOLLOW: if the last component became a symlink since it was checked, fail rather than follow
// it. O_NONBLOCK: a FIFO swapped in would otherwise block open() until a writer came. Both are 0
// where the platform lacks them (Windows), where the earlier checks are what remains.
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export async function readRegularFile(path: string, maxBytes = MAX_FILE_BYTES): Promise<FileRead> {
  let handle;
  try {
    handle = await open(path, FLAGS);
  } catch (err) {
    const code = codeOf(err);
    return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, why: 'missing' } : { ok: false, why: 'unreadable', code };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, why: 'missing' };
    if (stat.size > maxBytes) return { ok: false, why: 'too_large', size: stat.size };
    const bytes = await handle.readFile();
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) return { ok: false, why: 'too_large', size: bytes.length };
    // A plain Uint8Array over the Buffer's memory: the journal and the contract hold no Buffers.
    return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (err) {
    return { ok: false, why: 'unreadable', code: codeOf(err) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EIO';
}
