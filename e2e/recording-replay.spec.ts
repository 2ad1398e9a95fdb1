// Recordings replayed step by step (issue 20), made through the UI against real sockets:
// a sequential server whose second client waited in the backlog (the queue, the counters and the
// waiting connection's row follow the replay, as they stood at each step), and lesson L1 run and
// saved (opened again, the lesson follows the replay's journals, and Set up waits for live).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { rawClient } from './peers';
import { RecordingPage } from './pages/recording-page';
import { ServerPanelPage } from './pages/server-panel-page';
import { WorkbenchPage } from './pages/workbench-page';

const NOTE = 'Recording — read-only. Its servers and client are not running now: go back to live to act.';
const TIP = 'Recording — read-only; go back to live to act';

test('a sequential server recorded: its second client waits in the queue in the replay as it did live', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'downloads and file choosing are checked in the web project');
  const wb = new WorkbenchPage(app);
  const panel = new ServerPanelPage(app);
  const rec = new RecordingPage(app);
  await panel.choose({ accept: 'sequential' });
  const port = await wb.startServer(0);
  await panel.expectPolicy(port, 'accept', 'sequential');
  const queue = panel.row(port).getByTestId('server-queue');

  const first = await rawClient(port);
  await expect.poll(() => panel.stats(port)).toMatchObject({ open: 1, queued: 0 });
  const second = await rawClient(port);
  let waitingId = '';
  let firstId = '';
  try {
    second.socket.write('GET /second HTTP/1.0\r\n\r\n');
    await expect(queue).toHaveAttribute('data-count', '1');
    waitingId = (await queue.getByTestId('server-queue-item').getAttribute('data-conn-id')) ?? '';
    await expect.poll(async () => (await wb.connIds('server')).length).toBe(2);
    firstId = (await wb.connIds('server')).find((id) => id !== waitingId) ?? '';
    // Saved while the second waits for accept().
    const whileWaiting = await rec.save(testInfo, 'waiting');
    // A while in the queue, as a learner looks at it: in the replay below, at a quarter of the
    // speed, the pause after "Replay from the start" lands well before the second's turn, however
    // slow the machine (nothing here measures time).
    await app.waitForTimeout(1_500);
    // Then the first is served and hangs up, and accept() returns the second, which is served too.
    first.socket.write('GET /first HTTP/1.0\r\n\r\n');
    await first.ended;
    first.socket.end();
    await second.ended;
    expect(second.received()).toContain('HTTP/1.1 200 OK');
    second.socket.end();
    await expect.poll(() => panel.stats(port)).toMatchObject({ accepted: 2, served: 2, queued: 0 });
    await wb.expectClosed([firstId, waitingId]);
    const afterBoth = await rec.save(testInfo, 'both');

    // The recording saved while it waited: both connections, the second waiting, as it was.
    await rec.open(whileWaiting);
    await expect(wb.connRows('server')).toHaveCount(2);
    await expect(queue).toHaveAttribute('data-count', '1');
    await expect(queue.getByTestId('server-queue-item')).toHaveAttribute('data-conn-id', waitingId);
    expect(await panel.stats(port)).toMatchObject({ accepted: 2, open: 1, queued: 1 });
    await expect(wb.connRow(waitingId)).toHaveAttribute('data-state', 'queued');
    await expect(wb.connRow(waitingId)).toContainText('waiting for accept()');
    await expect(wb.connRow(firstId)).toHaveAttribute('data-state', 'open');
    await wb.connRow(waitingId).click();
    await wb.expectJournalInOrder(['opened', 'queued']);
    expect(await wb.journalKinds()).not.toContain('dequeued');
    await expect(rec.byId('server-read-only')).toHaveText(NOTE);
    // What the server waited for is said, but no timer counts down: none runs in a recording.
    await expect(panel.row(port).getByTestId('waiting-hint').first()).toBeVisible();
    await expect(rec.byId('waiting-countdown')).toHaveCount(0);
    await app.screenshot({ path: testInfo.outputPath('sequential-waiting.png') });

    // The recording of it all, replayed from the start one event at a time (slowly: the pause
    // comes before the second client's turn): at each step the queue, the counters and the rows
    // are as they stood then.
    await rec.open(afterBoth);
    await expect(queue).toHaveAttribute('data-count', '0');
    await rec.speed(0.25);
    await rec.restartPaused();
    const seen: { state: string; queued: string; first: string }[] = [];
    const stateOf = (connId: string): Promise<string> => wb.connRow(connId).evaluateAll((rows) => rows[0]?.getAttribute('data-state') ?? 'absent');
    const look = async (): Promise<void> => {
      // Read at once, without waiting for an element: a row may come or go with the step.
      const state = await stateOf(waitingId);
      const firstState = await stateOf(firstId);
      const queued = await queue.evaluateAll((q) => q[0]?.getAttribute('data-count') ?? '');
      // Waiting: the queue holds it, and only it, behind the first (its turn comes after the
      // first's close, checked below).
      if (state === 'queued') {
        await expect(queue.getByTestId('server-queue-item')).toHaveAttribute('data-conn-id', waitingId);
        expect(firstState).not.toBe('absent');
      }
      seen.push({ state, queued, first: firstState });
    };
    await look();
    while (!(await rec.atEnd())) {
      await rec.step();
      await look();
    }
    // In the backlog for a stretch of steps, then (once the first had closed) out of it for good:
    // accepted, served and closed.
    const states = seen.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]);
    const queuedAt = states.indexOf('queued');
    expect(queuedAt).toBeGreaterThanOrEqual(0);
    expect(states.slice(queuedAt + 1)).not.toContain('queued');
    expect(states.slice(queuedAt + 1).length).toBeGreaterThan(0);
    await expect(wb.connRow(waitingId)).toHaveAttribute('data-state', 'closed');
    expect(seen.every((s) => (s.state === 'queued') === (s.queued === '1'))).toBe(true);
    const firstClosedAt = seen.findIndex((s) => s.first === 'closed');
    const leftQueueAt = seen.findIndex((s, i) => i > 0 && seen[i - 1]?.state === 'queued' && s.state !== 'queued');
    expect(leftQueueAt).toBeGreaterThanOrEqual(firstClosedAt);
    // At the end: as saved.
    await expect(queue).toHaveAttribute('data-count', '0');
    expect(await panel.stats(port)).toMatchObject({ accepted: 2, served: 2, queued: 0, open: 0 });
    await wb.connRow(waitingId).click();
    await wb.expectJournalInOrder(['opened', 'queued', 'dequeued', 'data:in', 'data:out']);
  } finally {
    first.socket.destroy();
    second.socket.destroy();
  }
});

/** The calls of the lesson's program lit so far, in order. */
const trace = (page: Page): Promise<string[]> =>
  page.getByTestId('lesson-trace-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-call') ?? ''));

test('lesson L1 recorded: opened again, the lesson follows the replay step by step, and Set up waits for live', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'downloads and file choosing are checked in the web project');
  const rec = new RecordingPage(app);
  await expect(app.getByTestId('lessons-welcome')).toBeVisible();
  await app.locator('[data-testid="lesson-choose"][data-lesson="l1"]').click();
  // Set up, on the lesson's port or, should it be taken on this machine, the free one offered.
  await app.getByTestId('lesson-setup').click();
  const ready = app.getByTestId('lesson-ready');
  const problem = app.getByTestId('lesson-problem');
  await expect(ready.or(problem)).toBeVisible();
  if (await problem.isVisible()) {
    await app.getByTestId('lesson-use-port').click();
    await expect(ready).toBeVisible();
  }
  await expect.poll(() => trace(app)).toEqual(['accept']);
  // A while to read the question, as a learner does: in the replay below, at a quarter of the
  // speed, the pause after "Replay from the start" lands before the request, however slow the
  // machine (nothing here measures time).
  await app.waitForTimeout(1_500);
  await app.locator('[data-testid="lesson-choice"][data-choice="server"]').click();
  await app.getByTestId('client-send').click();
  const full = ['accept', 'recv', 'send', 'shutdown'];
  await expect.poll(() => trace(app)).toEqual(full);
  await expect(app.getByTestId('lesson-reveal')).toContainText('Right.');

  await rec.open(await rec.save(testInfo));
  // The lesson stays in sight, followed on the recording: its trace and reveal are the recording's.
  await expect(app.getByTestId('lesson')).toBeVisible();
  await expect(app.getByTestId('lesson-read-only')).toHaveText(NOTE);
  await expect(app.getByTestId('lesson-setup')).toBeDisabled();
  await expect(app.getByTestId('lesson-setup')).toHaveAttribute('title', TIP);
  await expect(app.getByTestId('lesson-browser')).toHaveCount(0);
  await expect.poll(() => trace(app)).toEqual(full);
  await expect(app.getByTestId('lesson-reveal')).toContainText('Right.');
  await app.screenshot({ path: testInfo.outputPath('lesson.png') });

  // Replayed from the start, one event at a time: the program lights up call by call, in order,
  // and the step's answer is revealed only once the server's FIN is in the replay.
  await rec.speed(0.25);
  await rec.restartPaused();
  const traces: string[][] = [await trace(app)];
  const revealed: boolean[] = [await app.getByTestId('lesson-reveal').isVisible()];
  while (!(await rec.atEnd())) {
    await rec.step();
    traces.push(await trace(app));
    revealed.push(await app.getByTestId('lesson-reveal').isVisible());
  }
  await expect.poll(() => trace(app)).toEqual(full);
  traces.push(await trace(app));
  for (let i = 1; i < traces.length; i++) expect(full.slice(0, traces[i]?.length)).toEqual(traces[i]);
  for (let i = 1; i < traces.length; i++) expect(traces[i]?.length).toBeGreaterThanOrEqual(traces[i - 1]?.length ?? 0);
  expect(new Set(traces.map((t) => t.length)).size).toBeGreaterThan(2);
  expect(revealed[0]).toBe(false);
  await expect(app.getByTestId('lesson-reveal')).toContainText('Right.');

  // Back to live: Set up can be pressed again, the note is gone.
  await rec.backToLive();
  await expect(app.getByTestId('lesson-read-only')).toHaveCount(0);
  await expect(app.getByTestId('lesson-setup')).toBeEnabled();
});
