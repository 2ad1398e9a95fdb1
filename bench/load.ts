// The load generators: wrk (Debian's package) or bench/load-client.ts in a child process. Every
// server in a mode gets the same one, so the rates compare; either runs outside the process it
// measures, every run has a time limit, and a run can be stopped early (`signal`).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Policy } from './bare-server';

export type Tool = 'wrk' | 'node';

export interface LoadSpec {
  port: number;
  policy: Policy;
  connections: number;
  seconds: number;
  /** Stop after about this many answers (a few in flight may still arrive). */
  maxRequests?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rate: number;
  /** Failed connections or requests (for wrk: connect, write and timeout errors, non-2xx). */
  errors: number;
}

export function wrkInstalled(): boolean {
  return spawnSync('wrk', ['-v'], { stdio: 'ignore' }).error === undefined;
}

/** Aborting stops the generator the way Ctrl+C would: it stops, then reports what it did. */
export async function runLoad(tool: Tool, spec: LoadSpec, signal?: AbortSignal): Promise<LoadResult> {
  return tool === 'wrk' ? runWrk(spec, signal) : runNodeClient(spec, signal);
}

/**
 * Stops sending after `limit` answers: wrk has no request-count option of its own. (wrk's main
 * thread still sleeps out -d, so the caller stops it with SIGINT once the answers are in.)
 */
const LIMIT_SCRIPT = `
local answered = 0
local limit = math.huge
function init(args) if args[1] then limit = tonumber(args[1]) end end
function response(status, headers, body)
  answered = answered + 1
  if answered >= limit then wrk.thread:stop() end
end
`;

async function runWrk(spec: LoadSpec, signal?: AbortSignal): Promise<LoadResult> {
  // One wrk thread: the machine has two cores, and the server under test needs the other.
  const args = ['-t1', `-c${spec.connections}`, `-d${Math.ceil(spec.seconds)}s`];
  // close-per-request: wrk reconnects after each answer only when told the connection closes.
  if (spec.policy === 'close') args.push('-H', 'Connection: close');
  let scriptDir: string | null = null;
  if (spec.maxRequests !== undefined) {
    scriptDir = mkdtempSync(join(tmpdir(), 'wirebench-bench-'));
    writeFileSync(join(scriptDir, 'limit.lua'), LIMIT_SCRIPT);
    args.push('-s', join(scriptDir, 'limit.lua'));
  }
  args.push(`http://127.0.0.1:${spec.port}/`);
  if (spec.maxRequests !== undefined) args.push('--', String(spec.maxRequests));
  try {
    const out = await output('wrk', args, spec.seconds * 1000 + 30_000, signal);
    // "12345 requests in 5.00s, 1.2MB read" (wrk writes short runs in ms, long ones in m).
    const timed = /(\d+) requests in ([\d.]+)(ms|s|m)\b/.exec(out);
    const requests = number(timed, 1);
    const unit = timed?.[3];
    const seconds = timed ? Number(timed[2]) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1) : spec.seconds;
    const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    // With close-per-request wrk counts the server's FIN after each answer as a read "error".
    const sockErrors = sock
      ? Number(sock[1]) + Number(sock[3]) + Number(sock[4]) + (spec.policy === 'close' ? 0 : Number(sock[2]))
      : 0;
    const non2xx = number(/Non-2xx or 3xx responses: (\d+)/.exec(out), 1);
    return { requests, seconds, rate: requests / seconds, errors: sockErrors + non2xx };
  } finally {
    if (scriptDir) rmSync(scriptDir, { recursive: true, force: true });
  }
}

async function runNodeClient(spec: LoadSpec, signal?: AbortSignal): Promise<LoadResult> {
  const args = [
    ...['--import', 'tsx', join(import.meta.dirname, 'load-client.ts')],
    ...[String(spec.port), spec.policy, String(spec.connections), String(spec.seconds)],
    ...(spec.maxRequests === undefined ? [] : [String(spec.maxRequests)]),
  ];
  const out = await output(process.execPath, args, spec.seconds * 1000 + 30_000, signal);
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { requests: number; errors: number; seconds: number };
  return { ...result, rate: result.requests / result.seconds };
}

function number(match: RegExpExecArray | null, group: number): number {
  return match ? Number(match[group]) : 0;
}

/** Runs a program to its end (SIGINT on abort, SIGKILL past timeoutMs) and returns its stdout. */
function output(command: string, args: string[], timeoutMs: number, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const interrupt = (): boolean => child.kill('SIGINT');
    signal?.addEventListener('abort', interrupt, { once: true });
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', interrupt);
      if (code === 0) resolve(out);
      else reject(new Error(`${command} exited with ${code}: ${out}`));
    });
  });
}
