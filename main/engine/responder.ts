// What the server answers: a responder looks at one request and decides the bytes to send back.
// *When* it is asked and *what happens after* the answer are the exchange's business
// (server-exchange.ts), so each can grow on its own. The responders themselves (canned, static
// files, routes, echo) live in ./responders/.
import type { FileHandle } from 'node:fs/promises';
import type { RequestHead } from '../../shared/http/request';
import type { NoteCode } from '../../shared/contract/notes';

export interface ResponderRequest {
  readonly connId: string;
  /**
   * The request's bytes, exactly as they arrived: one framed request when the server waits for
   * the end of the request (or serves keep-alive), else everything received so far.
   */
  readonly received: Uint8Array;
  /** The parsed request line and headers, or null when the bytes are not (yet) a request head. */
  readonly head: RequestHead | null;
  /** Whether the peer has already sent its FIN (nothing more will arrive). */
  readonly peerFinished: boolean;
}

/** What the server decided and why, journaled as a `note` event before the reply's writes. */
export interface ReplyNote {
  readonly code: NoteCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface Reply {
  /**
   * The answer, one element per write: a lesson may send its headers and its body in separate
   * sends, and the journal shows each write as one `out` chunk. The arrays may be handed out
   * again (a canned answer is the same array every time) but never changed once returned.
   */
  readonly writes: readonly Uint8Array[];
  /**
   * A file's bytes to send after the writes, streamed from disk as the client takes them (a large
   * file is never held in memory). The exchange owns the handle and closes it, sent or not.
   */
  readonly file?: StreamedFile;
  readonly notes?: readonly ReplyNote[];
}

/** An open regular file and the bytes of it to send (its size when opened: Content-Length's promise). */
export interface StreamedFile {
  readonly handle: FileHandle;
  readonly size: number;
  /** As the notes name it (relative to the document root, or as the route gives it). */
  readonly name: string;
}

/** Synchronous when it can be (a canned answer), asynchronous when it must (reading a file). */
export type Responder = (request: ResponderRequest) => Reply | Promise<Reply>;
