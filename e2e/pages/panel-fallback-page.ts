// A panel that failed to draw, as a person meets it (renderer/ui/panel-fallback.tsx): its box in
// the panel's place, its sentence, and its two buttons.
import type { Locator, Page } from '@playwright/test';

export class PanelFallbackPage {
  constructor(readonly page: Page) {}

  /** Every failed panel on screen, or the one of `panel` (its id: bytesText, journal, client…). */
  failed(panel?: string): Locator {
    return this.page.locator(panel ? `[data-testid="panel-failed"][data-panel="${panel}"]` : '[data-testid="panel-failed"]');
  }

  reload(panel: string): Promise<void> {
    return this.failed(panel).getByTestId('panel-reload').click();
  }
}

/**
 * Run in the page before the app (page.addInitScript): the browser refuses to watch the size of
 * anything inside the Bytes view, the way a missing or broken browser API would. The Bytes view's
 * panes observe their size as they mount (byte-pane.tsx, @tanstack/react-virtual), so they fail
 * to draw, for real, with no hook in the app's code; nothing else in the workbench is touched
 * (the response editor's own ResizeObserver watches elements outside the Bytes view).
 */
export function breakByteViewResizeObserver(): void {
  const Real = window.ResizeObserver;
  window.ResizeObserver = class extends Real {
    override observe(target: Element, options?: ResizeObserverOptions): void {
      if (target.closest('[data-testid="byte-view"]')) throw new TypeError('ResizeObserver cannot watch this element (made to fail by the e2e spec)');
      super.observe(target, options);
    }
  };
}
