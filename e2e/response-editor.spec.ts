// The canned-response editor (issue 8), in Chromium through the web host: exact bytes as typed, the
// annotator's checks with their fixes, a body from a file, the shortcuts overlay, and the round
// trip the issue asks for: load a preset, edit a byte, connect with the client, see the edited
// byte arrive, diff the two versions. Real peers: raw node:net sockets and the app's own client.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { rawClient } from './peers';
import { ResponseEditorPage } from './pages/response-editor-page';
import { WorkbenchPage } from './pages/workbench-page';

const SAMPLE_IMAGE_PATH = join(import.meta.dirname, '..', 'app', 'docroot', 'test.jpg');
/** L3's image head as the lesson's server sends it (shared/server/presets.ts L3_IMAGE): it starts with an empty line. */
const L3_LESSON_HEAD = '\nHTTP/1.x 200 OK  \nContent-Type: image/jpg\n\n';

test('canned bytes as typed: Enter can insert a bare LF, and L2’s answer goes out byte for byte', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  const editor = new ResponseEditorPage(app);
  await editor.open();
  await editor.expectBytes(100); // lesson L1's response
  await editor.expectEndings('crlf');
  // Lesson L2's server: bare LF line ends, no headers.
  await editor.byId('editor-enter').selectOption('lf');
  await editor.content.click();
  await editor.content.press('ControlOrMeta+a');
  await editor.content.press('Delete');
  await editor.expectBytes(0);
  await editor.content.pressSequentially('HTTP/1.1 200 OK');
  await editor.content.press('Enter');
  await editor.content.press('Enter');
  await editor.content.pressSequentially('Hello, World!');
  await editor.expectBytes(30);
  await editor.expectEndings('lf');
  // Back to CR LF: Enter now inserts two bytes, a CR and an LF, and the document is mixed.
  await editor.byId('editor-enter').selectOption('crlf');
  await editor.content.press('Enter');
  await editor.expectBytes(32);
  await editor.expectEndings('mixed');
  await expect(editor.content.locator('.cm-cr')).toHaveCount(1);
  await expect(editor.content.locator('.cm-lf-bare')).toHaveCount(2);
  // Undo takes the CR LF back as it came: one step.
  await editor.content.press('ControlOrMeta+z');
  await editor.expectBytes(30);

  const port = await wb.startServer(0);
  // The server ignores what it is sent: garbage gets the same answer (lesson L2).
  const client = await rawClient(port);
  client.socket.write('hello? is this HTTP?\r\n');
  await client.ended;
  expect(client.received()).toBe('HTTP/1.1 200 OK\n\nHello, World!');
  client.socket.destroy();
});

test('a preset, a byte edited, the client sees it arrive, and the two versions diffed', async ({ app }, testInfo) => {
  const wb = new WorkbenchPage(app);
  const editor = new ResponseEditorPage(app);
  await editor.open();
  await editor.loadPreset('l4-not-found');
  await expect(editor.byId('editor-teaches')).toBeVisible();
  const port = await wb.startServer(0);
  await expect(editor.byId('editor-version')).toHaveAttribute('data-version', '1');

  const first = await rawClient(port);
  first.socket.write('GET /missing HTTP/1.0\r\n\r\n');
  await first.ended;
  const before = first.received();
  expect(before).toMatch(/^HTTP\/1\.[01] 404 Not Found\r\n/);
  first.socket.destroy();

  // Edit one byte of the body: its last full stop, before the final CR LF, becomes '?' (the same
  // length, so Content-Length stays right).
  await editor.caretToEnd();
  await editor.content.press('ArrowLeft'); // over the LF
  await editor.content.press('ArrowLeft'); // over the CR
  await editor.content.press('Backspace');
  await editor.content.pressSequentially('?');
  await expect(editor.byId('editor-checks')).toHaveAttribute('data-count', '0');
  await expect(editor.byId('editor-version')).toHaveAttribute('data-version', '2');

  // The app's own client gets the edited byte.
  await wb.connect('127.0.0.1', port);
  await wb.typeLine('GET /missing HTTP/1.0');
  await wb.typeLine('');
  const expected = before.replace('that path.\r\n', 'that path?\r\n');
  expect(expected).not.toBe(before);
  await expect(wb.byId('client-output')).toContainText('no file at that path?', { timeout: 10_000 });
  const second = await rawClient(port);
  second.socket.write('GET / HTTP/1.0\r\n\r\n');
  await second.ended;
  expect(second.received()).toBe(expected);
  second.socket.destroy();

  // The diff between v1 and v2: one line removed, one added, the rest the same.
  await editor.byId('editor-compare').click();
  const diff = editor.byId('versions-diff');
  await expect(diff).toBeVisible();
  await expect(diff.locator('[data-kind="removed"]')).toHaveCount(1);
  await expect(diff.locator('[data-kind="added"]')).toHaveCount(1);
  await expect(diff.locator('[data-kind="added"]')).toContainText('?');
  await app.screenshot({ path: testInfo.outputPath('versions-diff.png') });
});

test('checks: a Content-Length too long is found at its bytes, and its one-click fix sets the right value', async ({ app }, testInfo) => {
  const editor = new ResponseEditorPage(app);
  await editor.open();
  await editor.loadPreset('broken-content-length-long');
  await expect(app.locator('[data-testid="editor-check"][data-code="content_length_short"]')).toHaveCount(1);
  // In the editor too: the FIN comes where the body should go on, so the mark is at the end.
  await expect(editor.content.locator('.cm-lintRange-error, .cm-lintPoint-error').first()).toBeAttached();
  await app.screenshot({ path: testInfo.outputPath('editor-check.png') });
  const before = await editor.byteCount();
  await app.locator('[data-testid="editor-fix"][data-fix="set_content_length"]').click();
  await expect(app.locator('[data-testid="editor-check"][data-code="content_length_short"]')).toHaveCount(0);
  await expect(editor.byId('editor-checks')).toHaveAttribute('data-count', '0');
  // The number got shorter or stayed as long; the body is untouched.
  expect(await editor.byteCount()).toBeLessThanOrEqual(before);
  // A fix is an edit: undo brings the broken response back.
  await editor.content.press('ControlOrMeta+z');
  await expect(app.locator('[data-testid="editor-check"][data-code="content_length_short"]')).toHaveCount(1);
  // The same fix from inside the editor: hovering the mark shows the problem with its fix.
  await editor.content.locator('.cm-lintRange-error, .cm-lintPoint-error').first().hover();
  await app.locator('.cm-tooltip-lint .cm-diagnosticAction').first().click();
  await expect(editor.byId('editor-checks')).toHaveAttribute('data-count', '0');
});

test('a body from a file is shown as a summary with its image, and sent after the head', async ({ app }, testInfo) => {
  const wb = new WorkbenchPage(app);
  const editor = new ResponseEditorPage(app);
  await editor.open();
  await editor.loadPreset('l3-image');
  const image = readFileSync(SAMPLE_IMAGE_PATH);
  await expect(editor.byId('editor-file-body')).toHaveAttribute('data-size', String(image.length));
  await expect(editor.byId('editor-file-body').getByTestId('body-image')).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('file-body.png') });
  const port = await wb.startServer(0);
  const client = await rawClient(port);
  client.socket.write('GET /test.jpg HTTP/1.0\r\n\r\n');
  await client.ended;
  // The lesson's head (bare LFs: its blank line is LF LF), then the file's bytes unchanged.
  const got = client.receivedBytes();
  const headEnd = got.indexOf('\n\n') + 2;
  expect(got.subarray(0, headEnd).toString('latin1')).toBe(L3_LESSON_HEAD);
  expect(got.subarray(headEnd).equals(image)).toBe(true);
  client.socket.destroy();

  // Another file, chosen with the file picker, replaces the body once the sample is dropped.
  await editor.byId('editor-file-body').getByRole('button').click();
  await editor.byId('editor-file-input').setInputFiles(SAMPLE_IMAGE_PATH);
  await expect(editor.byId('editor-file-body')).toContainText('test.jpg');
});

test('L3’s image as the lesson sends it: the check says it starts with an empty line, the fix removes it, and the client gets the fixed bytes', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  const editor = new ResponseEditorPage(app);
  await editor.open();
  await editor.loadPreset('l3-image');
  const image = readFileSync(SAMPLE_IMAGE_PATH);
  await expect(editor.byId('editor-file-body')).toHaveAttribute('data-size', String(image.length));
  const emptyLine = app.locator('[data-testid="editor-check"][data-code="empty_line_before_status"]');
  await expect(emptyLine).toHaveCount(1);
  await expect(emptyLine).toContainText('An empty line where the status line must be');
  // Told as the empty line it is, not as a bare LF: the bare-LF check starts at the status line's end.
  await expect(emptyLine.locator('.check-where')).toHaveText('byte 0');
  await expect(app.locator('[data-testid="editor-check"][data-code="bad_http_version"]')).toHaveCount(1);
  await emptyLine.locator('[data-testid="editor-fix"][data-fix="remove_empty_line"]').click();
  await expect(emptyLine).toHaveCount(0);
  // The rest is still the lesson's, and still told: HTTP/1.x is the next thing to fix.
  await expect(app.locator('[data-testid="editor-check"][data-code="bad_http_version"]')).toHaveCount(1);
  await expect(app.locator('[data-testid="editor-fix"][data-fix="set_http_version"]')).toBeVisible();

  const port = await wb.startServer(0);
  const client = await rawClient(port);
  client.socket.write('GET /test.jpg HTTP/1.0\r\n\r\n');
  await client.ended;
  const got = client.receivedBytes();
  const head = L3_LESSON_HEAD.slice(1);
  expect(got.subarray(0, head.length).toString('latin1')).toBe(head);
  expect(got.subarray(head.length).equals(image)).toBe(true);
  client.socket.destroy();
});

test('the shortcuts overlay opens with F1 in the editor and closes with Escape; find opens with Ctrl+F', async ({ app }) => {
  const editor = new ResponseEditorPage(app);
  await editor.open();
  await editor.content.click();
  await editor.content.press('F1');
  await expect(editor.byId('editor-shortcuts')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(editor.byId('editor-shortcuts')).toBeHidden();
  await editor.content.click();
  await editor.content.press('ControlOrMeta+f');
  await expect(app.locator('.cm-search input[name="search"]')).toBeVisible();
});

test('a loaded preset sets what Enter inserts to its own line ending, and the control shows it', async ({ app }) => {
  const editor = new ResponseEditorPage(app);
  await editor.open();
  await expect(editor.byId('editor-enter')).toHaveValue('crlf');
  await editor.loadPreset('l2-hello-bare-lf');
  await editor.expectEndings('lf');
  await expect(editor.byId('editor-enter')).toHaveValue('lf');
  // A line typed now ends like the preset's: the response stays bare LF throughout.
  await editor.caretToEnd();
  await editor.content.press('Enter');
  await editor.expectEndings('lf');
  await editor.loadPreset('l3-page');
  await editor.expectEndings('crlf');
  await expect(editor.byId('editor-enter')).toHaveValue('crlf');
});
