// The annotator in the Bytes view (issue "Byte views and the HTTP annotator"): a chunked,
// gzip-encoded response, with a problem put in on purpose (Content-Length beside
// Transfer-Encoding), shows its chunks in the structure, its body decoded beside the raw bytes,
// and the problem, which jumps to the bytes it is about. The server is a real TCP server in the
// test process; the client is the app's own console.
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { ByteViewPage } from './pages/byte-view-page';
import { WorkbenchPage } from './pages/workbench-page';
import { recordingServer, type RecordingServer } from './peers';

const PAGE = '<html><body>Hello, gzip and chunks</body></html>\n';

/** The gzip bytes of PAGE in two chunks, with a Content-Length that should not be there. */
function chunkedGzipResponse(): Buffer {
  const gz = gzipSync(Buffer.from(PAGE));
  const cut = Math.floor(gz.length / 2);
  const chunk = (b: Buffer): Buffer => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);
  return Buffer.concat([
    Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: 999\r\nTransfer-Encoding: chunked\r\n\r\n'),
    chunk(gz.subarray(0, cut)),
    chunk(gz.subarray(cut)),
    Buffer.from('0\r\n\r\n'),
  ]);
}

let server: RecordingServer | null = null;
test.afterEach(async () => {
  await server?.close();
  server = null;
});

test('a chunked gzip response: its chunks, its decoded body, and a problem that jumps to its bytes', async ({ app }, testInfo) => {
  const wb = new WorkbenchPage(app);
  const bv = new ByteViewPage(app);
  server = await recordingServer(chunkedGzipResponse());
  await wb.connect('127.0.0.1', server.port);
  await wb.typeLine('GET / HTTP/1.1\nHost: localhost\n');
  await expect(wb.byId('client-output')).toContainText('Transfer-Encoding: chunked');

  await wb.select('client');
  await bv.open();
  // The structure: one response, two data chunks and the last one.
  await expect(bv.structureItem(/^Response 1/)).toBeVisible();
  await expect(bv.structureItem(/^(Chunk \d|Last chunk)/)).toHaveCount(3);

  // Selecting the response shows its body as the browser would get it: chunks joined, gzip undone.
  await bv.structureItem(/^Response 1/).click();
  await expect(bv.byId('body-decoded')).toContainText('gzip undone');
  await expect(bv.byId('body-text')).toContainText('Hello, gzip and chunks');

  // The problem on purpose: Content-Length beside Transfer-Encoding. It selects the field's bytes.
  const problem = bv.problems().and(app.locator('[data-code="content_length_and_transfer_encoding"]'));
  await expect(problem).toHaveCount(1);
  await problem.click();
  await expect.poll(() => bv.selectedText('in')).toContain('Content-Length: 999');
  // The field line, its CRLF included: after the status line (17 bytes) and two fields (25 + 24).
  await expect(bv.status()).toContainText('bytes 66–86');
  await app.screenshot({ path: testInfo.outputPath('annotation.png') });
});
