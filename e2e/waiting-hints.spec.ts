// "Why is it waiting?" where the learner looks (issue 17, section 3): the client console's status
// line and the running server's row say what the exchange waits for, live, with the server's
// timer counting down. Our client talks to our own server, so the hint is what the server waits for.
import { expect, test } from './fixtures';
import { ServerPanelPage } from './pages/server-panel-page';
import { WorkbenchPage } from './pages/workbench-page';

test('a request line without its blank line, then the half-close wait counting down', async ({ app }, testInfo) => {
  const wb = new WorkbenchPage(app);
  await new ServerPanelPage(app).choose({ answer: 'request_end', after: 'half_close', finWaitMs: 7000 });
  const port = await wb.startServer(0);
  await wb.connect('127.0.0.1', port);

  await wb.typeLine('GET / HTTP/1.1');
  const hint = wb.byId('client-waiting').getByTestId('waiting-hint');
  await expect(hint).toHaveAttribute('data-code', 'awaiting_blank_line');
  await expect(hint).toHaveAttribute('data-source', 'server');
  await expect(hint).toContainText('The server waits for the blank line that ends your request');
  // The server's row says it too, of the client it names.
  const row = app.locator(`[data-testid="server-row"][data-port="${port}"]`);
  await expect(row.getByTestId('server-waiting').getByTestId('waiting-hint')).toHaveAttribute('data-code', 'awaiting_blank_line');
  await app.screenshot({ path: testInfo.outputPath('waiting-blank-line.png') });
  await row.scrollIntoViewIfNeeded();
  await row.screenshot({ path: testInfo.outputPath('waiting-server-row.png') });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: testInfo.outputPath('waiting-blank-line-dark.png') });
  await app.emulateMedia({ colorScheme: 'light' });

  // The blank line: the server answers, sends its FIN, and waits 7 s for ours, counting down.
  await wb.typeLine('');
  await expect(hint).toHaveAttribute('data-code', 'awaiting_peer_fin', { timeout: 10_000 });
  await expect(hint).toContainText('The server sent FIN and waits for yours');
  const countdown = hint.getByTestId('waiting-countdown');
  await expect(countdown).toContainText(/Closing anyway in \d s\./);
  const first = Number(await countdown.getAttribute('data-seconds'));
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThanOrEqual(7);
  await expect.poll(async () => Number(await countdown.getAttribute('data-seconds')), { timeout: 10_000 }).toBeLessThan(first);
  await app.screenshot({ path: testInfo.outputPath('waiting-half-close.png') });

  // Our FIN: the exchange is over, and nothing is waited for.
  await wb.byId('client-halfclose').click();
  await expect(wb.byId('client-waiting').getByTestId('waiting-hint')).toHaveCount(0, { timeout: 10_000 });
});

test('a second client of a sequential server is told it waits in the backlog', async ({ app }, testInfo) => {
  const wb = new WorkbenchPage(app);
  // The first client holds the server: it never answers (after: hang), as a busy accept() loop.
  await new ServerPanelPage(app).choose({ accept: 'sequential', after: 'hang' });
  const port = await wb.startServer(0);
  await wb.connect('127.0.0.1', port);
  await wb.typeLine('GET / HTTP/1.1');
  const hint = () => wb.byId('client-waiting').getByTestId('waiting-hint');
  await expect(hint()).toHaveAttribute('data-code', 'hanging');

  await wb.newSession();
  await wb.connect('127.0.0.1', port);
  await expect(hint()).toHaveAttribute('data-code', 'queued_in_backlog');
  await expect(hint()).toContainText('Waiting in the server’s backlog, number 1');
  const row = app.locator(`[data-testid="server-row"][data-port="${port}"]`);
  await expect(row.getByTestId('server-waiting').getByTestId('waiting-hint')).toHaveCount(2);
  await app.screenshot({ path: testInfo.outputPath('waiting-backlog.png') });

  // The first client goes: the second is accepted, and the server waits for its request.
  await wb.activateSession(0);
  await wb.byId('client-close').click();
  await wb.activateSession(1);
  await expect(hint()).toHaveAttribute('data-code', 'awaiting_request', { timeout: 10_000 });
});

test('body bytes still due, then a kept-alive answer with no length, read until the server closes', async ({ app }, testInfo) => {
  const wb = new WorkbenchPage(app);
  // Lesson L1's canned answer has neither Content-Length nor chunking; kept alive, nothing ends it.
  await new ServerPanelPage(app).choose({ answer: 'request_end', after: 'keep_alive' });
  const port = await wb.startServer(0);
  await wb.connect('127.0.0.1', port);
  const hint = wb.byId('client-waiting').getByTestId('waiting-hint');

  await wb.typeLine('POST /form HTTP/1.1');
  await wb.typeLine('Content-Length: 6');
  await wb.typeLine('');
  await wb.typeLine('a');
  await expect(hint).toHaveAttribute('data-code', 'body_bytes_due');
  await expect(hint).toContainText('The server waits for 3 more body bytes');

  await wb.typeLine('b');
  await expect(hint).toHaveAttribute('data-code', 'reads_until_close');
  await expect(hint).toContainText('The response has no Content-Length and no chunking, so the client reads until the server closes.');
  await expect(hint.getByTestId('waiting-countdown')).toContainText(/The server closes in \d+ s/);
  const row = app.locator(`[data-testid="server-row"][data-port="${port}"]`);
  await expect(row.getByTestId('server-waiting').getByTestId('waiting-hint')).toHaveAttribute('data-code', 'keep_alive_idle');
  await app.screenshot({ path: testInfo.outputPath('waiting-read-until-close.png') });
});

test('a chunked request body: the bytes of a chunk, then the next chunk’s size line', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  await new ServerPanelPage(app).choose({ answer: 'request_end', after: 'close' });
  const port = await wb.startServer(0);
  await wb.connect('127.0.0.1', port);
  const hint = wb.byId('client-waiting').getByTestId('waiting-hint');

  await wb.typeLine('POST /form HTTP/1.1');
  await wb.typeLine('Transfer-Encoding: chunked');
  await wb.typeLine('');
  // A chunk of 5 bytes announced, 2 sent (the line's CR LF counts as data inside a chunk: 'ab' + CR LF = 4).
  await wb.typeLine('5');
  await wb.typeLine('ab');
  await expect(hint).toHaveAttribute('data-code', 'chunk_data_due');
  await expect(hint).toContainText('The server waits for 1 more byte of this chunk.');
  // The last byte, then the chunk's own CR LF: the next size line is due.
  await wb.typeLine('c');
  await expect(hint).toHaveAttribute('data-code', 'chunk_size_due');
  await expect(hint).toContainText('The server waits for your next chunk’s size line');
  // The last chunk and the blank line: the request is whole and answered, nothing waits.
  await wb.typeLine('0');
  await wb.typeLine('');
  await expect(wb.byId('client-output')).toContainText('Hello World');
});
