// What a learner would see go wrong in the page itself: an uncaught exception (a view that blanks
// the page), an error written to the console, or a panel showing its failure instead of itself. Collected from the start of a test, asserted
// empty at its end.
import { expect, type Page } from '@playwright/test';

export class PageErrors {
  readonly seen: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (e) => this.seen.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') this.seen.push(`console.error: ${m.text()}`);
    });
  }

  /** No page error and no console error so far, and the page still shows the workbench. */
  async expectNone(): Promise<void> {
    expect(this.seen).toEqual([]);
    // A panel that failed and shows its fallback instead (renderer/ui/panel-fallback.tsx).
    await expect(this.page.getByTestId('panel-failed')).toHaveCount(0);
    await expect(this.page.getByTestId('conn-list')).toBeVisible();
  }
}
