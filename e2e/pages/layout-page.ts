// The workbench's layout as measured in the browser: how many transcript lines a learner sees, the
// boxes of the panes, what lies outside the window, and which scrolling areas overflow sideways.
import type { Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class LayoutPage {
  constructor(readonly page: Page) {}

  /** Lines of the transcript visible at once: its inner height over its rendered line height. */
  async transcriptLines(): Promise<{ lines: number; lineHeight: number; height: number }> {
    return this.page.getByTestId('client-output').evaluate((el) => {
      const style = getComputedStyle(el);
      // A probe line, drawn in the transcript's own font, is the rendered line height.
      const probe = document.createElement('div');
      probe.textContent = 'GET / HTTP/1.1';
      probe.style.visibility = 'hidden';
      el.appendChild(probe);
      const lineHeight = probe.getBoundingClientRect().height;
      probe.remove();
      const height = el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      return { lines: Math.floor(height / lineHeight), lineHeight, height };
    });
  }

  async box(testId: string): Promise<Box> {
    const box = await this.page.getByTestId(testId).first().boundingBox();
    if (!box) throw new Error(`${testId} is not on screen`);
    return box;
  }

  /** Whether a box lies wholly inside the window. */
  async inViewport(testId: string): Promise<boolean> {
    const box = await this.box(testId);
    const size = this.page.viewportSize();
    if (!size) throw new Error('no viewport');
    return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
  }

  /**
   * The panes, panels and their scrolling areas that are wider inside than their box (something
   * cut off or to scroll to sideways), described for the failure message. The hex and text panes
   * of the byte view are virtual grids sized to their pane and are checked like the rest.
   */
  async horizontalOverflow(): Promise<string[]> {
    return this.page.evaluate(() => {
      const found: string[] = [];
      const boxes = document.querySelectorAll<HTMLElement>('main [data-panel], main .panel, main .panel *');
      for (const el of boxes) {
        if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue; // not drawn
        if (el.closest('.visually-hidden')) continue; // clipped on purpose: for screen readers only
        if (getComputedStyle(el).textOverflow === 'ellipsis' && el.title !== '') continue; // cut visibly, whole in its title
        const overflowX = getComputedStyle(el).overflowX;
        const clips = overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden' || el.matches('[data-panel], .panel');
        if (clips && el.scrollWidth > el.clientWidth + 1) {
          found.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')}[${el.dataset.testid ?? ''}] ${el.scrollWidth}>${el.clientWidth}`);
        }
      }
      return found;
    });
  }

  /** A pane's size along its group, in pixels. */
  async paneSize(id: string, axis: 'width' | 'height'): Promise<number> {
    const box = await this.page.locator(`[data-panel][id="pane-${id}"]`).boundingBox();
    if (!box) throw new Error(`pane ${id} is not on screen`);
    return box[axis];
  }
}
