// Teaching truth (issue 14): the lessons L1 and L2 played through the UI as a learner plays them
// (the server form and the response editor's presets, the client console typed line by line, a
// browser tab pointed at the server), and then every journal view opened on every connection they
// made: Events, Text, Hex, Split, Structure and Diagram, each checked against the bytes known to
// have crossed, each photographed to test-results/e2e-screens/. No view may blank the page (as a
// static file's connection once did: `chunk.bytes.subarray is not a function`).
// L3, L4 and the remaining responder kinds: lessons-every-view-l3-l4.spec.ts.
import { expect, test } from './fixtures';
import { ConnectionViewsPage, type ConnTruth, type StreamTruth } from './pages/connection-views-page';
import { PageErrors } from './pages/page-errors';
import { ResponseEditorPage } from './pages/response-editor-page';
import { ServerPanelPage } from './pages/server-panel-page';
import { WorkbenchPage } from './pages/workbench-page';
import { peerPage } from './peers';
import { TABLE_WAIT_MS, tableTooBig } from '../main/engine/kernel-tcp/table-size';

const L1_ANSWER = 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>Hello World</body></html>\r\n\r\n';
const L2_ANSWER = 'HTTP/1.1 200 OK\n\nHello, World!';

const l1Answer: StreamTruth = { starts: L1_ANSWER, firstLine: 'Status line', message: 'Response 1: 200 OK', length: L1_ANSWER.length };

test('L1: the console’s request and a browser’s two, every view of every connection', async ({ app }, testInfo) => {
  test.setTimeout(120_000);
  const errors = new PageErrors(app);
  const wb = new WorkbenchPage(app);
  const panel = new ServerPanelPage(app);
  const views = new ConnectionViewsPage(app, 'L1');
  await new ResponseEditorPage(app).loadPreset('l1-hello-world');
  await panel.choose({ after: 'half_close' });
  const port = await wb.startServer(0);
  await panel.expectPolicy(port, 'after', 'half_close');

  // The lesson's client: connect, the request line, a blank line; read to EOF, then close.
  await wb.connect('127.0.0.1', port);
  const consoleClient = await wb.newConnIds('client', [], 1);
  const consoleServer = await wb.newConnIds('server', [], 1);
  await wb.typeLines(consoleClient[0] ?? '', ['GET http://127.0.0.1/romeo.txt HTTP/1.0', '']);
  await expect(wb.byId('client-output')).toContainText('Hello World');
  await expect(wb.connRow(consoleClient[0] ?? '')).toHaveAttribute('data-state', 'fin_received');
  await wb.byId('client-close').click();
  await expect(wb.connRow(consoleClient[0] ?? '')).toHaveAttribute('data-state', 'closed');
  await expect(wb.connRow(consoleServer[0] ?? '')).toHaveAttribute('data-state', 'closed');

  // A browser: the page, and the icon nobody asked for, each on a connection of its own.
  const { page: browser, close } = await peerPage(app, testInfo.project.name);
  try {
    await browser.goto(`http://127.0.0.1:${port}/`);
    await expect(browser.locator('body')).toHaveText('Hello World');
    await expect.poll(async () => (await panel.seenRequests()).map((r) => r.line)).toEqual(
      expect.arrayContaining(['GET / HTTP/1.1', 'GET /favicon.ico HTTP/1.1']),
    );
  } finally {
    await close();
  }
  const browserConns = (await wb.connIds('server')).filter((id) => !consoleServer.includes(id));
  await wb.expectClosed(browserConns);

  const request = 'GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n';
  const consoleRequest: StreamTruth = { starts: request, firstLine: 'Request line', message: 'Request 1: GET http://127.0.0.1/romeo.txt', length: request.length };
  const arrows = ['client connect', 'client data', 'server data', 'server fin', 'client fin'];
  const truths: ConnTruth[] = [
    { name: 'console-server', connId: consoleServer[0] ?? '', request: consoleRequest, response: l1Answer, arrows, bothOurs: true },
    { name: 'console-client', connId: consoleClient[0] ?? '', request: consoleRequest, response: l1Answer, arrows, bothOurs: true },
    // Every path gets the same answer: the server never looks at the URL.
    ...(await views.browserTruths(browserConns, port, () => l1Answer)),
  ];
  expect(truths.filter((t) => t.request).length).toBeGreaterThanOrEqual(4);
  for (const truth of truths) await views.tour(truth);
  await views.expectAllToured();
  await errors.expectNone();
});

test('L2: telnet by hand, a request and garbage, every view of both connections each side', async ({ app }) => {
  test.setTimeout(120_000);
  const errors = new PageErrors(app);
  const wb = new WorkbenchPage(app);
  const panel = new ServerPanelPage(app);
  const views = new ConnectionViewsPage(app, 'L2');
  await new ResponseEditorPage(app).loadPreset('l2-hello-bare-lf');
  await panel.choose({ after: 'close' });
  const port = await wb.startServer(0);
  await panel.expectPolicy(port, 'after', 'close');

  // telnet localhost <port>, a request line and Enter: the answer, and the server hangs up.
  const typed = async (line: string): Promise<{ client: string; server: string }> => {
    const [knownClients, knownServers] = [await wb.connIds('client'), await wb.connIds('server')];
    await wb.connect('127.0.0.1', port);
    const [client = ''] = await wb.newConnIds('client', knownClients, 1);
    const [server = ''] = await wb.newConnIds('server', knownServers, 1);
    await wb.typeLines(client, [line]);
    await expect(wb.byId('client-output')).toContainText('Hello, World!');
    await expect(wb.connRow(server)).toHaveAttribute('data-state', 'closed');
    await expect(wb.connRow(client)).toHaveAttribute('data-state', /fin_received|closed/);
    return { client, server };
  };
  const hello = await typed('GET /hello HTTP/1.1');
  // Garbage, on a second connection: the server never looked at the request.
  await wb.newSession();
  const garbage = await typed('hello? is this HTTP?');

  const answer: StreamTruth = { starts: L2_ANSWER, firstLine: 'Status line', message: 'Response 1: 200 OK', length: L2_ANSWER.length };
  const helloRequest: StreamTruth = { starts: 'GET /hello HTTP/1.1\r\n', firstLine: 'Request line', message: 'Request 1: GET /hello', length: 21 };
  const garbageRequest: StreamTruth = { starts: 'hello? is this HTTP?\r\n', firstLine: null, length: 22 };
  const arrows = ['client connect', 'client data', 'server data', 'server fin'];
  for (const [name, conns, request] of [
    ['hello', hello, helloRequest],
    ['garbage', garbage, garbageRequest],
  ] as const) {
    await views.tour({ name: `${name}-server`, connId: conns.server, request, response: answer, arrows, bothOurs: true });
    await views.tour({ name: `${name}-client`, connId: conns.client, request, response: answer, arrows, bothOurs: true });
  }

  await views.expectAllToured();
  await errors.expectNone();
});

test('L2 left open for a minute: the server’s orphaned FIN_WAIT_2 times out, and the Diagram invents no RST', async ({ app }) => {
  test.setTimeout(150_000 + TABLE_WAIT_MS);
  // The kernel's readings are what this test is about: first let an earlier burst's TIME_WAITs go.
  const why = await tableTooBig();
  test.skip(why !== null, why ?? '');
  const errors = new PageErrors(app);
  const wb = new WorkbenchPage(app);
  const panel = new ServerPanelPage(app);
  const views = new ConnectionViewsPage(app, 'late-L2');
  await new ResponseEditorPage(app).loadPreset('l2-hello-bare-lf');
  await panel.choose({ after: 'close' });
  const port = await wb.startServer(0);
  await wb.connect('127.0.0.1', port);
  const [client = ''] = await wb.newConnIds('client', [], 1);
  const [server = ''] = await wb.newConnIds('server', [], 1);
  await wb.typeLines(client, ['GET /hello HTTP/1.1']);
  await expect(wb.byId('client-output')).toContainText('Hello, World!');
  await expect(wb.connRow(server)).toHaveAttribute('data-state', 'closed');

  // Left as telnet leaves it: the server closed (its socket orphaned in FIN_WAIT_2), the console's
  // side still open in CLOSE_WAIT. Linux drops such an orphan after tcp_fin_timeout (60 s here);
  // the client never sent an RST (nor a FIN), and the Diagram must not say it did.
  await views.pick(server);
  await views.diagram.open();
  await expect(views.diagram.stateMark('server', 'FIN_WAIT_2', 'kernel')).toHaveCount(1);
  await expect(views.diagram.stateMark('server', 'CLOSED', 'kernel')).toHaveCount(1, { timeout: 100_000 });
  await views.shoot('server', 'diagram-after-fin-timeout');
  await expect(views.diagram.svg().locator('[data-testid="ladder-arrow"][data-kind="rst"]')).toHaveCount(0);
  await expect(views.diagram.stateMark('client', 'CLOSE_WAIT')).not.toHaveCount(0);
  await expect(wb.connRow(client)).toHaveAttribute('data-state', 'fin_received');
  // Bug (shared/teardown/ladder-steps.ts, stateDraft): a kernel CLOSED after FIN_WAIT_2 is told as
  // reset_seen_by_kernel, "an RST from the client tore the connection down".
  await expect(views.diagram.narration()).not.toContainText('RST');
  await expect(views.diagram.steps().and(app.locator('[data-code^="rst"], [data-code="reset_seen_by_kernel"]'))).toHaveCount(0);
  await views.wb.byId('journal-view-events').click();
  await errors.expectNone();
});
