// One fixture, two hosts: `app` is a Playwright Page showing Wirebench, whether it came from the web
// host in Chromium (project "web") or from the Electron app (project "electron"). Every run is
// isolated: its own engine, a web host on port 0, a temporary userData folder for Electron.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { _electron, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { Engine } from '../main/engine/engine';
import { FileSettingsStore } from '../main/settings/file-settings-store';
import { startWebHost } from '../main/web/web-host';

const ROOT = resolve(import.meta.dirname, '..');
const RENDERER_DIR = join(ROOT, 'out', 'renderer');

/** Why the Electron project cannot run here, or null when it can. */
export function electronUnavailableReason(): string | null {
  try {
    const path = createRequire(join(ROOT, 'package.json'))('electron') as unknown;
    if (typeof path !== 'string') return 'the electron package did not report a binary path';
  } catch {
    return "Electron's binary is not installed (it could not be downloaded on this machine)";
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display to open a window on (run under xvfb-run)';
  }
  return null;
}

export const test = base.extend<{ app: Page }>({
  // `locale` is Playwright's option (playwright.config.ts pins en-US; a describe may set another):
  // it is the browser's language list, which the renderer's "system" language follows.
  app: async ({ locale }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const reason = electronUnavailableReason();
      testInfo.skip(reason !== null, `Electron e2e skipped: ${reason ?? ''}`);
      const userData = mkdtempSync(join(tmpdir(), 'wirebench-e2e-'));
      const electronApp = await _electron.launch({
        args: [ROOT, '--no-sandbox'],
        cwd: ROOT,
        env: { ...process.env, WIREBENCH_USER_DATA: userData },
      });
      try {
        await use(await electronApp.firstWindow());
      } finally {
        await electronApp.close();
        rmSync(userData, { recursive: true, force: true });
      }
      return;
    }
    const host = await startE2eWebHost();
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    // A context of its own (not browser.newPage()'s), so a spec can open a second tab in it; the
    // size of a small laptop screen, which the layout must fit.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
    const page = await context.newPage();
    try {
      await page.goto(host.url);
      await use(page);
    } finally {
      await browser.close();
      await host.close();
    }
  },
});

export interface E2eWebHost {
  url: string;
  close(): Promise<void>;
}

/**
 * A web host with an engine of its own, as `app` gets. Settings are kept in memory, or, given a
 * directory, in a settings file there (as `wirebench web` keeps them): a spec that restarts the
 * host on the same directory sees what a person sees after a restart.
 */
export async function startE2eWebHost(settingsDir?: string): Promise<E2eWebHost> {
  // The sample site shipped in app/, as the CLI and the Electron host give it to their engines.
  const engine = new Engine({ host: 'web', version: 'e2e', sampleDocRoot: join(ROOT, 'app', 'docroot') });
  const settingsStore = settingsDir === undefined ? undefined : new FileSettingsStore({ dir: settingsDir });
  const host = await startWebHost({ port: 0, rendererDir: RENDERER_DIR, engine, version: 'e2e', settingsStore });
  return {
    url: host.url,
    close: async () => {
      await host.close();
      await engine.close();
    },
  };
}

export { expect } from '@playwright/test';
