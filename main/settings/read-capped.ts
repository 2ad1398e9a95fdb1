// Reading the settings file without trusting what is at its path. A FIFO there would block a
// plain read until a writer came (load, save and shutdown all hung on it); a huge file would be
// read whole before anything looked at it. So: open without blocking, look at what was opened,
// and read at most the cap.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { codeOf } from './set-aside';

export type CappedRead =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  /** Something that cannot be a settings file: not a regular file, or larger than the cap. */
  | { kind: 'unusable' }
  | { kind: 'error'; code: string };

// O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer. 0 where the platform lacks it.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export async function readCapped(file: string, maxBytes: number): Promise<CappedRead> {
  let handle;
  try {
    handle = await open(file, FLAGS);
  } catch (err) {
    const code = codeOf(err);
    return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'error', code };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > maxBytes) return { kind: 'unusable' };
    // Read up to one byte past the cap: a file that grew since stat is caught too.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, stat.size + 1));
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) return { kind: 'unusable' };
      if (filled === buffer.length) break;
    }
    return { kind: 'text', text: buffer.toString('utf8', 0, filled) };
  } catch (err) {
    return { kind: 'error', code: codeOf(err) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
