// The Bytes view of a connection (issue "Byte views and the HTTP annotator"): a request typed line
// by line reaches the server as one chunk per line, and the server-side connection's Bytes view
// shows it as the stream it is, in hex and in text, chunk boundaries marked with their time, one
// selection across both views, the annotator's structure and problems, and copying.
import { expect, test } from './fixtures';
import { ByteViewPage } from './pages/byte-view-page';
import { ServerPanelPage } from './pages/server-panel-page';
import { WorkbenchPage } from './pages/workbench-page';
import { rawClient } from './peers';

test('bytes of an exchange: hex, text with CR/LF badges, one selection, chunk boundaries', async ({ app }, testInfo) => {
  const wb = new WorkbenchPage(app);
  const bv = new ByteViewPage(app);
  // Answer once the request is complete, so the request arrives in three reads (one per line typed).
  await new ServerPanelPage(app).choose({ answer: 'request_end' });
  const port = await wb.startServer(0);
  await wb.connect('127.0.0.1', port);
  // Each line is typed once the server has read the one before: on a busy machine two quick writes
  // can reach the server in one read, and this test is about three.
  await expect.poll(async () => (await wb.connIds('server')).length).toBe(1);
  const [server] = await wb.connIds('server');
  await wb.typeLine('GET / HTTP/1.1');
  await expect.poll(() => wb.bytesIn(server ?? '')).toBe(16);
  await wb.typeLine('Host: localhost');
  await expect.poll(() => wb.bytesIn(server ?? '')).toBe(33);
  await wb.typeLine('');
  await expect(wb.byId('client-output')).toContainText('Hello World');

  await wb.select('server');
  await wb.expectJournalInOrder(['opened', 'data:in', 'data:in', 'data:in', 'data:out']);
  await bv.open();

  // The hex view: the request's first bytes are G E T.
  await expect(bv.pane('hex')).toBeVisible();
  expect(await bv.hexOf('in', 0, 3)).toBe('47 45 54');
  // The text view: the same bytes as lines, CR and LF as badges.
  await expect(bv.pane('text')).toBeVisible();
  await expect(bv.cell('text', 'in', 0)).toHaveText('G');
  expect((await bv.badges('in')).slice(0, 2)).toEqual(['CR', 'LF']);

  // Three reads of the request: the boundaries are marked, each with its time since the connection began.
  await expect(bv.chunkMarks('hex').filter({ hasText: '#2' })).toHaveText(/^#2 \+\d+(\.\d+)? (ms|s)$/);
  await expect(bv.chunkMarks('text').filter({ hasText: '#3' })).toHaveCount(1);
  await expect(bv.cell('hex', 'in', 16)).toHaveClass(/chunk-start/); // "GET / HTTP/1.1" CR LF is 16 bytes

  // Hovering a byte tells the part of HTTP it is in, what that means, and its bytes.
  await bv.cell('hex', 'in', 1).hover();
  await expect(bv.cell('hex', 'in', 1)).toHaveAttribute('title', /^Method: what the client asks.*\nbytes 0–2 \(3 bytes\)$/s);
  await bv.cell('text', 'in', 16).hover();
  // Past a second (a busy machine, each line typed after the one before was read) the time is in s.
  await expect(bv.cell('text', 'in', 16)).toHaveAttribute('title', /^Chunk 2: one read of 17 bytes at \+[\d.]+ (ms|s),/);

  // Select G E T in the hex view: the text view highlights the same bytes.
  await bv.drag('hex', 'in', 0, 2);
  expect(await bv.selectedIn('hex', 'in')).toEqual([0, 1, 2]);
  expect(await bv.selectedIn('text', 'in')).toEqual([0, 1, 2]);
  expect(await bv.selectedText('in')).toBe('GET');
  await expect(bv.status()).toContainText('bytes 0–2 (3 bytes)');
  await expect(bv.status()).toContainText('Method:');
  // Shift + arrow keys extend it, in both views.
  await bv.pane('hex').press('Shift+ArrowRight');
  expect(await bv.selectedIn('text', 'in')).toEqual([0, 1, 2, 3]);

  // Select in the text view: the hex view follows.
  await bv.drag('text', 'in', 4, 4);
  expect(await bv.selectedIn('hex', 'in')).toEqual([4]);

  // The structure tree selects a header field's bytes; the problems list jumps to its bytes.
  await bv.structureItem('Host: localhost').click();
  expect(await bv.selectedText('in')).toBe('Host: localhost\u240d\u240a');
  await expect(bv.cell('hex', 'in', 16)).toHaveClass(/sel/);
  const problem = bv.problems().filter({ hasText: 'Neither Content-Length nor chunked' });
  await problem.click();
  expect((await bv.selectedIn('hex', 'out')).length).toBeGreaterThan(0);

  // Copy G E T as hex and as a string literal.
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await bv.drag('hex', 'in', 0, 15);
  await bv.byId('bytes-copy-hex').click();
  await expect(bv.status()).toContainText('Copied 16 bytes as hex');
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe('47 45 54 20 2F 20 48 54 54 50 2F 31 2E 31 0D 0A');
  await bv.byId('bytes-copy-escaped').click();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe('"GET / HTTP/1.1\\r\\n"');

  await bv.drag('hex', 'in', 0, 2);
  const shot = testInfo.outputPath('byte-view.png');
  await app.screenshot({ path: shot });
  await testInfo.attach('byte view', { path: shot, contentType: 'image/png' });

  // Smaller: back beside the connection list, where another connection can be picked; the client's
  // side of the same exchange sends what the server received.
  await bv.byId('journal-size').click();
  await wb.select('client');
  expect(await bv.hexOf('out', 0, 3)).toBe('47 45 54');
  expect(await bv.selectedIn('hex', 'out')).toEqual([]);
  await bv.byId('journal-size').click();

  // Events is still there, and the default.
  await bv.backToEvents();
  await wb.expectJournalInOrder(['opened', 'data:out', 'data:in']);
});

test('a 100 MB exchange opens at once, scrolls to its end, and pages in what the engine still stores', async ({ app }, testInfo) => {
  test.setTimeout(180_000);
  const wb = new WorkbenchPage(app);
  const bv = new ByteViewPage(app);
  // It answers once 16 MiB are buffered and half-closes: its default 10 s wait for our FIN can run
  // out on a busy machine before the other 84 MiB are sent, and it would hang up mid-stream.
  await new ServerPanelPage(app).choose({ answer: 'peer_fin', finWaitMs: 600_000 });
  const port = await wb.startServer(0);

  // 100 MiB of numbered lines, in writes of 1 MiB, then our FIN: the server answers and closes.
  const client = await rawClient(port);
  const LINE = 32;
  const total = 100 * 1024 * 1024;
  const lineAt = (n: number): string => `line ${String(n).padStart(10, '0')} of the stream.\r\n`;
  for (let mib = 0; mib < 100; mib++) {
    const lines: string[] = [];
    for (let i = 0; i < (1024 * 1024) / LINE; i++) lines.push(lineAt(mib * 32768 + i));
    if (!client.socket.write(lines.join(''))) await new Promise((done) => client.socket.once('drain', done));
  }
  client.socket.end();
  await client.ended;
  await expect(wb.connRows('server').first()).toHaveAttribute('data-state', 'closed', { timeout: 60_000 });
  await wb.select('server');

  // How long from the click to the first rows on screen, measured in the page (frame by frame).
  const opened = await bv.openTimed();
  testInfo.annotations.push({ type: 'open', description: `Bytes view of 100 MiB drawn ${opened.toFixed(0)} ms after the click` });
  await bv.mode('hex');
  // Virtualized: a screenful of rows in the page, not 6.5 million.
  expect(await bv.pane('hex').getByTestId('byte-row').count()).toBeLessThan(200);

  // The beginning is no longer stored (the 64 MiB budget), and says so.
  await expect(bv.pane('hex').getByText('not stored any more').first()).toBeVisible();
  // The end of the request still is: paged in from the engine when scrolled to.
  const lastRow = total - 16;
  // Scrolled to the very end: the last bytes of the stream (the rows are scaled to fit a browser's
  // tallest element; its whole height is the whole exchange). The server answered long before (it
  // calls a request past its limit invalid), so the stream's last turn is the client's again.
  await bv.scrollToEnd('hex');
  await expect(bv.cell('hex', 'in', lastRow + 14)).toHaveText('0D', { timeout: 15_000 });
  expect(await bv.hexOf('in', lastRow, 2)).toBe('6F 66'); // "of the stream." CR LF
  const shot = testInfo.outputPath('byte-view-100mb.png');
  await app.screenshot({ path: shot });
  await testInfo.attach('100 MB', { path: shot, contentType: 'image/png' });

  // The text view counts its lines as it goes, and shows the same end.
  await bv.mode('text');
  await bv.scrollToEnd('text');
  await expect(bv.pane('text')).toContainText(lineAt(total / LINE - 1).slice(0, 20), { timeout: 15_000 });
});
