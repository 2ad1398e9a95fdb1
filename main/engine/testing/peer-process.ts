// The one way tests run a peer program (python3, curl, nc) and watch it: its stdout as bytes, its
// stderr as text that can be waited on while it runs, and a kill after a timeout so a peer that
// hangs fails its test instead of holding the run.
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

export interface Finished {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export interface Running {
  /** The first line on stdout (without its newline); what there was, maybe '', if it ends first. */
  firstLine: Promise<string>;
  /** Resolves when the process has exited and its output is all in. */
  done: Promise<Finished>;
  /**
   * Resolves once stderr so far satisfies `check` (a fact reported, a count reached); rejects,
   * naming `what`, if the process ends without it.
   */
  said: (what: string, check: (stderr: string) => boolean) => Promise<void>;
  /** Writes a line to the process's stdin (only when started with `stdin: true`). */
  tell: (line: string) => void;
  /** Ends the process now (for peers that would otherwise wait). */
  stop: () => void;
}

export interface StartOptions {
  /** Killed with SIGKILL after this long. */
  timeoutMs: number;
  /** A pipe for tell(); otherwise stdin is closed, so nothing waits on it. */
  stdin?: boolean;
}

export function start(command: string, args: readonly string[], options: StartOptions): Running {
  const child = spawn(command, args, { stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  // A decoder, not chunk.toString(): a character split across two reads must not turn into two.
  const decoder = new StringDecoder('utf8');
  let stderr = '';
  let exited = false;
  const waiting = new Set<() => void>();
  const wake = (): void => {
    for (const check of [...waiting]) check();
  };

  let lineFound = false;
  let resolveLine: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((resolve) => (resolveLine = resolve));
  // Called when a chunk with a newline came, or at the end: a client's megabytes are not rescanned.
  const lookForLine = (): void => {
    if (lineFound) return;
    lineFound = true;
    const text = Buffer.concat(stdout).toString('latin1');
    const end = text.indexOf('\n');
    resolveLine(end < 0 ? text : text.slice(0, end));
  };

  child.stdout?.on('data', (chunk: Buffer) => {
    stdout.push(chunk);
    if (chunk.includes(0x0a)) lookForLine();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += decoder.write(chunk);
    wake();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  const done = new Promise<Finished>((resolve, reject) => {
    // 'error' is a process that could not start (no such program): everyone waiting hears of it.
    child.once('error', (error) => {
      clearTimeout(timer);
      exited = true;
      lookForLine();
      reject(error);
      wake();
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      stderr += decoder.end();
      exited = true;
      lookForLine();
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

  return {
    firstLine,
    done,
    said,
    tell: (line) => child.stdin?.write(`${line}\n`),
    stop: () => child.kill('SIGKILL'),
  };
}
