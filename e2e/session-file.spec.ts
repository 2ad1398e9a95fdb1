// Session files through the UI (issue 20): a real exchange (our server, our client, lesson L1's
// request) saved as a session, opened again as a read-only recording whose connection list and
// journal show what happened, replayed from the start step by step and to the end; a capture made
// from the same journal opened too; then back to the live workbench, which kept going meanwhile.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { journalToPcapng } from '../shared/capture/journal-to-pcapng';
import { decodeSession } from '../shared/session/session-file';
import { expect, test } from './fixtures';
import { WorkbenchPage } from './pages/workbench-page';

/** "N of M events · T ms": the numbers. */
async function position(wb: WorkbenchPage): Promise<{ shown: number; total: number }> {
  const text = (await wb.byId('recording-position').textContent()) ?? '';
  const [shown = -1, total = -1] = (text.match(/\d+/g) ?? []).map(Number);
  return { shown, total };
}

test('a session saved, reopened as a recording, replayed step by step and to the end; a capture opened; back to live', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'downloads and file choosing are checked in the web project');
  const wb = new WorkbenchPage(app);
  await wb.l1ByHand();
  // The server's answer and its FIN are in (the client, as in lesson L1, has not hung up yet).
  await wb.expectJournalInOrder(['opened', 'data:out', 'data:in', 'peer_fin']);

  // Save: the whole live journal, both ends of the exchange, in a file that decodes against its schema.
  const [download] = await Promise.all([app.waitForEvent('download'), wb.byId('session-save').click()]);
  expect(download.suggestedFilename()).toMatch(/^wirebench-.*\.wbsession$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const decoded = decodeSession(readFileSync(file, 'utf8'), file);
  if (!decoded.ok) throw new Error(JSON.stringify(decoded.error));
  const { connections } = decoded.session;
  expect(connections.map((c) => c.summary.role).sort()).toEqual(['client', 'server']);
  const total = connections.reduce((n, c) => n + c.events.length, 0);

  // Open it: a recording, read-only, showing what the live workbench showed.
  await wb.byId('session-open-file').setInputFiles(file);
  await expect(wb.byId('recording-bar')).toContainText(`Recording: ${download.suggestedFilename()} (read-only)`);
  expect(await position(wb)).toEqual({ shown: total, total });
  await expect(wb.connRows()).toHaveCount(2);
  await wb.select('client');
  await wb.expectJournalInOrder(['opened', 'data:out', 'data:in', 'peer_fin']);
  await app.screenshot({ path: join(import.meta.dirname, 'artifacts', 'session-recording-web.png') });
  // The bar and its controls, as axe reads them.
  const axe = await new AxeBuilder({ page: app }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Replay from the start, paused at once: fewer events shown; one step shows one more.
  await wb.byId('recording-restart').click();
  await wb.byId('recording-pause').click();
  const paused = await position(wb);
  expect(paused.shown).toBeLessThan(total);
  await wb.byId('recording-step').click();
  await expect.poll(async () => (await position(wb)).shown).toBe(paused.shown + 1);
  await wb.byId('recording-end').click();
  await expect.poll(async () => (await position(wb)).shown).toBe(total);
  await expect(wb.connRows()).toHaveCount(2);

  // A capture of the same exchange (our pcapng export of the saved journal): one TCP connection.
  const capture = join(testInfo.outputPath(), 'exchange.pcapng');
  writeFileSync(capture, journalToPcapng(connections.map((c) => c.summary), connections.flatMap((c) => c.events)));
  await wb.byId('session-open-file').setInputFiles(capture);
  await expect(wb.byId('recording-bar')).toContainText('Recording: exchange.pcapng (read-only)');
  await expect(wb.connRows()).toHaveCount(1);

  // Not a session: said in a sentence, and the recording shown stays.
  const junk = join(testInfo.outputPath(), 'notes.txt');
  writeFileSync(junk, 'GET / HTTP/1.0\r\n\r\n');
  await wb.byId('session-open-file').setInputFiles(junk);
  await expect(wb.byId('session-problem')).toContainText('notes.txt is not a Wirebench session');
  await expect(wb.byId('recording-bar')).toBeVisible();

  // Back to live: the live journal, as it is.
  await wb.byId('recording-close').click();
  await expect(wb.byId('recording-bar')).toHaveCount(0);
  await expect(wb.connRows()).toHaveCount(2);
  await app.screenshot({ path: join(import.meta.dirname, 'artifacts', 'session-web.png') });
});
