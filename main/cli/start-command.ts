// `wirebench start` (what `npm start` runs after building): the desktop window when it can open
// here, otherwise one sentence saying why not, and Wirebench in the browser instead.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CliContext, Subcommand } from './cli-context';
import { downloadElectronBinary, findElectronBinary, findElectronDownloader } from './electron-binary';
import { launchElectron, type LaunchOutcome } from './launch-electron';
import { serveWeb } from './serve-web';
import { WEB_OPTIONS, webOptionsFrom } from './web-command';

/** Electron's zip is ~100 MB: generous on a slow line, but a dead route must not hang `npm start`. */
const DOWNLOAD_TIMEOUT_MS = 180_000;
/** Only a slow download is worth announcing; a refused one fails in well under this. */
const DOWNLOAD_NOTICE_MS = 1_500;
/** Electron failing before this (no display, missing libraries) means no window ever opened. */
const EARLY_EXIT_MS = 5_000;

export const startCommand: Subcommand = {
  summary: 'cli.help.summary.start',
  options: WEB_OPTIONS, // they apply to the browser fallback
  run: async (values, ctx) => {
    const web = webOptionsFrom(values, ctx);
    if (!web) return 2;
    const desktop = await openDesktop(ctx);
    if (desktop.kind === 'exited') return desktop.code;
    ctx.err(ctx.t('cli.start.fallback', { reason: ctx.t(desktop.reason.key, desktop.reason.params) }));
    return serveWeb(ctx, web);
  },
};

async function openDesktop(ctx: CliContext): Promise<LaunchOutcome> {
  const { appRoot, electronMain } = ctx.paths;
  const requireFrom = join(appRoot, 'package.json');
  let binary = findElectronBinary(requireFrom);
  if (!binary) {
    if (ctx.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return unavailable('cli.start.reason.downloadSkipped');
    const downloader = findElectronDownloader(requireFrom);
    if (!downloader) {
      return unavailable('cli.start.reason.noDownloader', { file: join('node_modules', 'electron', 'install.js') });
    }
    const notice = setTimeout(() => ctx.err(ctx.t('cli.start.downloading')), DOWNLOAD_NOTICE_MS);
    const outcome = await downloadElectronBinary(downloader, DOWNLOAD_TIMEOUT_MS, ctx.env);
    clearTimeout(notice);
    if (!outcome.ok) return { kind: 'unavailable', reason: outcome.reason };
    binary = findElectronBinary(requireFrom);
    if (!binary) return unavailable('cli.start.reason.downloadFailed', { code: '0' });
  }
  // X11 and Wayland are the only ways to a screen outside macOS and Windows.
  const needsDisplayVar = ctx.platform !== 'darwin' && ctx.platform !== 'win32';
  if (needsDisplayVar && !ctx.env.DISPLAY && !ctx.env.WAYLAND_DISPLAY) return unavailable('cli.start.reason.noDisplay');
  if (!existsSync(electronMain)) return unavailable('cli.start.reason.notBuilt', { file: relative(appRoot, electronMain) });
  return launchElectron(binary, appRoot, { earlyExitMs: EARLY_EXIT_MS, env: ctx.env, stderr: process.stderr });
}

function unavailable(key: string, params: Record<string, string> = {}): LaunchOutcome {
  return { kind: 'unavailable', reason: { key, params } };
}
