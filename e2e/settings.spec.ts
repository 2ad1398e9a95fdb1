// Settings kept across a reload and a restart of the host (issue 8), in Chromium through the web
// host, whose settings file lives in a temporary directory; and a damaged file, which the person
// is told about while the app starts from its defaults.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startE2eWebHost, test, type E2eWebHost } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { WorkbenchPage } from './pages/workbench-page';

let dir = '';
let host: E2eWebHost | null = null;

// eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
test.beforeEach(({}, testInfo) => {
  // Restarting the host is what this spec does, and only the web project's host is ours to
  // restart; the Electron app keeps the same file (FileSettingsStore) in its userData.
  test.skip(testInfo.project.name === 'electron', 'restarts the web host; the Electron app uses the same settings store in userData');
  dir = mkdtempSync(join(tmpdir(), 'wirebench-e2e-settings-'));
});

test.afterEach(async () => {
  await host?.close();
  host = null;
  if (dir) rmSync(dir, { recursive: true, force: true }); // not made when the test was skipped
  dir = '';
});

/** Stops the host (if one runs) and starts a new one on the same settings directory. */
async function restart(): Promise<string> {
  await host?.close();
  host = await startE2eWebHost(dir);
  return host.url;
}

test('the server port, the client target and the journal view come back after a reload and a restart', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  const settings = new SettingsPage(app, dir);
  await app.goto(await restart());
  await expect(wb.byId('server-port')).toHaveValue('9000');

  await wb.byId('server-port').fill('8123');
  await wb.byId('client-target').fill('localhost 8123');
  await wb.byId('journal-view-bytes').click();
  await settings.expectStored({
    server: { draft: { port: '8123' } },
    client: { sessions: [{ targetText: 'localhost 8123' }] },
    layout: { journalView: 'bytes' },
  });

  await app.reload();
  await expect(wb.byId('server-port')).toHaveValue('8123');
  await expect(wb.byId('client-target')).toHaveValue('localhost 8123');
  await expect(wb.byId('journal-view-bytes')).toHaveAttribute('aria-pressed', 'true');

  // A change made just before the page goes is not lost to the pause before saving: it is sent
  // on pagehide.
  await wb.byId('journal-view-events').click();
  await app.reload();
  await expect(wb.byId('journal-view-events')).toHaveAttribute('aria-pressed', 'true');
  await wb.byId('journal-view-bytes').click();
  await settings.expectStored({ layout: { journalView: 'bytes' } });

  await app.goto(await restart());
  await expect(wb.byId('server-port')).toHaveValue('8123');
  await expect(wb.byId('client-target')).toHaveValue('localhost 8123');
  await expect(wb.byId('journal-view-bytes')).toHaveAttribute('aria-pressed', 'true');
  await expect(settings.banner()).toBeHidden();
});

test('a damaged settings file is reported in a banner, set aside, and the app starts from its defaults', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  const settings = new SettingsPage(app, dir);
  await app.goto(await restart());
  await wb.byId('server-port').fill('8124');
  await settings.expectStored({ server: { draft: { port: '8124' } } });

  await host?.close();
  writeFileSync(settings.file, '{"format":1,"sections":{"server":');
  await app.goto(await restart());

  await expect(settings.notice('corrupt')).toBeVisible();
  const [setAside] = readdirSync(dir).filter((name) => name.startsWith('settings.json.corrupt-'));
  expect(setAside).toBeDefined();
  await expect(settings.notice('corrupt')).toContainText(join(dir, setAside ?? ''));
  await expect(wb.byId('server-port')).toHaveValue('9000');

  // Still the app: a server starts, and the banner goes when dismissed.
  await settings.dismiss();
  const port = await wb.startServer(0);
  expect(port).toBeGreaterThan(0);
});
