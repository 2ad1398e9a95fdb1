// The workbench in a language (issue 18), as measured in Chromium: the header's language menu, the
// catalog's sentence for a key (so a test never types a translation in), the text that does not
// fit its box, and the platform fonts Chromium drew a node's text with (CDP), to tell real glyphs
// from the empty boxes of a missing font.
import { expect, type Page } from '@playwright/test';
import { CATALOGS, type CatalogTree } from '../../shared/i18n/catalog';
import type { Language, LanguageChoice } from '../../shared/i18n/languages';

/** The catalog's sentence for a dotted key (`ui.layout.side.lessons`) in one language. */
export function sentence(language: Language, key: string): string {
  let node: string | CatalogTree | undefined = CATALOGS[language];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no sentence ${key} in ${language}`);
  return node;
}

export interface PlatformFont {
  familyName: string;
  glyphCount: number;
}

/**
 * The places a translation must fit: the header, the side column (server card and lessons), the
 * client console's rows of controls, and the panels' headers with their buttons.
 */
export const FIT_SCOPES = [
  'header.app-header',
  '.side-column',
  '.client-console .console-controls',
  '.client-console .composer',
  'main .panel-header',
] as const;

export class LanguagePage {
  constructor(readonly page: Page) {}

  menu() {
    return this.page.getByTestId('language-menu');
  }

  /**
   * Resizes the window and waits for the panes to settle (they follow the window a frame or more
   * later), so what is measured next is the layout a person sees, not one in passing.
   */
  async resize(size: { width: number; height: number }): Promise<void> {
    await this.page.setViewportSize(size);
    const panes = (): Promise<string> =>
      this.page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return [...document.querySelectorAll('[data-panel]')].map((p) => JSON.stringify(p.getBoundingClientRect())).join();
      });
    let before = '';
    await expect
      .poll(async () => {
        const now = await panes();
        const settled = now === before;
        before = now;
        return settled;
      })
      .toBe(true);
  }

  /** Picks a language in the header's menu and waits until the page speaks it. */
  async choose(choice: LanguageChoice, expected: Language): Promise<void> {
    await this.menu().selectOption(choice);
    await this.expectSpeaks(expected);
  }

  /** The page is in `language`: <html lang>, and words from the catalog on its tabs and header. */
  async expectSpeaks(language: Language): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('lang', language);
    await expect(this.page.getByTestId('side-tab-lessons')).toHaveText(sentence(language, 'ui.layout.side.lessons'));
    await expect(this.page.getByTestId('side-tab-server')).toHaveText(sentence(language, 'ui.layout.side.server'));
    await expect(this.page.locator('header.app-header h1')).toHaveText(sentence(language, 'ui.app.title'));
    await expect(this.page).toHaveTitle(sentence(language, 'ui.app.title'));
  }

  /**
   * Buttons, tabs, labels, selects and the short texts beside them, drawn inside `scopes`, whose
   * text does not fit: wider inside than their box (cut, or spilling over a neighbour), or
   * sticking out of a box that clips them. A select's text is measured in its own font against
   * the room its padding and arrow leave. Described for the failure message.
   */
  async unfitText(scopes: readonly string[] = FIT_SCOPES): Promise<string[]> {
    return this.page.evaluate((selectors) => {
      const found: string[] = [];
      const describe = (el: HTMLElement, why: string): string =>
        `${el.tagName.toLowerCase()}[${el.dataset.testid ?? el.className}] "${(el.innerText || (el as HTMLSelectElement).value || '').slice(0, 40)}" ${why}`;
      const drawn = (el: HTMLElement): boolean => el.getClientRects().length > 0 && !el.closest('.visually-hidden, [hidden]');
      // The text a select shows, in its own font: a hidden span of the same font is that wide.
      const selectFits = (el: HTMLSelectElement): string | null => {
        const style = getComputedStyle(el);
        const probe = document.createElement('span');
        probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${style.font};letter-spacing:${style.letterSpacing}`;
        probe.textContent = el.selectedOptions[0]?.textContent ?? '';
        document.body.appendChild(probe);
        const text = probe.getBoundingClientRect().width;
        probe.remove();
        // Chromium's drop-down arrow takes about 16px beside the padding.
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
        return text > room + 1 ? `text ${Math.ceil(text)} > room ${Math.floor(room)}` : null;
      };
      const candidates = selectors.flatMap((s) =>
        [...document.querySelectorAll<HTMLElement>(`${s} button, ${s} [role="tab"], ${s} label, ${s} select, ${s} dt, ${s} dd, ${s} h1, ${s} h2, ${s} h3, ${s} .tagline`)],
      );
      for (const el of new Set(candidates)) {
        if (!drawn(el)) continue;
        if (el instanceof HTMLSelectElement) {
          const why = selectFits(el);
          if (why) found.push(describe(el, why));
        } else if (el.scrollWidth > el.clientWidth + 1) {
          found.push(describe(el, `scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`));
          continue;
        }
        // Inside every box that clips (overflow other than visible), up to the window.
        const box = el.getBoundingClientRect();
        for (let up = el.parentElement; up; up = up.parentElement) {
          const overflowX = getComputedStyle(up).overflowX;
          if (overflowX === 'visible') continue;
          const clip = up.getBoundingClientRect();
          if (box.right > clip.right + 1 || box.left < clip.left - 1) {
            found.push(describe(el, `outside ${up.tagName.toLowerCase()}.${up.className} (${Math.round(box.left)}–${Math.round(box.right)} vs ${Math.round(clip.left)}–${Math.round(clip.right)})`));
            break;
          }
        }
        // Inside its card's border too (a card does not clip: a long word would run over it).
        const card = el.parentElement?.closest<HTMLElement>('.server-card');
        if (card) {
          const frame = card.getBoundingClientRect();
          if (box.right > frame.right + 1) found.push(describe(el, `over the card's edge (${Math.round(box.right)} > ${Math.round(frame.right)})`));
        }
        if (box.right > window.innerWidth + 1) found.push(describe(el, `past the window's right edge (${Math.round(box.right)})`));
      }
      return found;
    }, scopes);
  }

  /** The platform fonts Chromium drew the text of the first node matching `selector` with. */
  async platformFonts(selector: string): Promise<PlatformFont[]> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      if (!nodeId) throw new Error(`no node ${selector}`);
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount }));
    } finally {
      await cdp.detach();
    }
  }
}
