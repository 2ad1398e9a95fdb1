// For specs about what survives a restart: each test gets a fresh settings directory and a web host
// it can stop and start again on that directory, as a person quitting and reopening Wirebench.
// Only the web project's host is ours to restart (the Electron app keeps the same settings store
// in its userData), so those tests are skipped there, saying why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startE2eWebHost, test, type E2eWebHost } from './fixtures';

export interface RestartableHost {
  /** The settings directory of the running test. */
  readonly dir: string;
  /** Stops the host (if one runs), starts a new one on the same directory; its address. */
  restart(): Promise<string>;
  /** Stops the host, leaving the directory (to change the file between runs). */
  stop(): Promise<void>;
}

export function useRestartableHost(prefix: string): RestartableHost {
  let dir = '';
  let host: E2eWebHost | null = null;
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'restarts the web host; the Electron app uses the same settings store in userData');
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  test.afterEach(async () => {
    await host?.close();
    host = null;
    if (dir) rmSync(dir, { recursive: true, force: true }); // not made when the test was skipped
    dir = '';
  });
  return {
    get dir() {
      return dir;
    },
    async restart() {
      await host?.close();
      host = await startE2eWebHost(dir);
      return host.url;
    },
    async stop() {
      await host?.close();
      host = null;
    },
  };
}
