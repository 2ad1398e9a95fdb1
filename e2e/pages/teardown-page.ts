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

  /** "side code" of every step, in order (the dots on the lanes). */
  async stepOrder(): Promise<string[]> {
    return this.svg()
      .getByTestId('ladder-step')
      .evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('data-side') ?? '?'} ${n.getAttribute('data-code') ?? '?'}`));
  }

  /** The state names drawn along one side's lane, top to bottom. */
  async laneStates(side: Side): Promise<string[]> {
    return this.svg()
      .locator(`[data-testid="ladder-state"][data-side="${side}"]`)
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state') ?? '?'));
  }

  /** Runs a scenario and waits until both ends have closed and the diagram has stopped growing. */
  async runToEnd(scenario: string): Promise<void> {
    // The diagram shown before (another scenario's): wait until this run's connection replaces it.
    const lane = this.svg().locator('[data-testid="ladder-lane"][data-side="client"]');
    const shown = (await this.svg().count()) > 0 ? await lane.textContent() : null;
    await this.runScenario(scenario);
    await expect.poll(async () => ((await this.svg().count()) > 0 ? await lane.textContent() : null), { timeout: 15_000 }).not.toBe(shown);
    await expect(this.svg().getByTestId('ladder-close')).toHaveCount(2, { timeout: 15_000 });
    // The kernel's last readings come a little after the closes: wait until no step is added for 1.5 s.
    let before = -1;
    await expect
      .poll(
        async () => {
          const now = await this.svg().getByTestId('ladder-step').count();
          const still = now === before;
          before = now;
          return still;
        },
        { intervals: [1500], timeout: 20_000 },
      )
      .toBe(true);
  }

  /** The ladder's steps (data-code: what the narration says of each; data-side: whose step). */
  steps(): Locator {
    return this.svg().getByTestId('ladder-step');
  }

  /** A state drawn on a side's lane, as the kernel reported it or as inferred from the journal. */
  stateMark(side: Side, state: string, source?: 'kernel' | 'inferred'): Locator {
    const from = source ? `[data-source="${source}"]` : '';
    return this.svg().locator(`[data-testid="ladder-state"][data-side="${side}"][data-state="${state}"]${from}`);
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
