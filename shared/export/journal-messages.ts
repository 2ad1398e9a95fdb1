// The HTTP messages of one connection as an exporter needs them: each message the annotator found
// (shared/http/annotate) with its exact bytes, its content (chunk framing taken off) and when its
// first and last bytes crossed the wire (the journal's `data` events: one event is one chunk).
// Requests are the client-to-server direction (what a server-role connection receives, what a
// client-role one sends), responses the other (RFC 9112 section 2.1). Pure, so the renderer, the
// CLI and tests share it.
import type { ConnSummary, Dir, JournalEvent } from '../contract/contract';
import type { Annotation, HttpMessage, Side } from '../http/annotate/annotation';
import { annotate } from '../http/annotate/annotator';
import { messageContent } from '../http/body';
import { concatBytes } from '../bytes/bytes';

/** Where a copied command connects to: the server's end of the connection, or what the user typed instead. */
export interface CopyTarget {
  host: string;
  port: number;
}

/** When one chunk crossed the wire: its place in its direction's stream, and the journal's clocks. */
export interface ChunkTime {
  offset: number;
  length: number;
  /** Wall clock, ms since the epoch (for display: HAR's startedDateTime). */
  at: number;
  /** Monotonic ms since the connection opened (for durations). */
  t: number;
}

export interface SeenMessage {
  /** The annotator's reading; its offsets count from the first byte of its direction. */
  message: HttpMessage;
  /** The message's bytes, exactly as they crossed the wire (head, body, chunk framing, trailers). */
  bytes: Uint8Array;
  /** The body's content: chunk data only for a chunked body (RFC 9112 section 7.1). */
  content: Uint8Array;
  /** The chunks that carried its first and last byte. */
  first: ChunkTime;
  last: ChunkTime;
}

export interface ConnectionMessages {
  requests: SeenMessage[];
  responses: SeenMessage[];
  /**
   * False when a direction's stored bytes stop short of what its counters say (the journal's byte
   * budget evicted payloads, or a chunk is missing): the messages cover only what is at hand.
   */
  wholeStreams: boolean;
}

/** Which direction carries requests: what a server receives, what a client sends. */
export function requestDir(role: ConnSummary['role']): Dir {
  return role === 'server' ? 'in' : 'out';
}

/** The server's end of the connection: ours (local) when we accepted it, the peer's when we connected. */
export function serverEnd(summary: Pick<ConnSummary, 'role' | 'local' | 'remote'>): CopyTarget {
  const end = summary.role === 'server' ? summary.local : summary.remote;
  return { host: end.address, port: end.port };
}

interface Stream {
  bytes: Uint8Array;
  chunks: ChunkTime[];
  /** The stored bytes are the whole direction (none evicted before the end). */
  whole: boolean;
  ended: boolean;
}

function streamOf(events: readonly JournalEvent[], dir: Dir, ended: boolean): Stream {
  const parts: Uint8Array[] = [];
  const chunks: ChunkTime[] = [];
  let offset = 0;
  let whole = true;
  for (const e of events) {
    if (e.kind !== 'data' || e.dir !== dir || e.length === 0) continue;
    // A chunk whose payload is gone ends what can be read: the bytes after it would sit at wrong offsets.
    if (!e.bytes || !whole) {
      whole = false;
      continue;
    }
    parts.push(e.bytes);
    chunks.push({ offset, length: e.length, at: e.at, t: e.t });
    offset += e.length;
  }
  return { bytes: concatBytes(parts), chunks, whole, ended: ended && whole };
}

/** The chunk holding byte `offset` of the stream (binary search: chunks are in order, contiguous). */
function chunkAt(chunks: readonly ChunkTime[], offset: number): ChunkTime {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((chunks[mid] as ChunkTime).offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return chunks[lo] as ChunkTime;
}

function messagesOf(stream: Stream, annotation: Annotation): SeenMessage[] {
  const read = (offset: number, length: number): Uint8Array => stream.bytes.subarray(offset, offset + length);
  return annotation.messages
    .filter((m) => m.length > 0)
    .map((message) => ({
      message,
      bytes: read(message.offset, message.length),
      content: messageContent(annotation, message, read).bytes,
      first: chunkAt(stream.chunks, message.offset),
      last: chunkAt(stream.chunks, message.offset + message.length - 1),
    }));
}

/** A direction is over once its sender's FIN is journaled (or the connection was reset or closed). */
function senderDone(events: readonly JournalEvent[], dir: Dir): boolean {
  return events.some((e) => e.kind === (dir === 'in' ? 'peer_fin' : 'fin_sent') || e.kind === 'closed');
}

/** The requests and responses of a connection, from its summary and its journal. */
export function connectionMessages(summary: Pick<ConnSummary, 'role'>, events: readonly JournalEvent[]): ConnectionMessages {
  const reqDir = requestDir(summary.role);
  const resDir: Dir = reqDir === 'in' ? 'out' : 'in';
  const req = streamOf(events, reqDir, senderDone(events, reqDir));
  const res = streamOf(events, resDir, senderDone(events, resDir));
  const reqAnnotation = annotateStream(req, 'request');
  const resAnnotation = annotateStream(res, 'response', (i) => reqAnnotation.messages[i]?.method);
  return {
    requests: messagesOf(req, reqAnnotation),
    responses: messagesOf(res, resAnnotation),
    wholeStreams: req.whole && res.whole,
  };
}

function annotateStream(stream: Stream, side: Side, requestMethod?: (index: number) => string | undefined): Annotation {
  return annotate(stream.bytes, side, { ended: stream.ended, ...(requestMethod ? { requestMethod } : {}) });
}
