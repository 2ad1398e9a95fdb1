// Finds Electron's binary, and fetches it with Electron's own downloader when it is missing.
// Install scripts are disabled in .npmrc (a failed download would roll back the whole
// `npm install` on machines without a route to it), so the first `npm start` is where a connected
// machine gets its binary.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CliMistake } from './cli-args';

/** The binary's path, or null when it was never downloaded (electron's index.js then throws). */
export function findElectronBinary(requireFrom: string): string | null {
  try {
    const path: unknown = createRequire(requireFrom)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** node_modules/electron/install.js, or null when the electron package is not installed. */
export function findElectronDownloader(requireFrom: string): string | null {
  try {
    return createRequire(requireFrom).resolve('electron/install.js');
  } catch {
    return null;
  }
}

export type DownloadOutcome = { ok: true } | { ok: false; reason: CliMistake };

/** Network failures as @electron/get (via got) reports them: there is no way to the host. */
const UNREACHABLE = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ETIMEDOUT|ECONNRESET)\b/;
const STDERR_LIMIT = 64 * 1024;

/** Runs the downloader with a time limit; its output is kept, not shown, and read for the reason. */
export function downloadElectronBinary(
  downloader: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
): Promise<DownloadOutcome> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [downloader], { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      if (stderr.length < STDERR_LIMIT) stderr += text;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      done(failed('cli.start.reason.spawnFailed', { code: err.code ?? 'unknown' }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) done(failed('cli.start.reason.downloadTimeout', { seconds: String(Math.ceil(timeoutMs / 1000)) }));
      else if (code === 0) done({ ok: true });
      else if (UNREACHABLE.test(stderr)) done(failed('cli.start.reason.downloadUnreachable', {}));
      else done(failed('cli.start.reason.downloadFailed', { code: String(code) }));
    });
  });
}

function failed(key: string, params: Record<string, string>): DownloadOutcome {
  return { ok: false, reason: { key, params } };
}
