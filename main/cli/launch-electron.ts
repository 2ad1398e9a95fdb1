// Starts Electron on the app and reports how it went. An Electron that dies within its first
// seconds (missing system libraries, no usable display, refusing to run as root without
// --no-sandbox) is "unavailable", and the caller falls back to the browser; its stderr from those
// seconds is held back so the person reads one sentence, not a Chromium log. After that, Electron
// owns the terminal and we exit with its code.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { CliMistake } from './cli-args';

export type LaunchOutcome = { kind: 'exited'; code: number } | { kind: 'unavailable'; reason: CliMistake };

export interface LaunchOptions {
  /** A failure before this many ms means the window never really opened. */
  earlyExitMs: number;
  env: NodeJS.ProcessEnv;
  /** Where Electron's held-back stderr goes once it has survived its first seconds. */
  stderr: NodeJS.WritableStream;
}

export function launchElectron(binary: string, appRoot: string, options: LaunchOptions): Promise<LaunchOutcome> {
  return new Promise((done) => {
    // ELECTRON_RUN_AS_NODE would turn the binary into a plain Node and run nothing of ours.
    const env = { ...options.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(binary, [appRoot], { stdio: ['inherit', 'inherit', 'pipe'], env });

    let early = true;
    let held: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => {
      if (early) held.push(chunk);
      else options.stderr.write(chunk);
    });
    const settle = setTimeout(() => {
      early = false;
      for (const chunk of held) options.stderr.write(chunk);
      held = [];
    }, options.earlyExitMs);

    // Ctrl+C reaches Electron through the terminal's process group; a supervisor's SIGTERM is
    // addressed to us alone, so pass it on and let Electron quit (and close its engine) itself.
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const cleanup = (): void => {
      clearTimeout(settle);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
    };

    child.on('error', (err: NodeJS.ErrnoException) => {
      cleanup();
      done({ kind: 'unavailable', reason: { key: 'cli.start.reason.spawnFailed', params: { code: err.code ?? 'unknown' } } });
    });
    child.on('close', (code, signal) => {
      cleanup();
      const failedEarly = early && (signal !== null || code !== 0);
      if (failedEarly) {
        const log = Buffer.concat(held).toString('utf8');
        done({ kind: 'unavailable', reason: earlyReason(code, signal, log) });
        return;
      }
      for (const chunk of held) options.stderr.write(chunk);
      done({ kind: 'exited', code: code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0) });
    });
  });
}

function earlyReason(code: number | null, signal: NodeJS.Signals | null, log: string): CliMistake {
  if (/--no-sandbox/.test(log)) return { key: 'cli.start.reason.rootSandbox', params: {} };
  if (/Missing X server or \$DISPLAY|cannot open display/i.test(log)) return { key: 'cli.start.reason.noDisplay', params: {} };
  if (signal !== null) return { key: 'cli.start.reason.earlySignal', params: { signal } };
  return { key: 'cli.start.reason.earlyExit', params: { code: String(code) } };
}
