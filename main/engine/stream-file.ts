// Sending a large file's bytes after a reply's head, from disk, as fast as the client takes them:
// each chunk read is one write (one `out` chunk in the journal), and reading pauses while the
// socket holds more than its high-water mark, so memory stays at a few chunks per connection
// whatever the file's size or the client's speed.
import type { Connection } from './connection';
import type { Reply, StreamedFile } from './responder';
import { errorReply } from './responders/http-reply';
import { codeOf, MAX_FILE_BYTES } from './responders/read-file';

/**
 * One read and one write per MiB: at 64 KiB a 100 MB file took 1,600 read-write-drain rounds and
 * went to curl at 0.14× nginx's speed (bench/big-file-nginx.ts); at 1 MiB, 0.5-0.7×. Memory stays
 * at about two chunks per connection (the one Node holds for the socket, the one read ahead).
 */
const CHUNK_BYTES = 1024 * 1024;

export type StreamEnd = { ok: true } | { ok: false; code: string };

/**
 * Streams `file.size` bytes of the file to `conn`, then closes the file and calls `done`. Returns
 * a function that stops early (the connection closed or was reset): the file is closed then too.
 */
export function streamFile(conn: Connection, file: StreamedFile, done: (end: StreamEnd) => void): () => void {
  let finished = false;
  const finish = (end: StreamEnd | null): void => {
    if (finished) return;
    finished = true;
    stream.destroy();
    if (end !== null) done(end);
  };
  if (file.size === 0) {
    queueMicrotask(() => done({ ok: true }));
    void file.handle.close().catch(() => undefined);
    return () => undefined;
  }
  // autoClose: the handle is closed when the stream ends or is destroyed, whichever comes first.
  const stream = file.handle.createReadStream({ start: 0, end: file.size - 1, highWaterMark: CHUNK_BYTES, autoClose: true });
  let sent = 0;
  stream.on('data', (chunk: string | Buffer) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    sent += bytes.length;
    if (!conn.writeStreamed(bytes)) {
      stream.pause();
      conn.onceDrain(() => stream.resume());
    }
  });
  // A file that shrank since it was opened ends early: Content-Length promised more than came.
  stream.on('end', () => finish(sent === file.size ? { ok: true } : { ok: false, code: 'ESHRUNK' }));
  stream.on('error', (err: NodeJS.ErrnoException) => finish({ ok: false, code: err.code ?? 'EIO' }));
  return () => finish(null);
}

/**
 * The reply with its streamed file read into memory, for the drip policy (which sends a few bytes
 * at a time): up to MAX_FILE_BYTES, else a 500 that says why. The file is closed either way.
 */
export async function inMemory(reply: Reply, file: StreamedFile): Promise<Reply> {
  try {
    if (file.size <= MAX_FILE_BYTES) {
      const bytes = await file.handle.readFile();
      return { writes: [...reply.writes, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)], notes: reply.notes };
    }
  } catch (err) {
    return errorReply(500, [...(reply.notes ?? []), { code: 'file_unreadable', params: { file: file.name, code: codeOf(err) } }]);
  } finally {
    await file.handle.close().catch(() => undefined);
  }
  return errorReply(500, [...(reply.notes ?? []), { code: 'file_too_large', params: { file: file.name, size: file.size, limit: MAX_FILE_BYTES } }]);
}
