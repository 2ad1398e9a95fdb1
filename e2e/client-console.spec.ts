// The client console as a learner uses it: two sessions in two tabs at once, a URL split into its
// parts and turned into a request, Up/Down history, and hex mode's exact bytes. The peers are real
// TCP servers in the test process that record every byte they receive.
import { expect, test } from './fixtures';
import { WorkbenchPage } from './pages/workbench-page';
import { recordingServer, type RecordingServer } from './peers';

const servers: RecordingServer[] = [];
test.afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function server(answer: string): Promise<RecordingServer> {
  const s = await recordingServer(answer);
  servers.push(s);
  return s;
}

test('two tabs talk to two servers at once, each with its own transcript', async ({ app }, testInfo) => {
  const wb = new WorkbenchPage(app);
  const one = await server('answer from one\r\n');
  const two = await server('answer from two\r\n');

  await wb.connect('127.0.0.1', one.port);
  await wb.newSession();
  await expect(wb.byId('client-tab')).toHaveCount(2);
  await wb.connect('127.0.0.1', two.port);
  await wb.typeLine('to two');
  await expect(wb.byId('client-output')).toContainText('answer from two');

  await wb.activateSession(0);
  await expect(wb.byId('client-status')).toContainText(`127.0.0.1:${one.port}`);
  await expect(wb.byId('client-output')).not.toContainText('answer from two');
  await wb.typeLine('to one');
  await expect(wb.byId('client-output')).toContainText('answer from one');

  expect(one.received().toString('latin1')).toBe('to one\r\n');
  expect(two.received().toString('latin1')).toBe('to two\r\n');
  await app.screenshot({ path: testInfo.outputPath('two-sessions.png') });

  // Closing the second tab hangs up its connection; the first tab carries on.
  await wb.byId('client-tab-close').nth(1).click();
  await expect(wb.byId('client-tab')).toHaveCount(1);
  await expect(wb.connRows('client').nth(1)).toContainText('closed');
  await expect(wb.connRows('client').nth(0)).toContainText('open');
});

test('a URL target is split into scheme, host, port and path, and becomes a request', async ({ app }, testInfo) => {
  const wb = new WorkbenchPage(app);
  const peer = await server('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
  await wb.connectTo(`http://127.0.0.1:${peer.port}/hello?x=1`);
  const url = wb.byId('client-url');
  await expect(url.locator('[data-part="scheme"] dd')).toHaveText('http');
  await expect(url.locator('[data-part="host"] dd')).toHaveText('127.0.0.1');
  await expect(url.locator('[data-part="port"] dd')).toHaveText(String(peer.port));
  await expect(url.locator('[data-part="path"] dd')).toHaveText('/hello?x=1');
  await expect(wb.byId('client-resolution')).toContainText('connected');

  // The request is filled in, ready to read and edit: Enter sends it with CRLF line ends.
  const input = wb.byId('client-input');
  await expect(input).toHaveValue(`GET /hello?x=1 HTTP/1.1\nHost: 127.0.0.1:${peer.port}\n`);
  await expect(wb.byId('client-preview')).toContainText('␍␊');
  await input.press('End');
  await input.press('Enter');
  await expect.poll(() => peer.received().toString('latin1')).toBe(`GET /hello?x=1 HTTP/1.1\r\nHost: 127.0.0.1:${peer.port}\r\n\r\n`);
  await expect(wb.byId('client-output')).toContainText('ok');
  await app.screenshot({ path: testInfo.outputPath('url-target.png') });
});

test('Up and Down recall what was sent, and what was being typed comes back', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  const peer = await server('');
  await wb.connect('127.0.0.1', peer.port);
  await wb.typeLine('first');
  await wb.typeLine('second');
  await expect.poll(() => peer.received().toString('latin1')).toBe('first\r\nsecond\r\n');
  const input = wb.byId('client-input');
  await input.fill('half-typed');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('second');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('first');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('second');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('half-typed');
});

test('hex mode sends exactly the bytes written, and refuses a lone digit', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  const peer = await server('');
  await wb.connect('127.0.0.1', peer.port);
  await wb.byId('client-mode').selectOption('hex');
  const input = wb.byId('client-input');
  await input.fill('47 45 54 0d 0a 00 ff 8');
  await expect(wb.byId('client-mistake')).toContainText('22');
  await expect(wb.byId('client-send')).toBeDisabled();
  await input.fill('47 45 54 0d 0a 00 ff 80');
  await expect(wb.byId('client-preview')).toContainText('8 bytes');
  await input.press('Enter');
  await expect.poll(() => [...peer.received()]).toEqual([0x47, 0x45, 0x54, 0x0d, 0x0a, 0x00, 0xff, 0x80]);
});

test('character mode sends each key as it is pressed', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  const peer = await server('');
  await wb.connect('127.0.0.1', peer.port);
  await wb.byId('client-mode').selectOption('char');
  const keys = wb.byId('client-char-input');
  await keys.click();
  for (const key of ['G', 'E', 'T', 'Enter']) await keys.press(key);
  await expect(keys).toContainText('4 keys');
  await expect.poll(() => peer.received().toString('latin1')).toBe('GET\r\n');
});
