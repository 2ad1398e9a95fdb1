// One accepted connection's exchange: when to ask the responder (the answer's trigger), how to send
// its reply, and what the connection does afterwards, request after request under keep-alive.
// The semantics of every setting are defined in shared/server/settings.ts; this file carries them
// out and journals each decision (a `note`, a `timeout`) so that no close is ever silent. When the
// trigger has come is answer-trigger.ts; the waits and their timeouts' clocks, exchange-timers.ts.
//
// Settings are read when a request starts (at accept or dequeue, and after each keep-alive answer,
// for its timeouts) and read again when its first byte arrives. So server.update applies to the
// next connection, and also to the next request on a connection kept alive: a browser that reuses
// its connection sees the new answer on reload.
import type { NoteCode } from '../../shared/contract/notes';
import type { ServerSettings } from '../../shared/server/settings';
import { answersPeerFin, triggerCame } from './answer-trigger';
import type { Connection } from './connection';
import { drip } from './drip';
import { ExchangeTimers, type ExchangeTimeout, type TimeoutTarget } from './exchange-timers';
import { concatBytes } from '../../shared/bytes/bytes';
import { keepAliveRefusal, statusOf } from './reply-bytes';
import { RequestBuffer } from './request-buffer';
import type { Reply, StreamedFile } from './responder';
import { inMemory, streamFile } from './stream-file';
import { AskedRequest, callResponder } from './responder-call';
import type { ExchangeHost, ServePlan, Stage } from './exchange-types';

export type { ExchangeHost, ServePlan } from './exchange-types';

/** stopDrip's and stopStream's while nothing drips or streams: one function, not two per connection. */
const nothing = (): void => undefined;

/** Drives `conn` by the host's settings until it closes. */
export function serveConnection(conn: Connection, host: ExchangeHost): void {
  new Exchange(conn, host).begin();
}

class Exchange implements TimeoutTarget {
  private plan: ServePlan;
  private readonly request = new RequestBuffer();
  private stage: Stage = 'waiting';
  private requests = 0;
  /** What the responder was asked about this request (its head parsed on first use), once answered. */
  private asked: AskedRequest | null = null;
  private peerFinished = false;
  private answeredOnce = false;
  /** Whether the settings were read since this request's first byte could have arrived. */
  private planIsFresh = false;
  private readonly timers: ExchangeTimers;
  private readonly onReply = (reply: Reply): void => this.deliver(reply);
  private readonly onResponderFailed = (err: unknown): void => this.responderFailed(err);
  private stopDrip: () => void = nothing;
  private stopStream: () => void = nothing;

  constructor(
    private readonly conn: Connection,
    private readonly host: ExchangeHost,
  ) {
    this.plan = host.plan();
    this.timers = new ExchangeTimers(conn, this);
  }

  begin(): void {
    this.conn.observe({
      onData: (chunk) => this.onData(chunk),
      onPeerFin: () => this.onPeerFin(),
      onFinSent: () => this.onFinSent(),
      onClosed: () => this.onClosed(),
    });
    this.startRequest();
  }

  private get settings(): ServerSettings {
    return this.plan.settings;
  }

  private startRequest(): void {
    this.requests++;
    this.readPlan();
    const s = this.settings;
    this.stage = 'waiting';
    this.asked = null;
    // Pipelined bytes were read just now, with these settings; otherwise read again at the first byte.
    this.planIsFresh = this.request.length > 0;
    this.timers.startHeader(s.headerTimeoutMs);
    this.watchIdle();
    // Pipelined bytes already here start this request. On a later turn of the event loop: a chunk
    // holding thousands of tiny requests must not recurse thousands of frames deep, nor keep the
    // other connections waiting until all are answered.
    if (this.request.length > 0 || this.peerFinished) {
      setImmediate(() => {
        if (this.stage !== 'waiting') return;
        this.checkTrigger();
        if (this.stage === 'waiting' && this.peerFinished) this.peerFinWhileWaiting();
      });
    }
  }

  private readPlan(): void {
    this.plan = this.host.plan();
    const s = this.settings;
    this.request.setFraming(s.answerWhen === 'request_end' || s.after === 'keep_alive');
  }

  private onData(chunk: Uint8Array): void {
    this.timers.touch();
    if (this.stage === 'waiting' && !this.planIsFresh) {
      this.planIsFresh = true;
      this.readPlan();
    }
    this.request.append(chunk); // ignored once the exchange reads no further request
    if (this.stage === 'waiting') this.checkTrigger();
    else if (this.stage === 'finishing') this.finishRequest();
  }

  /**
   * halfCloseAndWait's FIN leaves at the turn's end (turn-end.ts), after the writes before it: the
   * wait counts again from here, so the peer gets halfCloseWaitMs from our FIN, as the setting
   * says. Started already when decided, so a FIN stuck behind unread bytes cannot wait forever.
   */
  private onFinSent(): void {
    if (this.stage === 'fin_wait') this.timers.restartFin();
  }

  private onPeerFin(): void {
    this.peerFinished = true;
    switch (this.stage) {
      case 'waiting':
        this.peerFinWhileWaiting();
        break;
      case 'finishing': // the rest of the request will never come
      case 'fin_wait': // the second hang-up
      case 'hanging': // the client gave up (curl --max-time, a closed tab): hang up too
        this.closeNow();
        break;
      default:
        // answering, dripping: looked at once the answer is out.
        break;
    }
  }

  private onClosed(): void {
    this.stage = 'closing';
    this.stopTimers();
    this.request.discard();
  }

  /** Answers if this request's trigger has come. */
  private checkTrigger(): void {
    if (triggerCame(this.settings.answerWhen, this.request, this.conn)) this.answer();
  }

  private peerFinWhileWaiting(): void {
    if (answersPeerFin(this.settings.answerWhen, this.request, this.requests, this.conn)) this.answer();
    else this.closeNow();
  }

  private answer(): void {
    const s = this.settings;
    this.stage = 'answering';
    this.timers.stopWaiting(); // the server is busy now, not waiting for the client
    const asked = new AskedRequest(this.conn.connId, this.request.state, this.request, this.peerFinished);
    this.asked = asked;
    // The head of a request not framed yet is read from its bytes, possibly after the answer.
    if (s.after !== 'keep_alive' || this.request.state.state === 'incomplete') asked.settle();
    if (s.after !== 'keep_alive') this.request.discard();
    if (s.after === 'hang') {
      this.note('hanging', {});
      this.stage = 'hanging';
      this.watchIdle();
      return;
    }
    callResponder(this.plan.responder, asked, this.onReply, this.onResponderFailed);
  }

  private deliver(reply: Reply): void {
    if (this.stage !== 'answering' || this.conn.notWritable() !== null) {
      // Reset or closed meanwhile: nothing is sent, and a file opened for the answer is let go.
      if (reply.file) void reply.file.handle.close().catch(() => undefined);
      return;
    }
    if (reply.file && this.settings.after === 'drip') {
      // Dripping sends the answer a few bytes at a time: it needs the file's bytes in memory.
      void inMemory(reply, reply.file).then((whole) => this.deliver(whole));
      return;
    }
    // A responder may hand out the same notes every time: each event gets params of its own.
    for (const note of reply.notes ?? []) this.note(note.code, { ...note.params });
    if (!this.answeredOnce) {
      this.answeredOnce = true;
      this.host.onFirstAnswer();
    }
    const s = this.settings;
    if (s.after === 'drip') {
      const answer = concatBytes(reply.writes);
      this.note('drip_started', { bytes: s.dripBytes, everyMs: s.dripEveryMs });
      this.stage = 'dripping';
      this.stopDrip = drip(this.conn, answer, {
        bytes: s.dripBytes,
        everyMs: s.dripEveryMs,
        onDone: () => {
          this.noteAnswered(answer);
          this.halfCloseAndWait();
        },
      });
      return;
    }
    this.writeReply(reply.writes);
    this.noteAnswered(reply.writes[0]);
    if (reply.file) this.sendFile(reply.file, () => this.afterAnswer());
    else this.afterAnswer();
  }

  /**
   * Streams a large file after the head, then `then()`. While it streams, a client that reads
   * nothing for idleTimeoutMs is let go (UnreadWatch); a file that fails or shrinks midway breaks
   * Content-Length's promise, so the connection is closed after saying why.
   */
  private sendFile(file: StreamedFile, then: () => void): void {
    const before = this.stage;
    this.stage = 'sending';
    this.timers.watchUnread(this.settings.idleTimeoutMs);
    this.stopStream = streamFile(this.conn, file, (end) => {
      this.stopStream = nothing;
      this.timers.stopUnread();
      if (this.stage !== 'sending') return;
      this.stage = before;
      if (end.ok) then();
      else {
        this.note('file_unreadable', { file: file.name, code: end.code });
        this.closeNow();
      }
    });
  }

  /** What the `after` policy does once the whole answer is written. */
  private afterAnswer(): void {
    switch (this.settings.after) {
      case 'close':
        this.closeNow();
        break;
      case 'reset':
        // The RST waits until the answer is in the OS's hands: Node drops writes it still holds
        // when the socket is reset, and the learner should see the answer *and* the reset.
        this.stage = 'closing';
        this.conn.afterFlush(() => this.conn.reset());
        this.watchUnread();
        break;
      case 'keep_alive':
        this.keepAliveOrNot();
        break;
      default:
        this.halfCloseAndWait();
        break;
    }
  }

  /**
   * The reply's writes, one socket write and one `out` chunk each. Deliberately not corked into
   * one writev: lesson L4's headers and body go out as two sends, and what the client reads
   * should show it as a learner's own server would make it. (The canned answer, what the benchmark
   * measures, is one write anyway.)
   */
  private writeReply(writes: readonly Uint8Array[]): void {
    for (const bytes of writes) this.conn.writeUnchanging(bytes);
  }

  /** RFC 9112 section 9.3: persist unless the request asked to close or is HTTP/1.0 without keep-alive. */
  private keepAliveOrNot(): void {
    const state = this.request.state;
    // The head may have completed since the answer went out (first_chunk answers early).
    const refusal = keepAliveRefusal(state.state, state.state === 'complete' ? state.head : (this.asked?.head ?? null));
    if (refusal !== null) {
      this.note('keep_alive_declined', { reason: refusal });
      this.request.discard();
      this.halfCloseAndWait();
      return;
    }
    this.note('keep_alive_waiting', {});
    this.stage = 'finishing';
    this.watchIdle();
    this.finishRequest();
  }

  /** Keep-alive: once this request is all in, what follows it is the next request. */
  private finishRequest(): void {
    const state = this.request.state;
    if (state.state === 'complete') {
      this.request.shift(state.length);
      this.startRequest();
    } else if (state.state === 'invalid') {
      // Its end cannot be found, so neither can the next request's start.
      this.note('request_invalid', { reason: state.reason });
      this.request.discard();
      this.halfCloseAndWait();
    } else if (this.peerFinished) {
      this.closeNow();
    }
  }

  /** Lesson L1's shutdown(SHUT_WR): FIN, keep reading, release on the peer's FIN or a timeout. */
  private halfCloseAndWait(): void {
    if (this.peerFinished) {
      this.closeNow(); // the peer hung up already: ours is the second hang-up
      return;
    }
    const ms = this.settings.halfCloseWaitMs;
    this.note('waiting_for_fin', { ms });
    this.conn.halfClose();
    this.stage = 'fin_wait';
    this.timers.startFin(ms);
    this.watchIdle();
  }

  /** FIN, then release once flushed. */
  private closeNow(): void {
    this.stage = 'closing';
    this.stopTimers();
    this.conn.closeWhenFlushed();
    this.watchUnread();
  }

  /** Closing or resetting behind unsent bytes: the peer may read nothing for idleTimeoutMs at most. */
  private watchUnread(): void {
    this.timers.watchUnread(this.settings.idleTimeoutMs);
  }

  /** A wait ran out (exchange-timers.ts): journaled, then hang up, or let go after our FIN. */
  timedOut(which: ExchangeTimeout, ms: number): void {
    if (this.stage === 'closing') return;
    this.conn.recordDecision({ kind: 'timeout', which, ms });
    if (which !== 'fin_wait') {
      this.closeNow();
      return;
    }
    // Our FIN is out already: let go of the socket without waiting any longer.
    this.stage = 'closing';
    this.stopTimers();
    void this.conn.destroy();
  }

  /** The server waits for the client now: "no byte received for idleTimeoutMs" counts from here. */
  private watchIdle(): void {
    this.timers.watchIdle(this.settings.idleTimeoutMs);
  }

  private noteAnswered(first: Uint8Array | undefined): void {
    this.note('answered', { responder: this.settings.responder.kind, status: statusOf(first), version: this.plan.version });
  }

  /** `params` becomes the event's: a fresh object, never changed afterwards. */
  private note(code: NoteCode, params: Record<string, string | number>): void {
    this.conn.recordNote(code, params);
  }

  private responderFailed(err: unknown): void {
    // Responders answer their own failures (404, 500); reaching here is a bug, not the client's.
    console.error('wirebench engine: a responder failed', err);
    if (this.stage === 'answering') this.closeNow();
  }

  private stopTimers(): void {
    this.timers.cancel();
    this.stopDrip();
    this.stopStream();
  }
}

