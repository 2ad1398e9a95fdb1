// Export and Copy as (issue 20), through the UI: a real exchange (our server, our client, the
// lesson L1 request), then the selected connection exported as pcapng (read by tshark: no warning,
// and following the stream gives the very bytes) and as HAR (JSON, the request's method), and its
// request copied as curl, printf | nc and Python, each copy run with the real tool against a fresh
// Node server that records what it receives.
import AxeBuilder from '@axe-core/playwright';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { noTshark, parseFollowRaw, tshark } from '../main/engine/testing/tshark';
import { expect, test } from './fixtures';
import { ByteViewPage } from './pages/byte-view-page';
import { WorkbenchPage } from './pages/workbench-page';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
/** What the client console sends for the two lines typed (each line goes out with CR LF). */
const REQUEST = 'GET / HTTP/1.0\r\n\r\n';

/** A server that answers once a head has ended (or at the FIN), and hands over each connection's bytes. */
async function recordingServer(): Promise<{ port: number; next: () => Promise<Buffer>; close: () => Promise<void> }> {
  const received: Buffer[] = [];
  const waiting: ((b: Buffer) => void)[] = [];
  const server: Server = createServer((socket) => {
    const parts: Buffer[] = [];
    let answered = false;
    const answer = (): void => {
      if (answered) return;
      answered = true;
      socket.end('HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok');
    };
    socket.on('data', (d) => {
      parts.push(d);
      if (Buffer.concat(parts).includes('\r\n\r\n')) answer();
    });
    socket.on('end', answer);
    socket.on('error', () => {});
    socket.on('close', () => {
      const bytes = Buffer.concat(parts);
      const take = waiting.shift();
      if (take) take(bytes);
      else received.push(bytes);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    next: () => {
      const ready = received.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Runs a program to its end (killed after 15 s), with `input` on its stdin; its exit code and output. */
function runTool(command: string, args: string[], input = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { timeout: 15_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('latin1').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('latin1').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Clicks an Export button and saves what it downloads; returns the file's path and suggested name. */
async function exportAs(app: Page, kind: 'pcapng' | 'har', dir: string): Promise<{ path: string; name: string }> {
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByTestId(`conn-export-${kind}`).click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
}

/** Opens the request's Copy as… menu, picks a form, and returns what landed on the clipboard. */
async function copyAs(app: Page, form: 'curl' | 'nc' | 'python'): Promise<string> {
  await app.getByTestId('copy-as').click();
  await app.getByTestId(`copy-as-${form}`).click();
  await expect(app.getByTestId('copy-as-note')).toContainText('Copied as');
  return app.evaluate(() => navigator.clipboard.readText());
}

test('a connection exports as pcapng and HAR, and its request copies as curl, printf | nc and Python that send it again', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'downloads and the clipboard are checked in the web project');
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const wb = new WorkbenchPage(app);
  const port = await wb.l1ByHand();
  const [connId] = await wb.connIds('client');
  await wb.expectJournalInOrder(['opened', 'data:out', 'data:in', 'peer_fin']);
  await expect.poll(() => wb.bytesOut(connId ?? '')).toBe(REQUEST.length);

  const bv = new ByteViewPage(app);
  await bv.open();
  const structure = bv.byId('bytes-structure');
  if ((await structure.getAttribute('aria-pressed')) !== 'true') await structure.click();
  // One request, one menu.
  await expect(app.getByTestId('copy-as')).toHaveCount(1);

  const dir = testInfo.outputPath('downloads');
  mkdirSync(dir, { recursive: true });

  // pcapng: tshark reads it without a word, and the stream's bytes are the request and the answer.
  const pcapng = await exportAs(app, 'pcapng', dir);
  expect(pcapng.name).toBe(`wirebench-${connId}.pcapng`);
  if (noTshark) testInfo.annotations.push({ type: 'skipped', description: noTshark });
  else {
    const read = await tshark(['-r', pcapng.path]);
    expect(read.code).toBe(0);
    expect(read.stderr).toBe('');
    const followed = await tshark(['-r', pcapng.path, '-q', '-z', 'follow,tcp,raw,0']);
    expect(followed.code).toBe(0);
    const stream = parseFollowRaw(followed.stdout);
    expect(stream.fromNode0.toString('latin1')).toBe(REQUEST);
    expect(stream.fromNode1.toString('latin1')).toContain('Hello World');
  }

  // HAR: JSON with the request as the entry's.
  const har = await exportAs(app, 'har', dir);
  expect(har.name).toBe(`wirebench-${connId}.har`);
  const log = (JSON.parse(readFileSync(har.path, 'utf8')) as { log: { entries: { request: { method: string; url: string }; response: { status: number } }[] } }).log;
  expect(log.entries[0]?.request.method).toBe('GET');
  expect(log.entries[0]?.request.url).toBe(`http://127.0.0.1:${port}/`);
  expect(log.entries[0]?.response.status).toBe(200);

  // Copy as: each command, aimed at a fresh server instead of ours, delivers the request.
  const fresh = await recordingServer();
  try {
    const retarget = (text: string): string => {
      const moved = text.replaceAll(new RegExp(`\\b${port}\\b`, 'g'), String(fresh.port));
      expect(moved).not.toBe(text);
      return moved;
    };
    // Not spawnSync: the recording server lives in this process and must answer while the tool runs.
    const runs = {
      curl: (text: string) => runTool('sh', ['-c', text]),
      nc: (text: string) => runTool('sh', ['-c', text]),
      python: (text: string) => runTool('python3', ['-'], text),
    };
    for (const form of ['curl', 'nc', 'python'] as const) {
      const copied = await copyAs(app, form);
      const run = await runs[form](retarget(copied));
      expect(run.status, `${form}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toContain('ok');
      // curl writes the head itself, but told to add none of its own fields it writes this one byte for byte.
      expect((await fresh.next()).toString('latin1'), form).toBe(REQUEST);
    }
  } finally {
    await fresh.close();
  }

  // For the eye: the toolbar with Export, and the request's menu open.
  await app.getByTestId('copy-as').click();
  await expect(app.getByRole('menu')).toBeVisible();
  mkdirSync(ARTIFACTS, { recursive: true });
  await app.screenshot({ path: join(ARTIFACTS, `export-${testInfo.project.name}.png`) });
  // Nothing axe rates serious with the buttons and the open menu on screen (as e2e/accessibility.spec.ts asks of every view).
  const axe = await new AxeBuilder({ page: app }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await app.keyboard.press('Escape');
  await expect(app.getByRole('menu')).toHaveCount(0);
  await expect(app.getByTestId('copy-as')).toBeFocused();
});
