// A recording is visibly read-only (issue 20): opened from a session saved through the UI after a
// real exchange (our server, our client, lesson L1's request), its server panel, client console
// and teardown scenarios show their live controls disabled with a note saying why and how to go
// back, while every view still works on it: the journal, the bytes and their annotation, Copy
// as…, Export and the diagram. Back to live, the controls work again.
import { expect, test } from './fixtures';
import { ByteViewPage } from './pages/byte-view-page';
import { LIVE_CONTROLS, RecordingPage } from './pages/recording-page';
import { WorkbenchPage } from './pages/workbench-page';

const NOTE = 'Recording — read-only. Its servers and client are not running now: go back to live to act.';
const TIP = 'Recording — read-only; go back to live to act';

test('over a recording the live controls are disabled and say why; every view still works; back to live they work', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'downloads, file choosing and the clipboard are checked in the web project');
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const wb = new WorkbenchPage(app);
  const rec = new RecordingPage(app);
  const port = await wb.l1ByHand();
  await wb.expectJournalInOrder(['opened', 'data:out', 'data:in', 'peer_fin']);
  const [clientConn = ''] = await wb.connIds('client');
  // Live, nothing says read-only.
  await expect(rec.byId('server-read-only')).toHaveCount(0);
  await expect(rec.byId('client-read-only')).toHaveCount(0);

  await rec.open(await rec.save(testInfo));

  // The panels say it, in words, and their controls are disabled with the reason as their tip.
  await expect(rec.byId('server-read-only')).toHaveText(NOTE);
  // The recorded server is not running now: the header says where it listened when recorded.
  await expect(rec.byId('server-status')).toHaveText(`Recorded while listening on 127.0.0.1:${port}`);
  await expect(rec.byId('server-status')).not.toHaveClass(/status-on/);
  await expect(rec.byId('client-read-only')).toHaveText(NOTE);
  await rec.expectDisabled([...LIVE_CONTROLS.server, ...LIVE_CONTROLS.client, 'server-card-start']);
  // The client console reads back what was typed and answered, in the recorded connection's tab.
  await expect(rec.byId('client-output')).toContainText('GET / HTTP/1.0');
  await expect(rec.byId('client-output')).toContainText('HTTP/1.1 200 OK');
  await expect(rec.byId('client-target')).toHaveValue(`127.0.0.1 ${port}`);
  // Its tab still switches (a recording may hold several); closing one would hang up: disabled.
  await expect(rec.byId('client-tab').first()).toBeEnabled();
  await expect(rec.byId('client-tab-close').first()).toBeDisabled();
  await app.screenshot({ path: testInfo.outputPath('client-console.png') });
  await expect(rec.byId('server-row-stop')).toHaveAttribute('title', TIP);
  await expect(rec.byId('server-card-start')).toHaveAttribute('title', TIP);
  await wb.openServerSettings();
  await rec.expectDisabled(LIVE_CONTROLS.serverForm);
  // The recorded server's settings can still be looked at: picked, the form shows where it listened.
  await rec.byId('server-row-edit').click();
  await expect(rec.byId('server-form')).toHaveAttribute('data-mode', 'edit');
  await expect(rec.byId('server-port')).toHaveValue(String(port));
  await rec.expectDisabled(['server-port', 'server-restart', 'server-stop']);
  // The response it answered with is shown, and cannot be typed into: nothing would be sent.
  const editor = rec.byId('editor-content');
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  const before = await editor.textContent();
  await editor.click();
  await app.keyboard.type('X');
  await expect(editor).toHaveText(before ?? '');

  // Every view works on it: the journal of the client's connection, as it happened...
  await wb.connRow(clientConn).click();
  await wb.expectJournalInOrder(['opened', 'data:out', 'data:in', 'peer_fin']);
  // ...its bytes and their annotation...
  const bv = new ByteViewPage(app);
  await bv.open();
  await expect.poll(() => bv.textOf('out')).toContain('GET / HTTP/1.0');
  await bv.showStructure();
  await expect(bv.structureItem(/GET/).first()).toBeVisible();
  // ...Copy as… (the recorded request, aimed where it went)...
  await rec.byId('copy-as').click();
  await rec.byId('copy-as-curl').click();
  await expect(rec.byId('copy-as-note')).toContainText('Copied as');
  expect(await app.evaluate(() => navigator.clipboard.readText())).toContain(`127.0.0.1:${port}`);
  // ...Export, from the recording's journal...
  const [pcapng] = await Promise.all([app.waitForEvent('download'), rec.byId('conn-export-pcapng').click()]);
  expect(pcapng.suggestedFilename()).toBe(`wirebench-${clientConn}.pcapng`);
  // ...and the diagram, whose scenarios (real sockets) are disabled like the rest.
  await rec.byId('journal-view-diagram').click();
  await expect(rec.byId('teardown-view')).toBeVisible();
  await expect(rec.byId('ladder-arrow').first()).toBeVisible();
  await rec.expectDisabled(['scenario-server_closes_first', 'scenario-client_half_closes_first']);
  await app.screenshot({ path: testInfo.outputPath('read-only.png') });

  // Back to live: no note, the controls work again.
  await rec.backToLive();
  await expect(rec.byId('server-read-only')).toHaveCount(0);
  await expect(rec.byId('client-read-only')).toHaveCount(0);
  await expect(rec.byId('server-status')).toHaveText(`Listening on 127.0.0.1:${port}`);
  for (const id of ['client-target', 'client-tab-new', 'server-row-stop', 'server-row-restart']) await expect(rec.byId(id)).toBeEnabled();
  await expect(rec.byId('server-row-stop')).not.toHaveAttribute('title', TIP);
  await rec.byId('server-row-edit').click();
  await expect(rec.byId('editor-content')).toHaveAttribute('contenteditable', 'true');
});
