// A child process's peak memory, for the tests and benches that bound it: GNU time -v's "Maximum
// resident set size" where /usr/bin/time exists, else /proc's VmHWM polled while the child runs
// (which can miss a peak shorter than the poll, so it reads low, never high).
import { spawn, type StdioOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const TIME = '/usr/bin/time';

export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  rssKb: number;
  /** Bytes the child wrote to stdout, when stdout is a pipe. */
  printed: number;
  err: string;
}

/** How peak RSS is read here, for a report's heading; null where it cannot be read at all. */
export function peakRssMethod(): string | null {
  if (existsSync(TIME)) return 'GNU time -v';
  return existsSync('/proc/self/status') ? "/proc's VmHWM (polled)" : null;
}

/** Runs node with `argv`; killed after `timeoutMs`. stdio[1] 'pipe' counts stdout's bytes and drops them. */
export function runMeasured(argv: string[], stdio: StdioOptions, timeoutMs = 600_000): Promise<MeasuredRun> {
  const timed = existsSync(TIME);
  const start = process.hrtime.bigint();
  const child = timed ? spawn(TIME, ['-v', process.execPath, ...argv], { stdio }) : spawn(process.execPath, argv, { stdio });
  let printed = 0;
  let err = '';
  let polledKb = 0;
  child.stdout?.on('data', (c: Buffer) => (printed += c.length));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const poll = timed
    ? undefined
    : setInterval(() => {
        try {
          const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (hwm) polledKb = Math.max(polledKb, Number(hwm[1]));
        } catch {
          // gone already
        }
      }, 50);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((done) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      done({ code, signal, ms, rssKb: rss ? Number(rss[1]) : polledKb, printed, err });
    }),
  );
}
