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
  await expect(td.narration()).toHaveText('The client sent FIN (shutdown for writing): it will send no more, but it can still receive.');
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
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed).toMatchObject({ error: null, root: 'svg', ns: 'http://www.w3.org/2000/svg', classes: 0, styleElements: 0 });
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
