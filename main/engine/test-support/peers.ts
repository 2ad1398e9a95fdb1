// Real peers for the engine's tests: curl and python3 scripts written in the style of the lessons
// (LESSONS.md). Each runs as its own process and talks to the engine over real loopback sockets;
// nothing here imitates the network.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Finished {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs a program to completion (killed after timeoutMs), collecting its output as bytes. */
export function run(command: string, args: string[], timeoutMs = 10_000): Promise<Finished> {
  return finished(spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] }), timeoutMs);
}

/**
 * A peer kept as a real Python file in ./peers/ (runnable and readable on its own), as its text
 * for runPython or startPythonServer. The peers still written inline in tests move there too.
 */
export function peerScript(name: string): string {
  return readFileSync(join(import.meta.dirname, 'peers', name), 'utf8');
}

export function runPython(script: string, args: (string | number)[] = []): Promise<Finished> {
  return run('python3', ['-c', script, ...args.map(String)]);
}

export interface PythonServer {
  port: number;
  /** Resolves when the script exits (it serves one connection, then exits). */
  done: Promise<Finished>;
  /** Ends the script now (for servers that would otherwise wait). */
  stop(): void;
}

/** Starts a python3 server script that prints its port on its first stdout line. */
export function startPythonServer(script: string): Promise<PythonServer> {
  const child = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const done = finished(child, 15_000);
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('latin1');
      const line = /^(\d+)\n/.exec(text);
      if (!line) return;
      child.stdout?.off('data', onData);
      resolve({ port: Number(line[1]), done, stop: () => child.kill('SIGKILL') });
    };
    child.stdout?.on('data', onData);
    done.then((f) => reject(new Error(`python server exited early: ${f.stderr}`)), reject);
  });
}

function finished(child: ChildProcess, timeoutMs: number): Promise<Finished> {
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => stdout.push(c));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(stdout), stderr });
    });
  });
}

/** Reads "name N" pairs the scripts print on stderr, e.g. "sent 44 received 100". */
export function counts(stderr: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of stderr.matchAll(/([a-z]+) (\d+)/g)) out[m[1] as string] = Number(m[2]);
  return out;
}

/** Lesson L1's client: connect, send one HTTP/1.0 request, recv(512) until EOF, close. */
export const L1_CLIENT = peerScript('l1-client.py');

/** Lesson L2's server: accept one client, recv(1024) once, answer with bare LFs, close. */
export const L2_SERVER = peerScript('l2-server.py');

/** A server that answers only after the client's FIN: it reads until recv() returns b''. */
export const READ_TO_EOF_SERVER = peerScript('read-to-eof-server.py');

/**
 * A listener whose accept queue is full: listen(0), never accept, and two connections of its own
 * already waiting. Linux then drops further SYNs (the queue overflows), so a connect to it
 * neither succeeds nor is refused: it times out, as against a host that does not answer.
 */
export const FULL_BACKLOG_SERVER = peerScript('full-backlog-server.py');

/**
 * A client that follows a script of steps, given as JSON in argv[2]:
 *   ["send", "text"]      sendall (latin-1: one byte per char)
 *   ["sleep", seconds]
 *   ["quiet", seconds]    wait that long and count what arrives meanwhile ("early N" on stderr)
 *   ["shut_wr"]           shutdown(SHUT_WR): our FIN
 *   ["read_all"]          recv until EOF (or a reset), printing the bytes on stdout
 *   ["wait_stdin"]        wait for a line on stdin (see startScript's proceed)
 *   ["mark", "name"]      tell the test it got here (see startScript's reached)
 *   ["rst"]               close with SO_LINGER 0 (an RST), and stop
 * Then it closes and reports "early N received M reset R sendfail F" on stderr: R is 1 if a read
 * was reset, F is 1 if a send failed (the peer had closed; the remaining steps are skipped).
 */
export const SCRIPTED_CLIENT = peerScript('scripted-client.py');

export type ScriptStep =
  | ['send', string]
  | ['sleep', number]
  | ['quiet', number]
  | ['shut_wr']
  | ['read_all']
  | ['wait_stdin']
  | ['mark', string]
  | ['rst'];

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
  const child = spawn('python3', ['-c', SCRIPTED_CLIENT, String(port), JSON.stringify(steps)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let said = '';
  const waiting: { line: string; resolve: () => void }[] = [];
  child.stderr?.on('data', (c: Buffer) => {
    said += c.toString();
    for (const w of waiting.filter((w) => said.includes(w.line))) w.resolve();
  });
  const done = finished(child, timeoutMs);
  return {
    done,
    proceed: () => child.stdin?.write('\n'),
    reached: (name) =>
      new Promise((resolve, reject) => {
        const line = `mark ${name}\n`;
        if (said.includes(line)) resolve();
        else waiting.push({ line, resolve });
        void done.then(() => reject(new Error(`the script ended before ${name}`)));
      }),
  };
}
