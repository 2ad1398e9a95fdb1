// Teardown made visible (issue 9): one click runs a scenario with our own server and client, and
// the Diagram view draws it as a ladder, live, both lanes from our own journals; an arrow selects
// its journal entry and its bytes; the diagram exports as a self-contained SVG and as a PNG.
import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { ByteViewPage } from './pages/byte-view-page';
import { TeardownPage } from './pages/teardown-page';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test('client half-closes first: the ladder in order, an arrow selects its entry and bytes, SVG and PNG export', async ({ app }, testInfo) => {
  const td = new TeardownPage(app);
  // The page's CSP must hold for everything the view does (exports included).
  const violations: string[] = [];
  app.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });

  // No connection selected yet: the scenarios are there anyway.
  await td.open();
  await expect(td.byId('teardown-view')).toContainText('Pick a connection');
  await td.runScenario('client_half_closes_first');

  // Connect, the request, the client's FIN; then the answer and the server's FIN, in that order.
  await expect.poll(() => td.arrowOrder(), { timeout: 15_000 }).toEqual(['client connect', 'client data', 'client fin', 'server data', 'server fin']);
  // Both ends are ours: the server's lane comes from its own journal.
  await expect(td.svg().locator('[data-testid="ladder-lane"][data-side="server"]')).toContainText('ours');
  await expect(td.svg().locator('[data-testid="ladder-close"][data-from="client"]')).toHaveCount(1);
  await expect(td.arrow('data', 'client')).toContainText('35 bytes');
  // Its first bytes on hover, CR and LF drawn.
  await expect(td.arrow('data', 'client').locator('title')).toContainText('GET / HTTP/1.1\u240d\u240a');
  // Each side's state along its lane; by the end the client has nothing left to send or receive.
  await expect(td.svg().locator('[data-testid="ladder-state"][data-side="client"][data-state="FIN_WAIT_1"]')).toHaveCount(1);
  await expect(td.sideCard('client')).toHaveAttribute('data-can-send', 'false');

  // The client's FIN: the step says so in words, and each side's standing after it.
  await td.arrow('fin', 'client').click();
  await expect(td.narration()).toHaveAttribute('data-code', 'fin_sent');
  await expect(td.narration()).toHaveText(
    'The client sent FIN (shutdown for writing): it will send nothing more, but it can still receive. Until the server acknowledges that FIN, the client’s socket is in FIN_WAIT_1.',
  );
  await expect(td.sideCard('client')).toHaveAttribute('data-can-send', 'false');
  await expect(td.sideCard('client')).toHaveAttribute('data-can-receive', 'true');
  await expect(td.sideCard('server')).toHaveAttribute('data-can-send', 'true');
  // The FIN arrow selected the client's fin_sent entry: Events marks it.
  await td.byId('show-in-events').click();
  const picked = app.locator('[data-testid="journal-entry"][aria-current="true"]');
  await expect(picked).toHaveCount(1);
  await expect(picked).toHaveAttribute('data-kind', 'fin_sent');
  await td.open();
  await expect(td.narration()).toHaveAttribute('data-code', 'fin_sent');
  // Steps before and after, a click away.
  await td.byId('step-next').click();
  await expect(td.narration()).toHaveAttribute('data-code', 'fin_received');
  await expect(td.narration()).toHaveAttribute('data-side', 'server');
  await td.byId('step-prev').click();
  await expect(td.narration()).toHaveAttribute('data-code', 'fin_sent');

  const shot = testInfo.outputPath('teardown-diagram.png');
  await app.screenshot({ path: shot });
  await testInfo.attach('teardown diagram', { path: shot, contentType: 'image/png' });
  await td.svg().screenshot({ path: testInfo.outputPath('teardown-ladder.png') });

  // On screen: the picked step's band, and the client's TIME_WAIT counting down from the kernel's timer.
  await expect(td.svg().locator('.step-band')).toHaveCount(1);
  await expect(td.svg()).toContainText(/TIME_WAIT · \d+ s left/);

  // The SVG export: a valid SVG document, styles inline, the arrows in it.
  const svg = await td.exportFile('svg');
  expect(svg.download.suggestedFilename()).toMatch(/\.svg$/);
  await writeFile(testInfo.outputPath('teardown-export.svg'), svg.bytes);
  const parsed = await app.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      ns: root.namespaceURI,
      arrows: [...root.querySelectorAll('g[data-kind]')].map((g) => `${g.getAttribute('data-from') ?? ''} ${g.getAttribute('data-kind') ?? ''}`),
      styled: root.querySelector('g[data-kind="fin"] line')?.getAttribute('stroke') ?? null,
      classes: root.querySelectorAll('[class]').length,
      styleElements: root.querySelectorAll('style').length,
      // The diagram, not the moment it was clicked: no band, no enlarged dot, the picked FIN drawn as the other.
      rects: root.querySelectorAll('rect').length,
      bigDots: [...root.querySelectorAll('circle')].filter((c) => c.getAttribute('r') !== '4.5').length,
      finWidths: ['client', 'server'].map((from) => root.querySelector(`g[data-kind="fin"][data-from="${from}"] line`)?.getAttribute('stroke-width') ?? null),
      text: root.textContent ?? '',
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed).toMatchObject({ error: null, root: 'svg', ns: 'http://www.w3.org/2000/svg', classes: 0, styleElements: 0, bigDots: 0 });
  expect(parsed.rects).toBe(await td.svg().locator('rect:not(.step-band)').count());
  expect(parsed.finWidths[0]).toBe(parsed.finWidths[1]);
  expect(parsed.text).not.toMatch(/\d+ s left/);
  expect(parsed.text).toContain('TIME_WAIT · 60 s');
  // The live diagram kept its selection.
  await expect(td.svg().locator('.step-band')).toHaveCount(1);
  await expect(td.narration()).toHaveAttribute('data-code', 'fin_sent');
  expect(parsed.arrows).toEqual(['client connect', 'client data', 'client fin', 'server data', 'server fin']);
  expect(parsed.styled).toMatch(/^rgb/);

  // The PNG export: a PNG file.
  const png = await td.exportFile('png');
  expect(png.download.suggestedFilename()).toMatch(/\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  await writeFile(testInfo.outputPath('teardown-export.png'), png.bytes);

  // The request's arrow selects its 35 bytes in the Bytes view; selected bytes light their arrow.
  await td.open();
  await td.arrow('data', 'client').click();
  await td.byId('show-in-bytes').click();
  await expect(new ByteViewPage(app).status()).toContainText('bytes 0–34 (35 bytes)');
  await td.open();
  await expect(td.arrow('data', 'client')).toHaveAttribute('data-lit', 'true');
  await expect(td.arrow('data', 'server')).not.toHaveAttribute('data-lit', 'true');

  expect(violations).toEqual([]);
});

test('server resets: the RST is the last arrow, and the client’s close after it is a local event', async ({ app }, testInfo) => {
  const td = new TeardownPage(app);
  await td.open();
  await td.runToEnd('server_resets');
  // After an RST nothing more goes on the wire: no client FIN arrow.
  expect(await td.arrowOrder()).toEqual(['client connect', 'client data', 'server data', 'server rst']);
  const steps = await td.stepOrder();
  expect(steps.slice(steps.indexOf('server rst_sent'))).toEqual(['server rst_sent', 'server closed_after_reset', 'client rst_received', 'client closed_after_reset']);
  await expect(td.svg().locator('[data-testid="ladder-close"][data-from="client"]')).toHaveCount(1);
  await td.arrow('rst', 'server').click();
  await td.byId('step-next').click();
  await td.byId('step-next').click();
  await expect(td.narration()).toHaveAttribute('data-code', 'rst_received');
  await expect(td.narration()).toContainText('ECONNRESET');
  await td.byId('step-next').click();
  await expect(td.narration()).toHaveAttribute('data-code', 'closed_after_reset');
  await expect(td.sideCard('client')).toHaveAttribute('data-can-send', 'false');
  await td.svg().screenshot({ path: testInfo.outputPath('ladder-server_resets.png') });
});

test('every scenario: one state track a side, never back to a state it left; a picture of each', async ({ app }, testInfo) => {
  test.setTimeout(180_000);
  const td = new TeardownPage(app);
  await td.open();
  for (const scenario of ['server_closes_first', 'client_half_closes_first', 'keep_alive_client_closes', 'server_resets', 'client_resets_mid_response', 'server_hangs_client_times_out', 'both_close_at_once']) {
    await td.runToEnd(scenario);
    for (const side of ['client', 'server'] as const) {
      const states = await td.laneStates(side);
      // States only move forward (RFC 9293 section 3.3.2): each is drawn once, where it began.
      expect(new Set(states).size, `${scenario} ${side}: ${states.join(' ')}`).toBe(states.length);
      expect(states[0], scenario).toBe('ESTABLISHED');
    }
    await td.svg().screenshot({ path: testInfo.outputPath(`ladder-${scenario}.png`) });
  }
});
