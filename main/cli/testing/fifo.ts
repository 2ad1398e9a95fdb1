// A named pipe (FIFO) whose reading end the test holds and reads only when it chooses: what a
// shell's `|` gives a command, with a reader that can stay silent, start late, or go away.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Fifo {
  /** The writing end: for a child's stdio (close it here afterwards) or for a net.Socket. */
  writeFd: number;
  /**
   * Starts reading: every chunk from now on goes to `onData`. Before this, nothing is read at all;
   * after it, the returned socket's pause() stops reading once Node's own buffer (16 KiB) is full.
   */
  startReading(onData: (chunk: Buffer) => void): Socket;
  /** Closes the reading end, as `head` does when it has its lines: the next write gets EPIPE. */
  closeReader(): void;
  dispose(): void;
}

export function openFifo(): Fifo {
  const dir = mkdtempSync(join(tmpdir(), 'wirebench-fifo-'));
  const path = join(dir, 'pipe');
  execFileSync('mkfifo', [path]);
  // The reading end opened first, without blocking, lets the writing end open at once.
  const readFd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writeFd = openSync(path, constants.O_WRONLY);
  let reader: Socket | null = null;
  let readerOpen = true;
  return {
    writeFd,
    startReading(onData) {
      reader = new Socket({ fd: readFd, readable: true, writable: false });
      reader.on('data', onData);
      reader.on('error', () => {});
      return reader;
    },
    closeReader() {
      if (!readerOpen) return;
      readerOpen = false;
      if (reader) reader.destroy();
      else closeSync(readFd);
    },
    dispose() {
      this.closeReader();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
