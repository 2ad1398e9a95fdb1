// Real peers for the client's tests: python3 servers in the style of the lessons (LESSONS.md) that
// report, in hex on stderr, every byte they sent and received, and netcat-openbsd listening as
// `nc -l`. Each runs as its own process on 127.0.0.1 (or ::1); nothing here imitates the network.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { Encoded } from '../../../shared/typed-input';
import type { Finished } from './peers';

export interface Peer {
  port: number;
  /** Resolves when the process exits. */
  done: Promise<Finished>;
  /** Resolves once the process's stderr, so far, satisfies `check` (a line it printed, a count). */
  said(what: string, check: (stderr: string) => boolean): Promise<void>;
  /** Ends the process now (for peers that would otherwise wait). */
  stop(): void;
}

/** A port that was free a moment ago: bound on 127.0.0.1 port 0, read, and let go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a python3 server script that prints its port as its first stdout line. */
export function startPythonPeer(script: string, args: (string | number)[] = []): Promise<Peer> {
  return watch(spawn('python3', ['-c', script, ...args.map(String)], { stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * netcat-openbsd as the peer: `nc -v -l 127.0.0.1 PORT`, stdin /dev/null, writing what it receives
 * to stdout. Checked with netcat-openbsd 1.219 (Debian): it exits once the network side sends its
 * FIN, without -N or -q (those are about EOF on *stdin*; -N would even send nc's own FIN at once,
 * stdin being empty), and until then it holds the connection open. -v makes it say "Listening on"
 * on stderr, so the test connects only once nc is there.
 */
export async function startNc(): Promise<Peer> {
  const port = await freePort();
  const peer = await watch(spawn('nc', ['-v', '-l', '127.0.0.1', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] }), port);
  await peer.said('Listening on', (stderr) => stderr.includes('Listening on'));
  return peer;
}

/** Collects the child's output as it runs; the port is known, or read from stdout's first line. */
function watch(child: ChildProcess, knownPort?: number): Promise<Peer> {
  const stdout: Buffer[] = [];
  let stderr = '';
  let exited = false;
  const waiting = new Set<() => void>();
  const wake = (): void => {
    for (const w of waiting) w();
  };
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const done = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      exited = true;
      resolve({ code, stdout: Buffer.concat(stdout), stderr });
      wake();
    });
  });
  const said = (what: string, check: (text: string) => boolean): Promise<void> =>
    new Promise((resolve, reject) => {
      const test = (): void => {
        if (check(stderr)) resolve();
        else if (exited) reject(new Error(`the peer exited before it said ${what}: ${stderr}`));
        else return;
        waiting.delete(test);
      };
      waiting.add(test);
      test();
    });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('latin1');
    wake();
  });
  return new Promise((resolve, reject) => {
    let ready = false;
    const found = (port: number): void => {
      if (ready) return;
      ready = true;
      resolve({ port, done, said, stop: () => child.kill('SIGKILL') });
    };
    child.stdout?.on('data', (c: Buffer) => {
      stdout.push(c);
      const line = knownPort === undefined ? /^(\d+)\n/.exec(Buffer.concat(stdout).toString('latin1')) : null;
      if (line) found(Number(line[1]));
    });
    if (knownPort !== undefined) found(knownPort);
    done.then((f) => {
      if (!ready) reject(new Error(`the peer exited early (${f.code}): ${f.stderr}`));
    }, reject);
  });
}

/** The bytes of what was typed (encodeLines, decodeHex); a typing mistake is the test's own. */
export function typed(encoded: Encoded): Uint8Array {
  if (!encoded.ok) throw new Error(`not typable: ${JSON.stringify(encoded.mistake)}`);
  return encoded.bytes;
}

/** The bytes a script reported as `name HEX` on a line of its stderr (empty hex: none). */
export function reported(stderr: string, name: string): Buffer {
  const line = new RegExp(`^${name} ([0-9a-f]*)$`, 'm').exec(stderr);
  if (!line) throw new Error(`no "${name}" line in: ${stderr}`);
  return Buffer.from(line[1] as string, 'hex');
}

/**
 * Lesson L1's server on a free port: recv once (up to 5000 bytes), print the request line, one
 * sendall of the lesson's exact answer, shutdown(SHUT_WR) (its FIN: "first hang-up"), then wait
 * for the client's own close (recv returns b'') and close.
 */
export const L1_SERVER = String.raw`
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(5)
print(s.getsockname()[1], flush=True)
conn, addr = s.accept()
raw = conn.recv(5000)
sys.stderr.write('request line %s\n' % raw.decode().split('\n')[0].strip())
response = ('HTTP/1.1 200 OK\r\n'
            'Content-Type: text/html; charset=utf-8\r\n'
            '\r\n'
            '<html><body>Hello World</body></html>\r\n\r\n').encode()
conn.sendall(response)
conn.shutdown(socket.SHUT_WR)
late = b''
while True:
    more = conn.recv(5000)
    if not more:
        break
    late += more
conn.close()
s.close()
sys.stderr.write('received %s\nsent %s\nlate %s\n' % (raw.hex(), response.hex(), late.hex()))
`;

/**
 * Lesson L2's server, bound to argv[1] (127.0.0.1 or ::1): recv(1024) once, the bare-LF answer
 * with no headers, close.
 */
export const L2_SERVER_AT = String.raw`
import socket, sys
host = sys.argv[1]
s = socket.socket(socket.AF_INET6 if ':' in host else socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((host, 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
conn, addr = s.accept()
request = conn.recv(1024)
response = b'HTTP/1.1 200 OK\n\nHello, World!'
conn.sendall(response)
conn.close()
s.close()
sys.stderr.write('peer %s\nreceived %s\nsent %s\n' % (addr[0], request.hex(), response.hex()))
`;

/**
 * Lesson L4's static file server: the path from the request line, '/' means '/index.html', the
 * file read from the document root argv[1], 404 with a short text when it is missing; the headers
 * and the body go out in separate sends, then close. The lesson loops on accept() forever; this
 * one serves argv[2] clients, one after the other, reporting `sentN HEX` for the Nth.
 */
export const L4_STATIC_SERVER = String.raw`
import os, socket, sys
root = sys.argv[1]
clients = int(sys.argv[2])
types = {'.html': 'text/html', '.jpg': 'image/jpg', '.txt': 'text/plain'}
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(128)
print(s.getsockname()[1], flush=True)
for n in range(1, clients + 1):
    conn, addr = s.accept()
    request = conn.recv(5000).decode()
    path = request.split('\r\n')[0].split(' ')[1]
    if path == '/':
        path = '/index.html'
    file = os.path.join(root, path.lstrip('/'))
    if '..' not in path and os.path.isfile(file):
        with open(file, 'rb') as f:
            body = f.read()
        kind = types.get(os.path.splitext(file)[1], 'application/octet-stream')
        head = ('HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n' % (kind, len(body))).encode()
    else:
        body = b'404 Not Found\r\n'
        head = b'HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n\r\n'
    conn.sendall(head)
    conn.sendall(body)
    conn.close()
    sys.stderr.write('sent%d %s\n' % (n, (head + body).hex()))
    sys.stderr.flush()
s.close()
`;

/**
 * Records the length of each recv(), pausing a little between reads, until EOF: `chunk N` as each
 * one arrives, then `lengths N N ...`, then closes.
 */
export const CHUNK_RECORDER = String.raw`
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
conn, addr = s.accept()
lengths = []
while True:
    data = conn.recv(1024)
    if not data:
        break
    lengths.append(len(data))
    sys.stderr.write('chunk %d\n' % len(data))
    sys.stderr.flush()
    time.sleep(0.01)
sys.stderr.write('lengths %s\n' % ' '.join(map(str, lengths)))
conn.close()
s.close()
`;

/** Reads until EOF or a reset, saying which: `got N` after each chunk, then `eof` or `reset <Error>`. */
export const RESET_WATCHER = String.raw`
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
conn, addr = s.accept()
while True:
    try:
        data = conn.recv(1024)
    except ConnectionResetError as e:
        sys.stderr.write('reset %s\n' % type(e).__name__)
        break
    if not data:
        sys.stderr.write('eof\n')
        break
    sys.stderr.write('got %d\n' % len(data))
    sys.stderr.flush()
conn.close()
s.close()
`;

/** Accepts, reads once, then closes with SO_LINGER 0: an RST to a client still connected. */
export const RESET_AFTER_READ_SERVER = String.raw`
import socket, struct, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
conn, addr = s.accept()
data = conn.recv(1024)
conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
conn.close()
s.close()
sys.stderr.write('received %d then reset\n' % len(data))
`;

/** Accepts and closes at once, fully (FIN; anything that arrives after it is answered with RST). */
export const CLOSE_AT_ONCE_SERVER = String.raw`
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
conn, addr = s.accept()
conn.close()
sys.stderr.write('closed\n')
sys.stderr.flush()
time.sleep(10)
`;
