// The benchmark's load generator when wrk is not installed: N connections in a child process of
// their own (so they do not share an event loop with the server under test), each sending
// `GET /` and waiting for the whole answer before the next, for T seconds or R requests in all.
//   node --import tsx bench/load-client.ts PORT close|keep_alive CONNECTIONS SECONDS [MAX_REQUESTS]
// Prints one JSON line: {"requests": n, "errors": n, "seconds": s}.
// close: one request per connection, the answer ends at the server's FIN (like L1's client).
// keep_alive: one connection each, answers framed by Content-Length (RFC 9112 section 6.3).
import { connect, type Socket } from 'node:net';
import { AnswerFramer, UNFRAMABLE } from './answer-framer';

const [portText, mode, connectionsText, secondsText, maxText] = process.argv.slice(2);
const port = Number(portText);
const connections = Math.min(Math.max(Number(connectionsText) || 16, 1), 1000);
const seconds = Math.min(Math.max(Number(secondsText) || 5, 0.1), 3600);
const maxRequests = Number(maxText) || Number.POSITIVE_INFINITY;
if (!Number.isInteger(port) || port < 1 || port > 65535 || (mode !== 'close' && mode !== 'keep_alive')) {
  process.stderr.write('usage: load-client.ts PORT close|keep_alive CONNECTIONS SECONDS [MAX_REQUESTS]\n');
  process.exit(2);
}

const request = Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${mode === 'close' ? 'Connection: close\r\n' : ''}\r\n`);
const started = performance.now();
const deadline = started + seconds * 1000;
let requests = 0;
let issued = 0;
let errors = 0;
let active = connections;

const more = (): boolean => performance.now() < deadline && issued < maxRequests;

function workerDone(): void {
  active--;
  if (active === 0) finish();
}

function finish(): void {
  const elapsed = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ requests, errors, seconds: elapsed })}\n`);
  process.exit(0);
}

function closeWorker(): void {
  if (!more()) return workerDone();
  issued++;
  let received = 0;
  let failed = false;
  const socket = connect({ host: '127.0.0.1', port }, () => socket.write(request));
  socket.on('data', (chunk: Buffer) => (received += chunk.length));
  socket.on('error', () => (failed = true));
  socket.on('close', () => {
    if (failed || received === 0) errors++;
    else requests++;
    closeWorker();
  });
}

function keepAliveWorker(): void {
  let answers: AnswerFramer;
  let socket: Socket;
  const send = (): void => {
    if (!more()) {
      socket.destroy();
      return;
    }
    issued++;
    socket.write(request);
  };
  const open = (): void => {
    answers = new AnswerFramer();
    socket = connect({ host: '127.0.0.1', port }, send);
    socket.on('data', (chunk: Buffer) => {
      const count = answers.push(chunk);
      if (count === UNFRAMABLE) {
        errors++; // not an answer this client can frame: give up on the connection
        socket.destroy();
        return;
      }
      // One request in flight: each answer sends the next.
      for (let i = 0; i < count; i++) {
        requests++;
        send();
      }
    });
    socket.on('error', () => errors++);
    socket.on('close', () => (more() ? open() : workerDone()));
  };
  open();
}

for (let i = 0; i < connections; i++) (mode === 'close' ? closeWorker : keepAliveWorker)();
// Bounded whatever the server does: a server that never answers cannot hold the benchmark.
setTimeout(finish, seconds * 1000 + 10_000).unref();
// Stopped early (like wrk on Ctrl+C): report what was done so far.
process.on('SIGINT', finish);
