// `wirebench serve` as users run it: the built CLI (out/main/wirebench.js, as `npm run build` makes
// it) in a process of its own, its output sent where a load test sends it (`> /dev/null 2>&1`).
// Node opens /dev/null for stdio 'ignore', so the CLI writes every event line as it would to a
// redirected terminal, and this process reads none of it. The port is one we pick and pass.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Policy } from './bare-server';
import { onFreePort, waitForListener } from './ports';
import type { RunningServer } from './servers';

export const CLI_ENTRY = join(import.meta.dirname, '..', 'out', 'main', 'wirebench.js');

export interface CliServer extends RunningServer {
  pid: number;
}

/** Starts `node out/main/wirebench.js serve --host 127.0.0.1 --port <free> ...args`. */
export async function startCliServer(args: string[]): Promise<CliServer> {
  if (!existsSync(CLI_ENTRY)) throw new Error(`${CLI_ENTRY} is missing: build first (npm run build)`);
  return onFreePort((port) => startCliServerOn(port, args));
}

async function startCliServerOn(port: number, args: string[]): Promise<CliServer> {
  const child = spawn(process.execPath, [CLI_ENTRY, 'serve', '--host', '127.0.0.1', '--port', String(port), ...args], { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.once('close', () => done()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // SIGTERM is how the CLI is stopped (exit code 0); SIGKILL only if it has not gone in 5 s.
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForListener(port, child);
  } catch (err) {
    await stop();
    throw new Error(`wirebench serve ${args.join(' ')}: ${(err as Error).message} (its output went to /dev/null: run it by hand to see why)`, { cause: err });
  }
  return { port, pid: child.pid ?? 0, close: stop };
}

/**
 * The CLI flags for the same canned answer and policy as the Engine in process (bench/servers.ts):
 * close answers the first chunk, like a single recv(), and closes; keep-alive answers each whole
 * request and keeps the connection. The answer's bytes go in a file in `dir` (--response-file
 * sends a file's exact bytes); the backlog is the Node servers' 511, not the CLI's lesson-sized 5.
 */
export function cliServeArgs(dir: string, answer: Uint8Array, policy: Policy): string[] {
  const file = join(dir, `answer-${policy}.http`);
  writeFileSync(file, answer);
  const timing = policy === 'close' ? ['--answer', 'first-chunk', '--after', 'close'] : ['--answer', 'request-end', '--after', 'keep-alive'];
  return ['--response-file', file, ...timing, '--backlog', '511'];
}
