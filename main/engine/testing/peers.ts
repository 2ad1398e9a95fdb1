// Real peers for the tests: python3 programs in the style of the lessons (LESSONS.md), kept as
// files in ./peers/ that share one opening (peers/peer.py) and one reporting format (described
// there, read by counts() and reported() below), plus curl. Each runs as its own process and
// talks over real loopback sockets; nothing here imitates the network. Every peer is listed here,
// and each file says at its top what it does, what arguments it takes and what it reports.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { start, type Finished, type Running } from './peer-process';

declare const peerFileBrand: unique symbol;
/** The path of a peer in ./peers/. The runners take only these, so no script hides in a string again. */
export type PeerFile = string & { readonly [peerFileBrand]: true };

const FOLDER = join(import.meta.dirname, 'peers');

function peerFile(name: string): PeerFile {
  const path = join(FOLDER, name);
  if (!existsSync(path)) throw new Error(`no peer ${name} in ${FOLDER}`);
  return path as PeerFile;
}

// Servers: each prints its port as its first stdout line and serves one client (L4: several).
/** Lesson L1's server: one sendall, shutdown(SHUT_WR), then it waits for the client's close. */
export const L1_SERVER = peerFile('l1-server.py');
/** Lesson L2's server, bare LFs, then close. Args: [127.0.0.1 | ::1] [close | abort]. */
export const L2_SERVER = peerFile('l2-server.py');
/** Lesson L4's static file server. Args: root clients. */
export const L4_STATIC_SERVER = peerFile('l4-static-server.py');
/** Reads until the client's FIN, then answers. Args: [answer | none]. */
export const READ_TO_EOF_SERVER = peerFile('read-to-eof-server.py');
/** A full accept queue: a connect to it neither succeeds nor is refused, it times out. */
export const FULL_BACKLOG_SERVER = peerFile('full-backlog-server.py');
/** Accepts and holds the connection, silent; with nobody connecting, it holds its port. */
export const HOLDER = peerFile('holder.py');
/** Reads once, then resets (SO_LINGER 0). */
export const RESETTER = peerFile('resetter.py');
/** Accepts and closes at once (FIN). */
export const CLOSE_AT_ONCE_SERVER = peerFile('close-at-once-server.py');
/** Reports the length of each recv(). */
export const CHUNK_RECORDER = peerFile('chunk-recorder.py');
/** Reads until EOF or a reset, saying which. */
export const RESET_WATCHER = peerFile('reset-watcher.py');

// Clients: the first argument is the port.
/** Lesson L1's client: one request (the lesson's, or argv[2]), recv(512) until EOF. */
export const L1_CLIENT = peerFile('l1-client.py');
/** Lesson L1's higher-level client: urllib.request fetches /romeo.txt. */
export const URLLIB_CLIENT = peerFile('urllib-client.py');
/** Follows a script of steps: see runScript and startScript below. */
const SCRIPTED_CLIENT = peerFile('scripted-client.py');
/** Connections opened and reset by the hundred. Args: port total batch. */
export const RESET_STORM = peerFile('reset-storm.py');
/** Many connections, each sending one byte a second of a head that never ends. Args: port clients seconds. */
export const SLOWLORIS = peerFile('slowloris.py');
/** One enormous request line. Args: port size. */
export const HUGE_REQUEST_LINE = peerFile('huge-request-line.py');

/** Runs a program to completion (killed after timeoutMs), collecting its output as bytes. */
export function run(command: string, args: string[], timeoutMs = 10_000): Promise<Finished> {
  return start(command, args, { timeoutMs }).done;
}

/** nc (netcat-openbsd) sends `input`, half-closes with -N, and gives back what came until EOF. */
export function nc(port: number, input: Uint8Array): Promise<Buffer> {
  const child = spawn('nc', ['-N', '-w', '5', '127.0.0.1', String(port)]);
  const out: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stdin.end(input);
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', () => done(Buffer.concat(out)));
  });
}

/**
 * Starts a peer. The file, not `-c` and its text, so Python puts ./peers/ on sys.path and peer.py
 * is found from any working directory; -B, so that import writes no __pycache__ into the tree.
 */
export function startPython(file: PeerFile, args: readonly (string | number)[] = [], timeoutMs = 30_000, stdin = false): Running {
  return start('python3', ['-B', file, ...args.map(String)], { timeoutMs, stdin });
}

export function runPython(file: PeerFile, args: readonly (string | number)[] = []): Promise<Finished> {
  return startPython(file, args, 10_000).done;
}

export interface PythonServer extends Pick<Running, 'done' | 'said' | 'stop'> {
  port: number;
}

/** Starts a server peer and waits for the port it prints on its first stdout line. */
export async function startPythonServer(file: PeerFile, args: readonly (string | number)[] = [], timeoutMs = 15_000): Promise<PythonServer> {
  const peer = startPython(file, args, timeoutMs);
  const line = await peer.firstLine;
  if (!/^\d+$/.test(line)) {
    const f = await peer.done;
    throw new Error(`${basename(file)} exited before it said its port (${f.code}): ${f.stderr}`);
  }
  return { port: Number(line), done: peer.done, said: peer.said, stop: peer.stop };
}

/** The numbers a peer reported: each `name N` line, and the length of each `name N HEX` (bytes). */
export function counts(stderr: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of stderr.matchAll(/^([a-z][a-z0-9]*) (\d+)(?: [0-9a-f]*)?$/gm)) out[m[1] as string] = Number(m[2]);
  return out;
}

/** The bytes a peer reported as `name N HEX` (N the length; no HEX when there were none). */
export function reported(stderr: string, name: string): Buffer {
  const line = new RegExp(`^${name} (\\d+) ?([0-9a-f]*)$`, 'm').exec(stderr);
  if (!line) throw new Error(`no "${name}" line in: ${stderr}`);
  const bytes = Buffer.from(line[2] as string, 'hex');
  if (bytes.length !== Number(line[1])) throw new Error(`"${name}" says ${line[1]} bytes but holds ${bytes.length}`);
  return bytes;
}

/** A step of the scripted client (peers/scripted-client.py says what each does). */
export type ScriptStep =
  | ['send', string]
  | ['sleep', number]
  | ['quiet', number]
  | ['shut_wr']
  | ['recv', number]
  | ['read_all']
  | ['wait_stdin']
  | ['mark', string]
  | ['rst'];

/** A client that sends half a request, then aborts: SO_LINGER 0 and close send RST, not FIN. */
export const ABORT_MID_REQUEST: ScriptStep[] = [['send', 'GET / HTTP/1.1\r\nHost: x\r\n'], ['sleep', 0.2], ['rst']];

/** Runs the scripted client to its end; it reports `early`, `received`, `reset` and `sendfail`. */
export function runScript(port: number, steps: ScriptStep[]): Promise<Finished> {
  return runPython(SCRIPTED_CLIENT, [port, JSON.stringify(steps)]);
}

export interface RunningScript {
  done: Promise<Finished>;
  /** Lets the script past its next ["wait_stdin"] step. */
  proceed(): void;
  /** Resolves once the script has passed its ["mark", name] step. */
  reached(name: string): Promise<void>;
}

/** Like runScript, but the test decides when each ["wait_stdin"] step goes on. */
export function startScript(port: number, steps: ScriptStep[], timeoutMs = 15_000): RunningScript {
  const peer = startPython(SCRIPTED_CLIENT, [port, JSON.stringify(steps)], timeoutMs, true);
  return {
    done: peer.done,
    proceed: () => peer.tell(''),
    reached: (name) => peer.said(name, (stderr) => stderr.includes(`mark ${name}\n`)),
  };
}
