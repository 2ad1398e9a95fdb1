// Runs the web host until asked to stop: shared by `wirebench web` and by `wirebench start` when
// the desktop window cannot open.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startWebHost } from '../web/web-host';
import { FileSettingsStore } from '../settings/file-settings-store';
import { webSettingsDir } from '../settings/settings-dir';
import { isLoopbackHost } from '../engine/listen-address';
import type { CliContext } from './cli-context';
import { explainError } from './explain-error';

export interface ServeWebOptions {
  host: string;
  port: number;
  /** Print {"url": ...} on one line instead of a sentence. */
  json: boolean;
  /** Folders a page may have a server serve (--allow), absolute. */
  allowedPaths: readonly string[];
}

export async function serveWeb(ctx: CliContext, options: ServeWebOptions): Promise<number> {
  const { rendererDir, sampleDocRoot } = ctx.paths;
  if (!existsSync(join(rendererDir, 'index.html'))) ctx.err(ctx.t('cli.web.noRenderer', { dir: rendererDir }));

  let host;
  try {
    const settingsStore = new FileSettingsStore({ dir: webSettingsDir(ctx.env) });
    host = await startWebHost({
      host: options.host,
      port: options.port,
      rendererDir,
      sampleDocRoot,
      version: ctx.version,
      settingsStore,
      allowedPaths: options.allowedPaths,
    });
  } catch (err) {
    ctx.err(explainError(ctx.t, err));
    return 1;
  }
  // Listen for Ctrl+C before announcing the URL: whoever reads it (a script, a test) may signal us
  // at once, and the process can be descheduled between the write and the next statement.
  const stopped = ctx.stopRequested();
  if (!isLoopbackHost(options.host)) ctx.err(ctx.t('cli.web.exposed', { host: options.host }));
  ctx.out(options.json ? JSON.stringify({ url: host.url }) : ctx.t('cli.web.listening', { url: host.url }));

  await stopped;
  await host.close(); // closes the engine too: servers stopped, sockets destroyed
  return 0;
}
