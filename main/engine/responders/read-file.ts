// Opening one regular file for a reply, asynchronously, without following a last-moment symlink or
// blocking on a FIFO. A small file is read into memory (the reply's second write, as a lesson's
// server sends it); a larger one is handed over open, and the exchange streams it from disk with
// backpressure (stream-file.ts): a 60 MB file read whole per request took gigabytes for 20 clients.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { StreamedFile } from '../responder';

/** The largest file read into memory whole: the drip policy needs a streamed file's bytes at once. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Past this, a file is streamed from disk rather than read first. */
export const INLINE_FILE_BYTES = 1024 * 1024;

// O_NOFOLLOW: if the last component became a symlink since it was checked, fail rather than follow
// it. O_NONBLOCK: a FIFO swapped in would otherwise block open() until a writer came. Both are 0
// where the platform lacks them (Windows), where the earlier checks are what remains.
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export type FileBody =
  | { ok: true; bytes: Uint8Array }
  | { ok: true; stream: StreamedFile }
  | { ok: false; why: 'missing' }
  | { ok: false; why: 'unreadable'; code: string };

/** The file's bytes if it is small, else the open file to stream; the caller owns `stream.handle`. */
export async function fileBody(path: string, name: string): Promise<FileBody> {
  let handle: FileHandle;
  try {
    handle = await open(path, FLAGS);
  } catch (err) {
    const code = codeOf(err);
    return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, why: 'missing' } : { ok: false, why: 'unreadable', code };
  }
  let keep = false;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, why: 'missing' };
    if (stat.size > INLINE_FILE_BYTES) {
      keep = true;
      return { ok: true, stream: { handle, size: stat.size, name } };
    }
    const bytes = await handle.readFile();
    return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (err) {
    return { ok: false, why: 'unreadable', code: codeOf(err) };
  } finally {
    if (!keep) await handle.close().catch(() => undefined);
  }
}

export function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EIO';
}
