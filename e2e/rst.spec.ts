// Issue 14, item 3: an RST the learner caused must be seen. Lesson L2 through the UI: our server
// with the L2 preset closes after answering; the learner types two more lines in the console, and
// the server's kernel, its socket gone, answers them with RST. The status line, the connection's
// card, the transcript and the journal all say so, and why; none of them still says "Connected".
import { expect, test } from './fixtures';
import { PageErrors } from './pages/page-errors';
import { ResponseEditorPage } from './pages/response-editor-page';
import { ServerPanelPage } from './pages/server-panel-page';
import { WorkbenchPage } from './pages/workbench-page';

const WHY = 'the server had closed its socket, so its kernel answered your bytes with RST';

test('L2: two lines typed after the server closed meet an RST, shown with its reason everywhere', async ({ app }, testInfo) => {
  const errors = new PageErrors(app);
  const wb = new WorkbenchPage(app);
  const panel = new ServerPanelPage(app);
  await new ResponseEditorPage(app).loadPreset('l2-hello-bare-lf');
  await panel.choose({ after: 'close' });
  const port = await wb.startServer(0);
  await panel.expectPolicy(port, 'after', 'close');

  await wb.connect('127.0.0.1', port);
  const [client = ''] = await wb.newConnIds('client', [], 1);
  const [server = ''] = await wb.newConnIds('server', [], 1);
  await wb.typeLines(client, ['GET /hello HTTP/1.1']);
  await expect(wb.byId('client-output')).toContainText('Hello, World!');
  // The server answered and closed its socket: its FIN is in, and the console may still send.
  await expect(wb.connRow(server)).toHaveAttribute('data-state', 'closed');
  await expect(wb.connRow(client)).toHaveAttribute('data-state', 'fin_received');
  const status = wb.byId('client-status');
  await expect(status).toContainText('the server sent FIN');

  await wb.typeLines(client, ['one more line']);
  // The kernel answers that line with RST at once; the app hears of it from the kernel's table.
  // Should it not have yet, the next line's write fails (EPIPE) and tells the same RST.
  const input = wb.byId('client-input');
  await expect(status)
    .toHaveAttribute('data-rst', 'received', { timeout: 3_000 })
    .catch(async () => {
      if (await input.isEnabled()) await wb.typeLine('and another');
    });

  await expect(status).toHaveAttribute('data-rst', 'received');
  await expect(status).toHaveAttribute('data-phase', 'reset');
  await expect(status).toContainText(`Reset by the server (RST received): ${WHY}`);
  await expect(status).not.toContainText('Connected');

  const card = wb.connRow(client);
  await expect(card).toHaveAttribute('data-rst', 'received');
  await expect(card).toContainText('RST received');
  await expect(card.getByTestId('conn-rst-reason')).toHaveText(WHY);
  await expect(card).not.toContainText('FIN received');

  const rst = wb.byId('transcript-rst');
  await expect(rst).toHaveCount(1);
  await expect(rst).toHaveText(`an RST came from the server: ${WHY}`);
  await expect(input).toBeDisabled();

  // The journal: one RST received, said with how it reached us and why.
  await wb.select('client');
  const entry = wb.byId('journal-entry').and(app.locator('[data-kind="rst_received"]'));
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('RST received: the peer tore the connection down');
  await expect(entry).toContainText(WHY);
  await app.screenshot({ path: testInfo.outputPath('l2-rst.png') });
  await errors.expectNone();
});
