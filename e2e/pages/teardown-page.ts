// The journal panel's Diagram view as a learner uses it: run a scenario, read the ladder's arrows
// (data-kind, data-from, data-index on each), pick an arrow or a step, export the diagram.
import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type Side = 'client' | 'server';

export class TeardownPage {
  constructor(readonly page: Page) {}

  byId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Switches the journal panel to its Diagram view (scenarios work with no connection selected). */
  async open(): Promise<void> {
    await this.byId('journal-view-diagram').click();
    await expect(this.byId('teardown-view')).toBeVisible();
  }

  async runScenario(scenario: string): Promise<void> {
    await this.byId(`scenario-${scenario}`).click();
  }

  svg(): Locator {
    return this.byId('ladder-svg');
  }

  arrows(): Locator {
    return this.svg().getByTestId('ladder-arrow');
  }

  /** The `nth` arrow of a kind from a side, in the order they were sent. */
  arrow(kind: string, from: Side, nth = 0): Locator {
    return this.svg().locator(`[data-testid="ladder-arrow"][data-kind="${kind}"][data-from="${from}"]`).nth(nth);
  }

  /** "from kind" of every arrow, by data-index (the order they were sent). */
  async arrowOrder(): Promise<string[]> {
    const rows = await this.arrows().evaluateAll((nodes) =>
      nodes.map((n) => ({ i: Number(n.getAttribute('data-index')), what: `${n.getAttribute('data-from') ?? '?'} ${n.getAttribute('data-kind') ?? '?'}` })),
    );
    return rows.sort((a, b) => a.i - b.i).map((r) => r.what);
  }

  narration(): Locator {
    return this.byId('narration-text');
  }

  sideCard(side: Side): Locator {
    return this.page.locator(`[data-testid="side-card"][data-side="${side}"]`);
  }

  /** Clicks an export button and returns the file it downloads. */
  async exportFile(kind: 'svg' | 'png'): Promise<{ download: Download; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.byId(`ladder-export-${kind}`).click()]);
    const path = await download.path();
    return { download, bytes: await readFile(path) };
  }
}
