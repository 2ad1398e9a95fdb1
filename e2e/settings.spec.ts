// Settings kept across a reload and a restart of the host (issue 8), in Chromium through the web
// host, whose settings file lives in a temporary directory; and a damaged file, which the person
// is told about while the app starts from its defaults.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { useRestartableHost } from './restartable-host';
import { SettingsPage } from './pages/settings-page';
import { WorkbenchPage } from './pages/workbench-page';

const host = useRestartableHost('wirebench-e2e-settings-');

test('the server port, the client target and the journal view come back after a reload and a restart', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  const settings = new SettingsPage(app, host.dir);
  await app.goto(await host.restart());
  await expect(wb.byId('server-port')).toHaveValue('9000');

  await wb.openServerSettings();
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

  await app.goto(await host.restart());
  await expect(wb.byId('server-port')).toHaveValue('8123');
  await expect(wb.byId('client-target')).toHaveValue('localhost 8123');
  await expect(wb.byId('journal-view-bytes')).toHaveAttribute('aria-pressed', 'true');
  await expect(settings.banner()).toBeHidden();
});

test('a damaged settings file is reported in a banner, set aside, and the app starts from its defaults', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  const settings = new SettingsPage(app, host.dir);
  await app.goto(await host.restart());
  await wb.openServerSettings();
  await wb.byId('server-port').fill('8124');
  await settings.expectStored({ server: { draft: { port: '8124' } } });

  await host.stop();
  writeFileSync(settings.file, '{"format":1,"sections":{"server":');
  await app.goto(await host.restart());

  await expect(settings.notice('corrupt')).toBeVisible();
  const [setAside] = readdirSync(host.dir).filter((name) => name.startsWith('settings.json.corrupt-'));
  expect(setAside).toBeDefined();
  await expect(settings.notice('corrupt')).toContainText(join(host.dir, setAside ?? ''));
  await expect(wb.byId('server-port')).toHaveValue('9000');

  // Still the app: a server starts, and the banner goes when dismissed.
  await settings.dismiss();
  const port = await wb.startServer(0);
  expect(port).toBeGreaterThan(0);
});
