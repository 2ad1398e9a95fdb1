// The walking skeleton's six user steps (issue 4), through whichever host the project names.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { WorkbenchPage } from './pages/workbench-page';
import { holdPort } from './peers';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');

test('telnet by hand: request, response, FIN, journal on both ends', async ({ app }, testInfo) => {
  const wb = new WorkbenchPage(app);

  // 3. The learner starts the built-in server (port 0: any free port, so runs never collide).
  const port = await wb.startServer(0);

  // 4. Connect, type the request line, Enter, Enter (the blank line), and see the response.
  await wb.connect('127.0.0.1', port);
  await wb.typeLine('GET / HTTP/1.0');
  await wb.typeLine('');
  const output = wb.byId('client-output');
  await expect(output).toContainText('Hello World');
  await expect(output).toContainText('HTTP/1.1 200 OK');
  // CR and LF are the lesson: they are visible as glyphs.
  await expect(output).toContainText('␍');
  await expect(output).toContainText('␊');

  // 5. Both ends of the exchange are listed, each with local and remote address:port.
  await expect(wb.connRows('server')).toHaveCount(1);
  await expect(wb.connRows('client')).toHaveCount(1);
  await expect(wb.connRows('server').first()).toContainText(`127.0.0.1:${port}`);
  await expect(wb.connRows('client').first()).toContainText(`127.0.0.1:${port}`);

  // The server answered the first chunk, then sent FIN (shutdown(SHUT_WR)); the client saw it.
  await wb.select('client');
  await wb.expectJournalInOrder(['opened', 'data:out', 'data:in', 'peer_fin']);
  const clientEntry = wb.byId('journal-entry').filter({ hasText: 'Hello World' });
  await expect(clientEntry.first()).toContainText('␍␊');

  // 6. Buttons say what goes on the wire before the learner presses them.
  for (const id of ['client-halfclose', 'client-close', 'client-reset']) {
    await expect(wb.byId(id)).toHaveAttribute('title', /(\w+\W+){6,}/);
  }

  // Close: our FIN; the server, which was waiting for it, closes fully.
  await wb.byId('client-close').click();
  await wb.expectJournalInOrder(['opened', 'data:out', 'data:in', 'peer_fin', 'fin_sent', 'closed']);
  await wb.select('server');
  await wb.expectJournalInOrder(['opened', 'data:in', 'data:out', 'fin_sent', 'peer_fin', 'closed']);

  mkdirSync(ARTIFACTS, { recursive: true });
  await app.screenshot({ path: join(ARTIFACTS, `walking-skeleton-${testInfo.project.name}.png`) });
});

test('half-close first: the input is disabled, bytes still arrive', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  const port = await wb.startServer(0);
  await wb.connect('127.0.0.1', port);
  await wb.byId('client-halfclose').click();
  await expect(wb.byId('client-input')).toBeDisabled();
  // The server got our FIN before any request: it closes too, and our side sees its FIN.
  await wb.select('client');
  await wb.expectJournalInOrder(['opened', 'fin_sent', 'peer_fin', 'closed']);
});

test('reset: the server side sees ECONNRESET', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  const port = await wb.startServer(0);
  await wb.connect('127.0.0.1', port);
  await wb.typeLine('GET / HTTP/1.0');
  await expect(wb.byId('client-output')).toContainText('Hello World');
  await wb.byId('client-reset').click();
  await wb.select('client');
  await wb.expectJournalInOrder(['opened', 'rst_sent', 'closed']);
  await wb.select('server');
  await wb.expectJournalInOrder(['opened', 'error', 'closed']);
  await expect(wb.byId('journal')).toContainText('ECONNRESET');
});

test('errors are sentences: port in use, connection refused', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  // Another program holds a port: our server cannot listen there, and says so in words.
  const { port: taken, release } = await holdPort();
  try {
    await wb.openServerSettings();
    await wb.byId('server-port').fill(String(taken));
    await wb.byId('server-start').click();
    await expect(wb.byId('server-error')).toContainText(String(taken));
    await expect(wb.byId('server-error')).toContainText(/in use/i);
  } finally {
    await release();
  }
  // Now nothing listens there: a connect is refused, explained.
  await wb.connectTo(`127.0.0.1 ${taken}`);
  await expect(wb.byId('client-error')).toContainText(/refused/i);
});
