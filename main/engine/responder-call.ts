// Asking a responder about one request: what it is shown (the request's bytes, its head parsed
// only if someone looks, whether the client has hung up), and getting the reply back whether the
// responder answers at once (canned) or later (a file read).
import { requestSoFar, type RequestHead } from '../../shared/http/request';
import type { RequestState } from './request-buffer';
import type { Reply, Responder, ResponderRequest } from './responder';

export interface Asked {
  /** The request's head, parsed on first use: a canned or echo answer never needs it. */
  readonly head: () => RequestHead | null;
  /**
   * Copies the request's bytes now if nobody has yet. They are copied on first use (a canned
   * answer never looks at them, request after request); call this before the buffer they come
   * from changes while someone may still look: before it is discarded, or before an answer
   * that comes later.
   */
  readonly settle: () => void;
}

/** The request a responder sees, from the buffered bytes and their framing state. */
export function requestFor(
  connId: string,
  state: RequestState,
  copy: (length?: number) => Uint8Array,
  peerFinished: boolean,
): { request: ResponderRequest; asked: Asked } {
  let received: Uint8Array | null = null;
  const bytes = (): Uint8Array => (received ??= state.state === 'complete' ? copy(state.length) : copy());
  // Not framed yet (answered on the first chunk): a request line that has arrived is enough to
  // choose a file or a route, as the lessons' servers choose from the first line they read.
  const head = state.state === 'incomplete' ? once(() => requestSoFar(bytes())) : () => state.head;
  const request: ResponderRequest = {
    connId,
    peerFinished,
    get received() {
      return bytes();
    },
    get head() {
      return head();
    },
  };
  return { request, asked: { head, settle: bytes } };
}

/**
 * Calls the responder. A synchronous reply is delivered in the same tick as the chunk that
 * triggered it, so the journal shows the answer right after the request, as the lessons' loop
 * would produce it.
 */
export function callResponder(
  responder: Responder,
  asked: Asked,
  request: ResponderRequest,
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
    asked.settle();
    reply.then(deliver, failed);
  } else deliver(reply);
}

/** `compute`, run at most once, on the first call. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
