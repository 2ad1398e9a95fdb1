// Asking a responder about one request: what it is shown (the request's bytes, its head parsed
// only if someone looks, whether the client has hung up), and getting the reply back whether the
// responder answers at once (canned) or later (a file read).
import { requestSoFar, type RequestHead } from '../../shared/http/request';
import type { RequestBuffer, RequestState } from './request-buffer';
import type { Reply, Responder, ResponderRequest } from './responder';

/**
 * The request a responder sees, from the buffered bytes and their framing state. Its bytes are
 * copied on first use (a canned answer never looks at them, request after request); its head, when
 * not framed yet, is parsed on first use too.
 */
export class AskedRequest implements ResponderRequest {
  private bytes: Uint8Array | null = null;
  private soFar: RequestHead | null | undefined;

  constructor(
    readonly connId: string,
    private readonly state: RequestState,
    private readonly buffer: RequestBuffer,
    readonly peerFinished: boolean,
  ) {}

  get received(): Uint8Array {
    this.bytes ??= this.state.state === 'complete' ? this.buffer.copy(this.state.length) : this.buffer.copy();
    return this.bytes;
  }

  get head(): RequestHead | null {
    if (this.state.state !== 'incomplete') return this.state.head;
    // Not framed yet (answered on the first chunk): a request line that has arrived is enough to
    // choose a file or a route, as the lessons' servers choose from the first line they read.
    this.soFar ??= requestSoFar(this.received);
    return this.soFar;
  }

  /**
   * Copies the bytes now if nobody has yet: call it before the buffer they come from changes
   * while someone may still look (before it is discarded, or before an answer that comes later).
   */
  settle(): void {
    void this.received;
  }
}

/**
 * Calls the responder. A synchronous reply is delivered in the same tick as the chunk that
 * triggered it, so the journal shows the answer right after the request, as the lessons' loop
 * would produce it.
 */
export function callResponder(
  responder: Responder,
  request: AskedRequest,
  deliver: (reply: Reply) => void,
  failed: (err: unknown) => void,
): void {
  let reply: Reply | Promise<Reply>;
  try {
    reply = responder(request);
  } catch (err) {
    failed(err);
    return;
  }
  if (reply instanceof Promise) {
    // The responder may look at the request's bytes later, when the buffer has moved on.
    request.settle();
    reply.then(deliver, failed);
  } else deliver(reply);
}
