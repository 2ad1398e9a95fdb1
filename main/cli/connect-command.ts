// `wirebench connect <target>`: the workbench's raw TCP client in a terminal, like `nc -N` or
// telnet. stdin goes out as bytes (line by line with a chosen ending, raw, or spelled in hex), what
// the peer sends comes out on stdout exactly (or made visible), and the journal, FINs and RSTs
// included, is printed on stderr. It drives the same Engine through the same door as the UI's
// console (createHostDispatch), so the contract's rules and error codes apply unchanged.
import { utf8Encode } from '../../shared/bytes/bytes';
import type { CommandOutput, ErrorInfo, EventPayload, JournalEvent } from '../../shared/contract/contract';
import type { ErrorParams } from '../../shared/contract/errors';
import { errorSentenceKey } from '../../shared/i18n/error-key';
import { rstReasonKey, RstWitness, type RstReceived } from '../../shared/teardown/rst-reason';
import { encodeWire } from '../../shared/contract/wire-codec';
import type { WaitingHint } from '../../shared/waiting/waiting-codes';
import type { Dispatch } from '../host/dispatch';
import { Engine } from '../engine/engine';
import type { CliMistake } from './cli-args';
import type { CliContext, Subcommand, Translate } from './cli-context';
import { InputEncoder, type Encoded } from './connect-input';
import { ReceivedBytes } from './connect-output';
import { ConnectWaiting } from './connect-waiting';
import { CONNECT_OPTIONS, connectPlanFrom, type ConnectPlan } from './connect-options';
import { explainError } from './explain-error';
import { writeRecording } from './record-session';
import { eventLine } from './journal-lines';
import { createHostDispatch, unrestrictedFiles } from '../host/host-handlers';
import { MemorySettingsStore } from '../settings/settings-store';

export const connectCommand: Subcommand = {
  summary: 'cli.help.summary.connect',
  options: CONNECT_OPTIONS,
  arguments: { usage: 'cli.help.connect.arguments', max: 2 },
  details: 'cli.help.connectDetails',
  run: async (values, ctx, positionals) => {
    const planned = connectPlanFrom(values, positionals);
    if (!planned.ok) {
      ctx.err(ctx.t(planned.mistake.key, planned.mistake.params));
      return 2;
    }
    return new ConnectSession(ctx, planned.plan).run();
  },
};

/** How a session ends: its exit code, and what went wrong (an engine error or a line of input). */
interface Outcome {
  code: number;
  error?: ErrorInfo;
  mistake?: CliMistake;
  /** The server's RST reached us: said in words, with why it came (shared/teardown/rst-reason.ts). */
  rst?: RstReceived;
}

/** 128 + the signal's number, as a shell reports a command a signal stopped. */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/** How long, once done, the connection may take to close cleanly before the engine closes it. */
const CLOSE_GRACE_MS = 1000;

/**
 * journal-lines words FINs and RSTs as a server sees them; a client's journal says the same
 * events the other way round (its peer_fin is the server's FIN).
 */
const CLIENT_WORDS: Readonly<Record<string, string>> = {
  'cli.serve.event.peer_fin': 'cli.connect.event.peer_fin',
  'cli.serve.event.fin_sent': 'cli.connect.event.fin_sent',
  'cli.serve.event.rst_sent': 'cli.connect.event.rst_sent',
  'cli.serve.event.rst_received': 'cli.connect.event.rst_received',
};

class ConnectSession {
  private readonly engine: Engine;
  private readonly dispatch: Dispatch;
  private readonly clientT: Translate;
  private readonly received: ReceivedBytes;
  private connId: string | null = null;
  /** Events that came before the connected line; printed right after it. */
  private early: JournalEvent[] | null = [];
  private inputEnded = false;
  private peerFin = false;
  private finSent = false;
  private closed = false;
  private errorCode: string | null = null;
  private readonly rstWitness = new RstWitness();
  private rst: RstReceived | null = null;
  private hinted = false;
  /** Says why the exchange waits once input and output have been still for a second. */
  private readonly waiting = new ConnectWaiting((hint) => this.sayWaiting(hint));
  private outcome: Outcome | null = null;
  private settle: (outcome: Outcome) => void = () => {};
  private readonly done = new Promise<Outcome>((resolve) => (this.settle = resolve));
  private noticeClosed: () => void = () => {};
  private readonly closedSeen = new Promise<void>((resolve) => (this.noticeClosed = resolve));
  private stdin: ReturnType<CliContext['stdin']> | null = null;
  /** stdin's chunks are sent one after another, in order, each after the last has gone. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: CliContext,
    private readonly plan: ConnectPlan,
  ) {
    // The kernel's states are read for this one connection: after the server's FIN, Node reads no
    // more, so an RST that answers a line we typed is known only to the kernel until a later write
    // fails (EPIPE). With them, the session hears of it at once and says so.
    this.engine = new Engine({ host: 'cli', version: ctx.version, sampleDocRoot: ctx.paths.sampleDocRoot, kernelStates: true });
    this.dispatch = createHostDispatch(this.engine, { settings: new MemorySettingsStore(), files: unrestrictedFiles(this.engine) }, (err) => ctx.err(explainError(ctx.t, err)));
    this.clientT = (key, params) => ctx.t(CLIENT_WORDS[key] ?? key, params);
    this.received = new ReceivedBytes(plan.visible, (bytes) => ctx.outBytes(bytes));
  }

  async run(): Promise<number> {
    const { ctx, plan } = this;
    this.engine.onEvent((name, payload) => {
      if (name !== 'journal.delta') return;
      const { events } = payload as EventPayload<'journal.delta'>;
      if (this.early) this.early.push(...events);
      else this.handle(events);
    });
    // Ctrl+C is heard from the start: a connect to a silent host can take its whole timeout.
    const stop = ctx.stopRequested();
    const first = await Promise.race([this.dispatch('client.connect', plan.input), stop]);
    if (typeof first === 'string') {
      await this.engine.close();
      return SIGNAL_EXIT[first] ?? 130;
    }
    if (!first.ok) {
      await this.engine.close();
      this.report({ code: 1, error: first.error });
      return first.error.code === 'bad_input' ? 2 : 1;
    }
    const conn = first.value as CommandOutput<'client.connect'>;
    this.connId = conn.connId;
    this.announce(conn);
    const early = this.early ?? [];
    this.early = null;
    this.handle(early);
    void stop.then((signal) => this.finish({ code: SIGNAL_EXIT[signal] ?? 130 }));

    const headSent = plan.head ? await this.send({ bytes: plan.head, mistake: null }) : true;
    if (headSent) this.readInput();
    const outcome = await this.done;

    this.stopInput();
    if (!this.closed) {
      await this.dispatch('client.close', { connId: conn.connId });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.closedSeen, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
      clearTimeout(timer);
    }
    await this.engine.close(); // flushes the last events (the close itself) to handle()
    this.received.end();
    this.report(outcome);
    const unrecorded = await writeRecording(this.dispatch, plan.recording, ctx.version, []);
    if (unrecorded) ctx.err(ctx.t(errorSentenceKey(unrecorded), unrecorded.params));
    return unrecorded && outcome.code === 0 ? 1 : outcome.code;
  }

  /** telnet's "Trying 127.0.0.1... Connected to localhost.", from what the connect found out. */
  private announce(conn: CommandOutput<'client.connect'>): void {
    const { t } = this.ctx;
    const { host, port } = this.plan.input;
    if (this.plan.journal === 'json') return this.ctx.err(encodeWire({ kind: 'connected', conn }));
    if (this.plan.journal === 'none') return;
    const lines = conn.resolution.attempts.map(({ address, errno }) =>
      errno === null ? t('cli.connect.trying', { address }) : t('cli.connect.tryFailed', { address, errno }),
    );
    const address = conn.remote.address;
    lines.push(t(address === host ? 'cli.connect.connected' : 'cli.connect.connectedVia', { host, port, address }));
    lines.push(t(`cli.connect.input.${this.plan.mode.kind === 'lines' ? this.plan.mode.ending : this.plan.mode.kind}`));
    this.ctx.err(lines.join('\n'));
  }

  private handle(events: readonly JournalEvent[]): void {
    const lines: string[] = [];
    const moved: JournalEvent[] = [];
    for (const event of events) {
      if (event.connId !== this.connId) continue;
      // The kernel's states are sampled, not movement of the input or the output.
      if (event.kind !== 'tcp_state') moved.push(event);
      // The kernel's states come at times of the sampler's choosing, even after `closed`: the lines
      // keep to what the socket did (an RST only the kernel saw is a rst_received of its own).
      if (this.plan.journal === 'lines' && event.kind !== 'tcp_state') lines.push(eventLine(this.clientT, event));
      else if (this.plan.journal === 'json') lines.push(encodeWire(event));
      if (event.kind === 'data' && event.dir === 'in') {
        if (event.bytes) this.received.add(event.bytes);
        else this.ctx.err(this.ctx.t('cli.connect.evicted', { length: event.length }));
      } else if (event.kind === 'peer_fin') this.peerFin = true;
      else if (event.kind === 'fin_sent') this.finSent = true;
      else if (event.kind === 'error') this.errorCode ??= event.code;
      else if (event.kind === 'closed') this.closed = true;
      this.rst ??= this.rstWitness.see(event);
    }
    if (lines.length > 0) this.ctx.err(lines.join('\n'));
    this.waiting.see(moved);
    // The RST first: the error the OS reported (EPIPE, ECONNRESET) is how it showed, not why.
    if (this.rst !== null) this.finish({ code: 1, rst: this.rst });
    else if (this.errorCode !== null) this.finish({ code: 1, error: journalError(this.errorCode, this.plan, this.connId ?? '') });
    else if (this.closed || (this.peerFin && this.finSent)) this.finish({ code: 0 });
    else if (this.peerFin && !this.inputEnded && !this.hinted && this.plan.journal === 'lines') {
      this.hinted = true;
      this.ctx.err(this.ctx.t('cli.connect.peerFinOpen'));
    }
    if (this.closed) this.noticeClosed();
  }

  private readInput(): void {
    const stream = this.ctx.stdin();
    this.stdin = stream;
    const encoder = new InputEncoder(this.plan.mode);
    stream.on('data', (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? utf8Encode(chunk) : chunk;
      // Held while its bytes are sent: a fast pipe waits for the engine instead of piling up.
      stream.pause();
      this.queue = this.queue.then(async () => {
        if (await this.send(encoder.push(bytes))) stream.resume();
      });
    });
    stream.once('end', () => {
      this.queue = this.queue.then(async () => {
        if (await this.send(encoder.end())) await this.endInput();
      });
    });
    stream.once('error', (err) => this.finish({ code: 1, error: { code: 'os_error', params: osParams(err) } }));
  }

  /** Sends what a chunk of input came to; false once nothing more should be sent. */
  private async send({ bytes, mistake }: Encoded): Promise<boolean> {
    if (this.outcome || this.connId === null) return false;
    // Never an empty send: the contract refuses it, and there would be nothing to see.
    if (bytes.length > 0) {
      const sent = await this.dispatch('client.send', { connId: this.connId, bytes });
      if (!sent.ok) return this.commandFailed(sent.error);
    }
    if (mistake) {
      const { line, column, char } = mistake;
      this.finish({ code: 2, mistake: { key: `cli.connect.errors.${mistake.problem}`, params: { line: String(line), column: String(column), char } } });
      return false;
    }
    return true;
  }

  /** stdin ended: our FIN (shutdown(SHUT_WR)); what the peer still sends is still read. */
  private async endInput(): Promise<void> {
    this.inputEnded = true;
    if (this.outcome || this.connId === null) return;
    const ended = await this.dispatch('client.halfClose', { connId: this.connId });
    if (!ended.ok) this.commandFailed(ended.error);
  }

  /**
   * A connection that can no longer send was closed or reset under us: its journal events, a few
   * milliseconds behind the command's answer, will say which. Anything else ends the session now.
   */
  private commandFailed(error: ErrorInfo): false {
    // conn_reset and broken_pipe are read from the journal's error, which follows its rst_received.
    if (error.code === 'not_writable' || error.code === 'conn_reset' || error.code === 'broken_pipe') this.stopInput();
    else this.finish({ code: 1, error });
    return false;
  }

  private stopInput(): void {
    if (!this.stdin) return;
    this.stdin.removeAllListeners('data');
    this.stdin.destroy(); // a terminal left open would keep the process alive
    this.stdin = null;
  }

  /** Why the exchange is waiting, on stderr (never stdout: it carries the peer's bytes). */
  private sayWaiting(hint: WaitingHint): void {
    if (this.outcome || this.plan.journal === 'none') return;
    const sentence = this.ctx.t(`cli.connect.waiting.${hint.code}`, hint.params);
    if (this.plan.journal === 'json') return this.ctx.err(encodeWire({ kind: 'waiting', hint, sentence }));
    // The server's FIN with our side still open is said at once (peerFinOpen).
    if (hint.code === 'awaiting_peer_fin' && this.hinted) return;
    this.ctx.err(sentence);
  }

  private finish(outcome: Outcome): void {
    if (this.outcome) return;
    this.waiting.stop();
    this.outcome = outcome;
    this.settle(outcome);
  }

  private report(outcome: Outcome): void {
    const { t } = this.ctx;
    const sentence = outcome.rst
      ? t('cli.connect.rstReceived', { reason: t(rstReasonKey('client', outcome.rst.cause)) })
      : outcome.error
        ? t(errorSentenceKey(outcome.error), outcome.error.params)
        : outcome.mistake
          ? t(outcome.mistake.key, outcome.mistake.params)
          : null;
    if (sentence === null) return;
    const failed = { kind: 'failed', error: outcome.error ?? null, ...(outcome.rst ? { rst: outcome.rst } : {}), sentence };
    this.ctx.err(this.plan.journal === 'json' ? encodeWire(failed) : sentence);
  }
}

/** An error the OS reported on the open connection, as the contract's code for it. */
function journalError(errno: string, plan: ConnectPlan, connId: string): ErrorInfo {
  const { host, port } = plan.input;
  switch (errno) {
    case 'ECONNRESET':
      return { code: 'conn_reset', params: { connId } };
    case 'EPIPE':
      return { code: 'broken_pipe', params: { connId } };
    case 'ETIMEDOUT':
      return { code: 'conn_timeout', params: { host, port } };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { code: 'host_unreachable', params: { host } };
    default:
      return { code: 'os_error', params: { errno, syscall: 'read/write' } };
  }
}

function osParams(err: unknown): ErrorParams<'os_error'> {
  const e = err as NodeJS.ErrnoException | undefined;
  return { errno: e?.code ?? 'unknown', syscall: e?.syscall ?? 'read' };
}
