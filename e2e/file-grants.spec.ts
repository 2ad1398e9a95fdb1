// What a page may have a server serve (issue 15): in a browser page (the web host) only the
// sample site and the folders `wirebench web --allow` named. The note under the field says so, and
// a folder outside is refused with a sentence, before anything listens.
import { expect, test } from './fixtures';
import { ServerPanelPage } from './pages/server-panel-page';
import { WorkbenchPage } from './pages/workbench-page';

test('static files from a folder nobody allowed: the note says what may be served, Start is refused with a sentence', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'the Electron app grants folders through its dialog, which a test cannot click');
  const wb = new WorkbenchPage(app);
  const panel = new ServerPanelPage(app);
  await panel.choose({ responder: 'static' });
  await expect(app.getByTestId('server-static-root-granted')).toContainText('--allow');
  await expect(app.getByTestId('server-static-root-choose')).toHaveCount(0);

  const rows = app.getByTestId('server-row');
  const before = await rows.count();
  await app.getByTestId('server-static-root').fill('/etc');
  await app.getByTestId('server-port').fill('0');
  await app.getByTestId('server-start').click();
  await expect(app.getByTestId('server-error')).toContainText('/etc is not in one');
  await expect(rows).toHaveCount(before);
  await app.getByTestId('server-form').screenshot({ path: testInfo.outputPath('static-root-refused.png') });

  // The sample site (an empty root) still starts, and serves.
  await app.getByTestId('server-static-root').fill('');
  const port = await wb.startServer(0);
  const res = await fetch(`http://127.0.0.1:${port}/`);
  expect(await res.text()).toContain('Hello from the document root');
});
