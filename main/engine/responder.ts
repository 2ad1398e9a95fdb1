// What the server answers: a responder looks at what a connection has received and decides the
// bytes to send back. *When* it is asked and *what happens after* the answer are the exchange's
// business (server-exchange.ts), so each of these can grow on its own: static files, routes and
// echo are new responders; answer timing and after-answer policies are new exchange plans.

export interface ResponderRequest {
  readonly connId: string;
  /** Everything this connection has received so far, in order, exactly as it arrived. */
  readonly received: Uint8Array;
  /** Whether the peer has already sent its FIN (nothing more will arrive). */
  readonly peerFinished: boolean;
}

export interface Reply {
  /**
   * The answer, one element per write: a lesson may send its headers and its body in separate
   * sends, and the journal shows each write as one `out` chunk.
   */
  readonly writes: readonly Uint8Array[];
}

/** Synchronous when it can be (a canned answer), asynchronous when it must (reading a file). */
export type Responder = (request: ResponderRequest) => Reply | Promise<Reply>;

/** Always the same bytes, whatever was asked: lesson L1's server ignores the request. */
export function cannedResponder(bytes: Uint8Array): Responder {
  const reply: Reply = { writes: [bytes] };
  return () => reply;
}
