// The guided lessons (issue 17, section 2) from a fresh start, as a learner meets them: the
// Lessons panel's welcome, one lesson chosen, Set up, Send, counted click by click (at most three
// to run a lesson; the predictions are extra clicks, counted apart). The program's lines light up
// in the order the wire dictates, each step asks first and reveals after, pointing at the
// diagram or the bytes. Screenshots are saved beside the test's output and looked at.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { WorkbenchPage } from './pages/workbench-page';

/** Clicks, counted: what it takes a learner to run a lesson (predictions counted apart). */
class Clicks {
  run = 0;
  predictions = 0;
  constructor(private readonly page: Page) {}
  async toRun(testId: string, filter?: string): Promise<void> {
    await this.locator(testId, filter).click();
    this.run++;
  }
  async predict(choice: string): Promise<void> {
    await this.page.locator(`[data-testid="lesson-choice"][data-choice="${choice}"]`).click();
    this.predictions++;
  }
  private locator(testId: string, filter?: string): Locator {
    return this.page.locator(filter ? `[data-testid="${testId}"]${filter}` : `[data-testid="${testId}"]`);
  }
}

/** The calls lit so far, in order, as the panel lists them. */
const trace = (page: Page): Promise<string[]> =>
  page.getByTestId('lesson-trace-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-call') ?? ''));

/** The text of the line CodeMirror shows lit (its line decoration, inside the view's shadow root). */
const litLineText = (page: Page): Promise<string> => page.locator('[data-testid="lesson-code-host"] .cm-lesson-lit').innerText();

/**
 * Set up: on the lesson's own port. Should that port be taken on this machine (another program
 * listening), the panel says why and offers a free one: that is one more click, said in the report.
 */
async function setUp(page: Page, clicks: Clicks): Promise<void> {
  await clicks.toRun('lesson-setup');
  const ready = page.getByTestId('lesson-ready');
  const problem = page.getByTestId('lesson-problem');
  await expect(ready.or(problem)).toBeVisible();
  if (await problem.isVisible()) {
    await expect(problem).toContainText('EADDRINUSE');
    test.info().annotations.push({ type: 'port taken', description: (await problem.innerText()).slice(0, 200) });
    await page.getByTestId('lesson-use-port').click();
    await expect(ready).toBeVisible();
  }
}

test('L1 from a fresh start: welcome, choose, Set up, Send; the lines light up accept → recv → sendall → shutdown → recv b"" → close', async ({ app }, testInfo) => {
  const clicks = new Clicks(app);
  await expect(app.getByTestId('lessons-welcome')).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('lessons-welcome.png') });

  await clicks.toRun('lesson-choose', '[data-lesson="l1"]');
  await setUp(app, clicks);
  // Set up connected the console: the server's accept() has returned, and it waits in recv().
  await expect.poll(() => trace(app)).toEqual(['accept']);
  await expect(app.getByTestId('lesson-caption')).toContainText('accept() returned');
  expect(await litLineText(app)).toContain('server.accept()');
  // The client console holds the lesson's request, ready to send.
  await expect(app.getByTestId('client-input')).toHaveValue('GET http://127.0.0.1/romeo.txt HTTP/1.0\n');

  // Step 1: predict who sends FIN first, then Send.
  await expect(app.getByTestId('lesson-step')).toHaveAttribute('data-step', 'send');
  await clicks.predict('server');
  await expect(app.getByTestId('lesson-wait')).toBeVisible();
  await clicks.toRun('client-send');
  expect(clicks.run).toBeLessThanOrEqual(3);

  await expect.poll(() => trace(app)).toEqual(['accept', 'recv', 'send', 'shutdown']);
  await expect(app.getByTestId('lesson-code-host')).toHaveAttribute('data-lit-call', 'shutdown');
  expect(await litLineText(app)).toContain('conn.shutdown(socket.SHUT_WR)');
  const reveal = app.getByTestId('lesson-reveal');
  await expect(reveal).toContainText('Right.');
  // Pointed at: the server's connection, in the diagram.
  await expect(app.locator('section.journal-panel')).toHaveAttribute('data-view', 'diagram');
  await app.screenshot({ path: testInfo.outputPath('lessons-l1-shutdown.png') });

  // Each call can be lit again: recv() shows the bytes it returned.
  await app.locator('[data-testid="lesson-trace-item"][data-call="recv"]').click();
  expect(await litLineText(app)).toContain('request = conn.recv(5000)');
  await expect(app.getByTestId('lesson-caption')).toContainText('recv() returned 43 bytes');
  await expect(app.locator('section.journal-panel')).toHaveAttribute('data-view', 'bytes');
  await app.screenshot({ path: testInfo.outputPath('lessons-l1-recv.png') });

  // Step 2: the second hang-up. Predict, then Close in the client console.
  await app.getByTestId('lesson-next').click();
  await expect(app.getByTestId('lesson-step')).toHaveAttribute('data-step', 'hangUp');
  await clicks.predict('empty');
  await app.getByTestId('client-close').click();
  await expect.poll(() => trace(app)).toEqual(['accept', 'recv', 'send', 'shutdown', 'eof', 'close']);
  expect(await litLineText(app)).toContain('conn.close()');
  await expect(reveal).toContainText('recv() returned b\'\'');

  // Step 3: the browser's extra request. Predict, then open the server's page in a browser tab.
  await app.getByTestId('lesson-next').click();
  await clicks.predict('favicon');
  const link = app.getByTestId('lesson-browser');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  const [tab] = await Promise.all([app.context().waitForEvent('page'), link.click()]);
  await expect(tab.locator('body')).toContainText('Hello World');
  await expect(app.getByTestId('lesson-reveal')).toContainText('GET /favicon.ico', { timeout: 15_000 });
  await tab.close();
  await app.bringToFront();
  await app.screenshot({ path: testInfo.outputPath('lessons-l1-favicon.png') });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: testInfo.outputPath('lessons-l1-favicon-dark.png') });
  await app.setViewportSize({ width: 1024, height: 700 });
  await expect(app.getByTestId('lesson-reveal')).toBeInViewport();
  await app.screenshot({ path: testInfo.outputPath('lessons-l1-favicon-dark-1024x700.png') });
  testInfo.annotations.push({ type: 'clicks', description: `L1: ${clicks.run} to run, ${clicks.predictions} predictions` });
});

test('L2 in three clicks: the console sends the request line as telnet would, and the bare-LF answer comes back', async ({ app }, testInfo) => {
  const clicks = new Clicks(app);
  await clicks.toRun('lesson-choose', '[data-lesson="l2"]');
  await setUp(app, clicks);
  await expect(app.getByTestId('client-input')).toHaveValue('GET /hello HTTP/1.1');
  await clicks.predict('hello');
  await clicks.toRun('client-send');
  expect(clicks.run).toBeLessThanOrEqual(3);
  await expect.poll(() => trace(app)).toEqual(['accept', 'recv', 'send', 'close']);
  await expect(app.getByTestId('lesson-reveal')).toContainText('bare LFs');
  // Pointed at the client's side, in the bytes: the answer as the console received it.
  await expect(app.locator('section.journal-panel')).toHaveAttribute('data-view', 'bytes');
  expect(await litLineText(app)).toContain('conn.close()');
  await app.screenshot({ path: testInfo.outputPath('lessons-l2.png') });
  testInfo.annotations.push({ type: 'clicks', description: `L2: ${clicks.run} to run, ${clicks.predictions} predictions` });
});

test('L3 in three clicks: the page, then the picture and the form in a browser', async ({ app }, testInfo) => {
  const clicks = new Clicks(app);
  await clicks.toRun('lesson-choose', '[data-lesson="l3"]');
  await setUp(app, clicks);
  await clicks.predict('image');
  await clicks.toRun('client-send');
  expect(clicks.run).toBeLessThanOrEqual(3);
  await expect.poll(() => trace(app)).toEqual(['accept', 'recv', 'send', 'close']);
  // The console is no browser: the picture comes when a browser reads the page.
  const [tab] = await Promise.all([app.context().waitForEvent('page'), app.getByTestId('lesson-browser').click()]);
  await expect(tab.locator('img')).toHaveJSProperty('complete', true);
  await expect(app.getByTestId('lesson-reveal')).toContainText('GET /test.jpg', { timeout: 15_000 });
  await expect.poll(async () => (await trace(app)).filter((c) => c === 'sendHead' || c === 'sendBody')).toEqual(['sendHead', 'sendBody']);
  await app.getByTestId('lesson-next').click();
  await clicks.predict('header');
  await expect(app.getByTestId('lesson-reveal')).toContainText('Content-Type: image/jpg');
  await app.getByTestId('lesson-next').click();
  await clicks.predict('body');
  await tab.locator('input[name="firstname"]').fill('Ada');
  await tab.locator('input[type="submit"]').click();
  await expect(tab.locator('body')).toContainText('firstname=Ada');
  await expect(app.getByTestId('lesson-reveal')).toContainText('In the body');
  await expect.poll(async () => (await trace(app)).filter((c) => c.startsWith('sendEcho'))).toEqual(['sendEchoHead', 'sendEchoBody']);
  await tab.close();
  await app.screenshot({ path: testInfo.outputPath('lessons-l3.png') });
  testInfo.annotations.push({ type: 'clicks', description: `L3: ${clicks.run} to run, ${clicks.predictions} predictions` });
});

test('L4 in three clicks: / is index.html in two sends; a second client waits in the backlog of listen(128)', async ({ app }, testInfo) => {
  const clicks = new Clicks(app);
  await clicks.toRun('lesson-choose', '[data-lesson="l4"]');
  await setUp(app, clicks);
  await clicks.predict('index');
  await clicks.toRun('client-send');
  expect(clicks.run).toBeLessThanOrEqual(3);
  await expect.poll(() => trace(app)).toEqual(['accept', 'recv', 'sendHead', 'sendBody', 'close']);
  await expect(app.getByTestId('lesson-reveal')).toContainText('/index.html');

  // Step 2: a file that is not there.
  await app.getByTestId('lesson-next').click();
  await clicks.predict('notFound');
  await app.getByTestId('client-connect').click();
  await expect(app.getByTestId('client-input')).toBeEnabled();
  await app.getByTestId('client-input').fill('GET /nothing.html HTTP/1.1\nHost: 127.0.0.1\n');
  await app.getByTestId('client-send').click();
  await expect(app.getByTestId('lesson-reveal')).toContainText('404 Not Found');

  // Step 3: one client connected and silent holds the sequential server; a second waits.
  await app.getByTestId('lesson-next').click();
  await clicks.predict('waits');
  await app.getByTestId('client-connect').click();
  await app.getByTestId('client-tab-new').click();
  await app.getByTestId('client-connect').click();
  await expect(app.getByTestId('lesson-reveal')).toContainText('backlog of listen(128)');
  await expect(app.getByTestId('lesson-code-host')).toHaveAttribute('data-lit-call', 'listen');
  expect(await litLineText(app)).toContain('server.listen(128)');
  await app.screenshot({ path: testInfo.outputPath('lessons-l4-backlog.png') });

  // Side by side: the same server made concurrent, one port up, serves a client at once while
  // the sequential one still holds its first.
  const twin = /127\.0\.0\.1:(\d+)/.exec((await app.getByTestId('lesson-twin').textContent()) ?? '');
  const twinPort = Number(twin?.[1]);
  expect(twinPort).toBeGreaterThan(0);
  const wb = new WorkbenchPage(app);
  await wb.newSession();
  await wb.connect('127.0.0.1', twinPort);
  await wb.typeLine('GET / HTTP/1.1');
  await wb.typeLine(`Host: 127.0.0.1:${twinPort}`);
  await wb.typeLine('');
  await expect(wb.byId('client-output')).toContainText('HTTP/1.1 200 OK');
  await expect(app.getByTestId('lesson-code-host')).toHaveAttribute('data-lit-call', 'listen');
  testInfo.annotations.push({ type: 'clicks', description: `L4: ${clicks.run} to run, ${clicks.predictions} predictions` });
});

/** Serious and critical axe violations inside the Lessons panel (WCAG A and AA, 2.0 to 2.2). */
async function lessonsViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('[data-testid="lessons-panel"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${v.help}`));
}

test('the Lessons panel: nothing serious for axe, light and dark, and every control a lesson needs reached by Tab and used by Enter', async ({ app }) => {
  // The welcome, by keyboard only: Tab to L1, Enter; Tab to Set up, Enter.
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    expect(await lessonsViolations(app), `welcome (${scheme})`).toEqual([]);
  }
  const focusOn = async (selector: string): Promise<void> => {
    for (let i = 0; i < 200; i++) {
      if (await app.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
      await app.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  await focusOn('[data-testid="lesson-choose"][data-lesson="l1"]');
  await app.keyboard.press('Enter');
  await focusOn('[data-testid="lesson-setup"]');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('lesson-ready').or(app.getByTestId('lesson-problem'))).toBeVisible();
  await focusOn('[data-testid="lesson-choice"][data-choice="server"]');
  await app.keyboard.press('Enter');
  await expect(app.locator('[data-testid="lesson-choice"][data-choice="server"]')).toHaveAttribute('aria-pressed', 'true');
  // The program is reachable too (read-only, its text selectable from the keyboard).
  await focusOn('[data-testid="lesson-code-host"]');
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    expect(await lessonsViolations(app), `a lesson set up (${scheme})`).toEqual([]);
  }
});
