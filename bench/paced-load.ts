// A paced load: `GET /` at a steady rate (not as fast as possible, as bench/load-client.ts does),
// for the UI-under-load bench, which asks how the workbench feels while a server takes a given
// rate. A token bucket, refilled every millisecond tick: each due request goes out on an idle
// connection (keep_alive: CONNECTIONS sockets, one request in flight on each, answers framed by
// Content-Length, RFC 9112 section 6.3) or on a new connection (close: one request each, its
// answer ends at the server's FIN, at most CONNECTIONS open at once). A request that falls due
// while no connection can take it is counted as `late` and sent when one can, so a slow server
// shows as a lower achieved rate, never as a burst that makes up for it.
//   node --import tsx bench/paced-load.ts PORT close|keep_alive RATE SECONDS [CONNECTIONS]
// Prints one JSON line: {"requests", "errors", "seconds", "rate", "late", "perSecond": [...]}.
import { connect, type Socket } from 'node:net';
import { AnswerFramer, UNFRAMABLE } from './answer-framer';

const [portText, mode, rateText, secondsText, connectionsText] = process.argv.slice(2);
const port = Number(portText);
const rate = Math.min(Math.max(Number(rateText) || 10_000, 1), 1_000_000);
const seconds = Math.min(Math.max(Number(secondsText) || 10, 0.1), 3600);
const connections = Math.min(Math.max(Number(connectionsText) || 64, 1), 2000);
if (!Number.isInteger(port) || port < 1 || port > 65535 || (mode !== 'close' && mode !== 'keep_alive')) {
  process.stderr.write('usage: paced-load.ts PORT close|keep_alive RATE SECONDS [CONNECTIONS]\n');
  process.exit(2);
}

const request = Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${mode === 'close' ? 'Connection: close\r\n' : ''}\r\n`);
// Set once the keep-alive connections are up, so connecting is not counted as lateness.
let started = 0;
let deadline = Number.POSITIVE_INFINITY;
let issued = 0;
let requests = 0;
let errors = 0;
let late = 0;
/** Answers completed in each whole second since the start. */
const perSecond: number[] = [];

const answered = (): void => {
  requests++;
  const second = Math.floor((performance.now() - started) / 1000);
  perSecond[second] = (perSecond[second] ?? 0) + 1;
};

/** keep_alive: sockets with no request in flight. */
const idle: KeepAlive[] = [];
let openClose = 0;

class KeepAlive {
  private readonly answers = new AnswerFramer();
  private waiting = false;
  readonly socket: Socket;

  constructor() {
    this.socket = connect({ host: '127.0.0.1', port }, () => idle.push(this));
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', () => {});
    this.socket.on('close', () => {
      if (this.waiting) errors++;
      this.waiting = false;
      const at = idle.indexOf(this);
      if (at >= 0) idle.splice(at, 1);
      // A connection the server closed is replaced, so the rate does not sag for the rest of the run.
      if (performance.now() < deadline) new KeepAlive();
    });
  }

  send(): void {
    this.waiting = true;
    this.socket.write(request);
  }

  private read(chunk: Buffer): void {
    const answers = this.answers.push(chunk);
    if (answers === UNFRAMABLE) {
      errors++;
      this.socket.destroy();
      return;
    }
    if (answers === 0) return; // one request in flight: at most one answer
    this.waiting = false;
    answered();
    idle.push(this);
  }
}

function sendClose(): void {
  openClose++;
  let received = 0;
  let failed = false;
  const socket = connect({ host: '127.0.0.1', port }, () => socket.write(request));
  socket.on('data', (chunk: Buffer) => (received += chunk.length));
  socket.on('error', () => (failed = true));
  socket.on('close', () => {
    openClose--;
    if (failed || received === 0) errors++;
    else answered();
  });
}

/** Sends whatever is due by now, as far as connections allow. */
function tick(): void {
  const now = performance.now();
  const due = Math.floor(((Math.min(now, deadline) - started) / 1000) * rate) - issued;
  let sent = 0;
  while (sent < due) {
    if (mode === 'keep_alive') {
      const conn = idle.shift();
      if (!conn) break;
      conn.send();
    } else {
      if (openClose >= connections) break;
      sendClose();
    }
    sent++;
  }
  issued += sent;
  // Due but not sent: counted once, and dropped from the schedule (never sent as a catch-up burst).
  if (due > sent) {
    late += due - sent;
    issued += due - sent;
  }
  if (now >= deadline) finish();
}

let finished = false;
function finish(): void {
  if (finished) return;
  finished = true;
  clearInterval(timer);
  // Answers in flight get a moment to arrive.
  setTimeout(() => {
    const elapsed = (performance.now() - started) / 1000;
    const result = { requests, errors, seconds: elapsed, rate: requests / Math.min(elapsed, seconds), late, perSecond };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  }, 200);
}

let timer: NodeJS.Timeout | undefined;
function begin(): void {
  started = performance.now();
  deadline = started + seconds * 1000;
  timer = setInterval(tick, 1);
}

if (mode === 'keep_alive') {
  for (let i = 0; i < connections; i++) new KeepAlive();
  const ready = setInterval(() => {
    if (idle.length < connections) return;
    clearInterval(ready);
    begin();
  }, 1);
} else begin();
