// One accepted connection's exchange: when to ask the responder, how to send its reply, and how
// the connection ends afterwards. The plan names each choice, so later answer timings (end of the
// request, the client's half-close) and after-answer policies (keep-alive, reset, hang, drip)
// slot in as new plan values instead of new code paths through the server.
import type { Connection } from './connection';
import type { Reply, Responder } from './responder';

/** When the server answers. 'first_chunk': like the lessons' single recv(), whatever arrived. */
export type AnswerWhen = 'first_chunk';

/**
 * What the server does once the reply is written.
 * 'fin_then_close': send our FIN right after the reply (the lesson's shutdown(SHUT_WR)), keep
 * reading, and release the socket once the peer's FIN arrives: "two hang-ups". With no
 * Content-Length, our FIN is how the client knows the body is complete (RFC 9112 section 6.3).
 */
export type AfterAnswer = 'fin_then_close';

export interface ServePlan {
  readonly responder: Responder;
  readonly answerWhen: AnswerWhen;
  readonly afterAnswer: AfterAnswer;
}

type Stage = 'waiting' | 'answering' | 'answered';

/** Drives `conn` by `plan` until it closes. */
export function serveConnection(conn: Connection, plan: ServePlan): void {
  const received: Uint8Array[] = [];
  let stage: Stage = 'waiting';
  let peerFinished = false;

  const finish = (): void => {
    stage = 'answered';
    switch (plan.afterAnswer) {
      case 'fin_then_close':
        if (peerFinished) conn.closeWhenFlushed();
        else conn.halfClose();
        break;
    }
  };

  const send = (reply: Reply): void => {
    if (conn.notWritable() !== null) return; // reset or closed while the responder worked
    for (const bytes of reply.writes) conn.write(bytes);
    finish();
  };

  const answer = (): void => {
    stage = 'answering';
    const request = { connId: conn.connId, received: concat(received), peerFinished };
    received.length = 0;
    let reply: Reply | Promise<Reply>;
    try {
      reply = plan.responder(request);
    } catch {
      finish();
      return;
    }
    // A synchronous reply goes out in the same tick as the chunk that triggered it, so the
    // journal shows the answer right after the request, as the lesson's loop would produce it.
    if (reply instanceof Promise) reply.then(send, finish);
    else send(reply);
  };

  conn.observe({
    onData(chunk) {
      if (stage !== 'waiting') return;
      received.push(chunk);
      if (plan.answerWhen === 'first_chunk') answer();
    },
    onPeerFin() {
      peerFinished = true;
      // Nothing was asked and nothing more will be: hang up too (FIN, then release).
      if (stage === 'waiting') conn.closeWhenFlushed();
      // Our FIN is already out (or going): the second hang-up releases the socket.
      else if (stage === 'answered') conn.closeWhenFlushed();
      // 'answering': finish() sees peerFinished and closes once the reply is written.
    },
  });
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
