// Hostile and heavy clients for the robustness tests, as python3 scripts in their own process (so
// the load does not share the engine's event loop): a storm of connections opened and reset, a
// crowd of slowloris clients, and a single enormous request line.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Finished } from './peers';

/**
 * argv: port total batch. Opens `batch` connections at a time (non-blocking connects, then waits
 * until all are writable), then closes each with SO_LINGER 0: an RST, no FIN, no data. Prints
 * "opened N failed M" on stderr.
 */
export const RESET_STORM = String.raw`
import select, socket, struct, sys
port, total, batch = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
linger = struct.pack('ii', 1, 0)
opened = failed = 0
done = 0
while done < total:
    n = min(batch, total - done)
    socks = []
    for i in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        s.connect_ex(('127.0.0.1', port))
        socks.append(s)
    pending = set(socks)
    while pending:
        _, w, _ = select.select([], list(pending), [], 10)
        if not w:
            break
        for s in w:
            pending.discard(s)
    for s in socks:
        if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0 and s not in pending:
            opened += 1
        else:
            failed += 1
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
        s.close()
    done += n
sys.stderr.write('opened %d failed %d\n' % (opened, failed))
`;

/**
 * argv: port clients seconds. Slowloris: `clients` connections each send one byte of a request
 * head that never ends, every second, for `seconds`; then all close. Prints "ready" on stdout once
 * all are connected, and "sent N" (bytes, all clients) on stderr at the end.
 */
export const SLOWLORIS = String.raw`
import socket, sys, time
port, clients, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
head = b'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ' + b'a' * 10000
socks = []
for i in range(clients):
    socks.append(socket.create_connection(('127.0.0.1', port)))
sent = 0
for s in socks:
    s.send(head[:1])
    sent += 1
print('ready', flush=True)
end = time.monotonic() + seconds
at = 1
while time.monotonic() < end:
    time.sleep(1)
    for s in socks:
        s.send(head[at:at + 1])
        sent += 1
    at += 1
for s in socks:
    s.close()
sys.stderr.write('sent %d\n' % sent)
`;

/** argv: port size. A request line of `size` bytes, then reads the answer to EOF. */
export const HUGE_REQUEST_LINE = String.raw`
import socket, sys
port, size = int(sys.argv[1]), int(sys.argv[2])
request = b'GET /' + b'a' * size + b' HTTP/1.1\r\nHost: x\r\n\r\n'
s = socket.create_connection(('127.0.0.1', port))
s.sendall(request)
received = b''
while True:
    data = s.recv(65536)
    if not data:
        break
    received += data
s.close()
sys.stdout.buffer.write(received)
sys.stderr.write('sent %d received %d\n' % (len(request), len(received)))
`;

export interface Running {
  /** Resolves with the first stdout line. */
  firstLine: Promise<string>;
  done: Promise<Finished>;
}

/** Starts a python3 script; killed after timeoutMs. */
export function startPython(script: string, args: (string | number)[], timeoutMs = 30_000): Running {
  const child = spawn('python3', ['-c', script, ...args.map(String)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  let stderr = '';
  let resolveLine: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((resolve) => (resolveLine = resolve));
  child.stdout.on('data', (c: Buffer) => {
    stdout.push(c);
    const text = Buffer.concat(stdout).toString();
    if (text.includes('\n')) resolveLine(text.slice(0, text.indexOf('\n')));
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolveLine('');
      resolve({ code, stdout: Buffer.concat(stdout), stderr });
    });
  });
  return { firstLine, done };
}

/**
 * The kernel's count of connections it completed but could not queue for accept() because the
 * listen backlog was full (TcpExt ListenDrops in /proc/net/netstat, this network namespace), or
 * null where it cannot be read. Such a connection looks open to its client but never reaches
 * accept(): the server is right not to count it.
 */
export function listenDrops(): number | null {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((l) => l.startsWith('TcpExt:'));
    const names = (lines[0] ?? '').split(/\s+/);
    const values = (lines[1] ?? '').split(/\s+/);
    const at = names.indexOf('ListenDrops');
    return at > 0 ? Number(values[at]) : null;
  } catch {
    return null;
  }
}
