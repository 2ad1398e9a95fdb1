// Lesson L3 complete, as a learner meets it in a browser (issue 17): the l3-form preset makes one
// server that serves the lesson's page (with its image) and a small form; Chromium opens the page,
// fills the form in and submits it, and the answer to the POST is a page that SHOWS what the
// browser sent (request line, headers, blank line, the form's body), not a file to download, as
// Echo's application/octet-stream made it.
import type { Download } from '@playwright/test';
import { expect, test } from './fixtures';
import { ResponseEditorPage } from './pages/response-editor-page';
import { ServerPanelPage } from './pages/server-panel-page';
import { WorkbenchPage } from './pages/workbench-page';
import { peerPage } from './peers';

test('L3: the form page posts, and the answer shows the request the server received', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  const wb = new WorkbenchPage(app);
  const panel = new ServerPanelPage(app);
  const editor = new ResponseEditorPage(app);

  await wb.newServerForm();
  await editor.loadPreset('l3-form');
  await expect(wb.byId('server-route')).toHaveCount(3);
  // The preset answers at the end of the request: a POST's body may come in a write of its own.
  await expect(wb.byId('server-answer')).toHaveValue('request_end');
  const port = await wb.startServer(0);
  await panel.expectPolicy(port, 'responder', 'routes');

  const { page, close } = await peerPage(app, testInfo.project.name);
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.locator('h1')).toHaveText('Lesson L3');
    await expect.poll(() => page.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

    await page.getByLabel('First name:').fill('Ada Lovelace');
    await Promise.all([page.waitForURL(`http://127.0.0.1:${port}/submit`), page.getByRole('button', { name: 'Submit' }).click()]);

    await expect(page.locator('h1')).toHaveText('What the server received');
    const request = page.locator('#request');
    // CR and LF as badges with their names: the text reads CRLF where they are.
    await expect(request).toContainText('POST /submit HTTP/1.1CRLF');
    await expect(request).toContainText('Content-Type: application/x-www-form-urlencodedCRLF');
    // The form's data, after the blank line: the browser encodes the space as +.
    await expect(request).toContainText('CRLF\nCRLF\nfirstname=Ada+Lovelace');
    await expect(request.locator('b').first()).toHaveText('CR');
    await expect(page.locator('#summary')).toContainText('POST /submit, then a body of 22 bytes after the blank line.');
    expect(await page.evaluate('document.contentType')).toBe('text/html');
    await page.screenshot({ path: 'test-results/e2e-screens/l3-form-answer.png' });
    expect(downloads.map((d) => d.suggestedFilename())).toEqual([]);
  } finally {
    await close();
  }

});
