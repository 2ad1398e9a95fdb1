// Asking a responder directly, with request bytes as a client would send them: no network, for
// unit tests of what a responder answers.
import { parseRequestHead } from '../../../../shared/http/request';
import type { ReplyNote, Responder } from '../../responder';

export interface Answer {
  /** Each write as a Buffer, in order. */
  writes: Buffer[];
  /** All writes together, as Latin-1 text (one char per byte). */
  text: string;
  notes: readonly ReplyNote[];
  /** A file handed over to be streamed after the writes (its handle already closed here), or null. */
  streamed: { size: number; name: string } | null;
}

export async function ask(responder: Responder, request: string | Uint8Array): Promise<Answer> {
  const received = typeof request === 'string' ? Buffer.from(request, 'latin1') : request;
  const reply = await responder({ connId: 'test', received, head: parseRequestHead(received), peerFinished: false });
  const writes = reply.writes.map((w) => Buffer.from(w));
  await reply.file?.handle.close();
  const streamed = reply.file ? { size: reply.file.size, name: reply.file.name } : null;
  return { writes, text: Buffer.concat(writes).toString('latin1'), notes: reply.notes ?? [], streamed };
}

/** `GET <target> HTTP/1.1` with a Host header, as curl would send it. */
export function get(target: string, method = 'GET'): string {
  return `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\n\r\n`;
}

/** The status code of an answer's status line, or NaN. */
export function statusOf(answer: Answer): number {
  return Number(/^HTTP\/1\.1 (\d{3}) /.exec(answer.text)?.[1]);
}
