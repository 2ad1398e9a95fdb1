// Accessibility of every panel, checked by axe-core in the real page: with a live exchange on
// screen (so the transcript, the connection list and each journal view have content), in light and
// dark, no violation axe rates serious or critical. And the workbench works from the keyboard:
// Tab alone reaches every control a lesson needs.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ByteViewPage } from './pages/byte-view-page';
import { WorkbenchPage } from './pages/workbench-page';

/** The WCAG rules a desktop tool is held to (A and AA, 2.0 to 2.2). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serious and critical violations, each as one readable line (rule, impact, where, why). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ') ?? v.help}`));
}

/** A server, a client connected to it, a request typed and answered: every panel has something to show. */
async function liveExchange(wb: WorkbenchPage): Promise<void> {
  await wb.l1ByHand();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious in any journal view (${scheme})`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: scheme });
    const wb = new WorkbenchPage(app);
    await liveExchange(wb);
    for (const view of ['events', 'bytes', 'diagram'] as const) {
      await wb.byId(`journal-view-${view}`).click();
      await expect(wb.byId(`journal-view-${view}`)).toHaveAttribute('aria-pressed', 'true');
      expect(await seriousViolations(app), `journal view "${view}"`).toEqual([]);
    }
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious in the other panels and modes (${scheme})`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: scheme });
    const wb = new WorkbenchPage(app);
    await liveExchange(wb);
    // The server card opened to edit: the whole form and the response editor.
    await wb.openServerSettings();
    expect(await seriousViolations(app), 'server settings open').toEqual([]);
    // The byte view in its hex and split modes (text is the default, checked above).
    const bytes = new ByteViewPage(app);
    await wb.byId('journal-view-bytes').click();
    for (const mode of ['hex', 'split'] as const) {
      await bytes.mode(mode);
      expect(await seriousViolations(app), `bytes ${mode}`).toEqual([]);
    }
    // Split opens the journal over the workbench (Larger) where its pane is too narrow: back to
    // its pane, then the Lessons tab of the side column.
    if ((await wb.byId('journal-size').getAttribute('aria-pressed')) === 'true') await wb.byId('journal-size').click();
    await wb.byId('side-tab-lessons').click();
    await expect(wb.byId('side-tab-lessons')).toHaveAttribute('aria-selected', 'true');
    expect(await seriousViolations(app), 'lessons').toEqual([]);
  });
}

test('Tab alone reaches every control a lesson needs', async ({ app }) => {
  const wb = new WorkbenchPage(app);
  await liveExchange(wb);
  const wanted = ['client-target', 'client-input', 'client-halfclose', 'client-close', 'journal-view-events', 'journal-view-bytes', 'journal-view-diagram'];
  const reached = new Set<string>();
  // From the top of the page: the first Tab lands on the first control.
  await app.locator('h1').first().click();
  // Each Tab moves focus one control on; a page of this size has far fewer than 400 stops.
  for (let i = 0; i < 400 && wanted.some((id) => !reached.has(id)); i++) {
    // The response editor keeps Tab for a TAB byte; Escape first lets the next Tab leave it, as
    // CodeMirror documents (and the editor's keyboard help says).
    // (It lives in a shadow root, so the document sees only its host as focused.)
    if (await app.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.closest('.cm-editor') != null)) {
      await app.keyboard.press('Escape');
    }
    await app.keyboard.press('Tab');
    const id = await app.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? '');
    if (id) reached.add(id);
  }
  expect(wanted.filter((id) => !reached.has(id))).toEqual([]);
});
