// Issue 14: no view may blank the app. A journal view that fails to draw shows what failed in its
// own place, the rest of the workbench keeps working (the client console connects and sends, the
// connection list fills), and since the chosen view is a saved setting, the next start resets it
// and says so.
//
// How the view is made to fail: no schema-valid saved value breaks a view (section-codecs.ts takes
// each field only with its type and choices), and a test-only hook would need a build of its own
// (these specs drive the production build). So the spec breaks the browser instead: an init script
// makes ResizeObserver throw for elements inside the Bytes view (breakByteViewResizeObserver), a
// real failure inside the app's real components, with no backdoor in the app.
import { expect, test } from './fixtures';
import { breakByteViewResizeObserver, PanelFallbackPage } from './pages/panel-fallback-page';
import { SettingsPage } from './pages/settings-page';
import { WorkbenchPage } from './pages/workbench-page';
import { useRestartableHost } from './restartable-host';

const host = useRestartableHost('wirebench-e2e-boundary-');

test('a failing Bytes view shows its fallback in its place only, and its saved view is reset at the next start', async ({ app }, testInfo) => {
  const wb = new WorkbenchPage(app);
  const settings = new SettingsPage(app, host.dir);
  const panels = new PanelFallbackPage(app);
  await app.addInitScript(breakByteViewResizeObserver);
  await app.goto(await host.restart());

  const port = await wb.startServer(0);
  await wb.connect('127.0.0.1', port);
  await wb.typeLine('GET / HTTP/1.1');
  await expect(wb.byId('client-output')).toContainText('HTTP/1.1 200');
  await wb.select('client');
  await wb.byId('journal-view-bytes').click();

  // Split mode: the text and hex panes each fail in their own place; the Bytes toolbar, the view
  // buttons and every other panel are still there.
  await expect(panels.failed('bytesText')).toBeVisible();
  await expect(panels.failed('bytesHex')).toBeVisible();
  await expect(panels.failed()).toHaveCount(2);
  const text = panels.failed('bytesText');
  await expect(text).toHaveAttribute('role', 'alert');
  await expect(text).toContainText('Something went wrong while drawing the text pane of the Bytes view');
  await expect(text.getByTestId('panel-failed-message')).toContainText('ResizeObserver cannot watch this element');
  await expect(text.getByRole('button', { name: 'Copy details' })).toBeEnabled();
  await expect(wb.byId('bytes-mode-text')).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('bytes-failed.png') });

  // Reload this panel draws it afresh; the browser still refuses, so it fails again, honestly.
  await panels.reload('bytesText');
  await expect(panels.failed('bytesText')).toBeVisible();

  // The rest works: with the journal made smaller (Bytes covers the workbench by default), a new
  // client session connects and sends, and the connections list grows.
  await wb.byId('journal-size').click();
  await wb.newSession();
  await wb.connect('127.0.0.1', port);
  await wb.typeLine('GET /again HTTP/1.1');
  await expect(wb.byId('client-output')).toContainText('HTTP/1.1 200');
  await expect(wb.connRows('client')).toHaveCount(2);
  await expect(wb.byId('server-status')).toContainText(`127.0.0.1:${port}`);
  await app.screenshot({ path: testInfo.outputPath('rest-works.png') });

  // The panes left broken are kept in the settings with the view they broke in.
  await settings.expectStored({ layout: { journalView: 'bytes', failedPanels: expect.stringContaining('bytesHex') } });

  await app.reload();
  await expect(settings.notice('panel_reset')).toBeVisible();
  await expect(settings.notice('panel_reset')).toContainText('stopped working');
  await expect(settings.notice('panel_reset')).toContainText('the journal’s chosen view and size started from the default');
  await expect(wb.byId('journal-view-events')).toHaveAttribute('aria-pressed', 'true');
  await expect(panels.failed()).toHaveCount(0);
  await app.screenshot({ path: testInfo.outputPath('reset-notice.png') });
  // On disk too: the default view, and no record left to reset again at the start after.
  const layout = async (): Promise<Record<string, unknown>> => ((await settings.stored()).layout ?? {}) as Record<string, unknown>;
  await expect.poll(async () => {
    const { journalView, journalLarge, failedPanels } = await layout();
    return { journalView, journalLarge, failedPanels };
  }).toEqual({ journalView: 'events', journalLarge: true, failedPanels: undefined });

  await settings.dismiss();
  await app.reload();
  await expect(settings.banner()).toBeHidden();
});

test('a failure the person got past (another view chosen) resets nothing at the next start', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  const settings = new SettingsPage(app, host.dir);
  const panels = new PanelFallbackPage(app);
  await app.addInitScript(breakByteViewResizeObserver);
  await app.goto(await host.restart());

  const port = await wb.startServer(0);
  await wb.connect('127.0.0.1', port);
  await wb.typeLine('GET / HTTP/1.1');
  await wb.select('client');
  await wb.byId('journal-view-bytes').click();
  await expect(panels.failed('bytesHex')).toBeVisible();
  await settings.expectStored({ layout: { failedPanels: expect.stringContaining('bytesHex') } });

  await wb.byId('journal-view-diagram').click();
  await expect(panels.failed()).toHaveCount(0);
  await expect.poll(async () => ((await settings.stored()).layout as Record<string, unknown> | undefined)?.failedPanels).toBeUndefined();
  await expect(settings.stored()).resolves.toMatchObject({ layout: { journalView: 'diagram' } });

  await app.reload();
  await expect(wb.byId('journal-view-diagram')).toHaveAttribute('aria-pressed', 'true');
  await expect(settings.banner()).toBeHidden();
});
