// The journal panel's Bytes view as a learner uses it: open it, pick text, hex or both, select
// bytes with the mouse or the keyboard, read what each view shows, follow the structure tree and
// the problems, copy. Cells carry their stream offset (data-o) and rows their direction (data-dir).
import { expect, type Locator, type Page } from '@playwright/test';

export type Dir = 'in' | 'out';
export type Pane = 'hex' | 'text';

export class ByteViewPage {
  constructor(readonly page: Page) {}

  byId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Switches the journal panel of the selected connection to its Bytes view. */
  async open(): Promise<void> {
    await this.byId('journal-view-bytes').click();
    await expect(this.byId('byte-view')).toBeVisible();
  }

  /** Opens the Bytes view and returns the ms from the click to its first rows on screen. */
  async openTimed(): Promise<number> {
    const ms = await this.page.evaluate(
      () =>
        new Promise<number>((done) => {
          const start = performance.now();
          document.querySelector<HTMLElement>('[data-testid="journal-view-bytes"]')?.click();
          const look = (): void => {
            if (document.querySelector('[data-testid="bytes-hex"] [data-testid="byte-row"]')) done(performance.now() - start);
            else requestAnimationFrame(look);
          };
          look();
        }),
    );
    await expect(this.byId('byte-view')).toBeVisible();
    return ms;
  }

  async backToEvents(): Promise<void> {
    await this.byId('journal-view-events').click();
    await expect(this.byId('journal')).toBeVisible();
  }

  async mode(mode: 'text' | 'hex' | 'split'): Promise<void> {
    await this.byId(`bytes-mode-${mode}`).click();
  }

  pane(pane: Pane): Locator {
    return this.byId(`bytes-${pane}`);
  }

  /** The cell of byte `offset` of direction `dir` in a pane (in hex: the hex digits, not the ASCII). */
  cell(pane: Pane, dir: Dir, offset: number): Locator {
    const cell = pane === 'hex' ? `.hx[data-o="${offset}"]` : `.tc[data-o="${offset}"]`;
    return this.pane(pane).locator(`[data-dir="${dir}"] ${cell}`);
  }

  /** The hex digits a pane shows for `count` bytes from `offset`, as `47 45 54`. */
  async hexOf(dir: Dir, offset: number, count: number): Promise<string> {
    const pairs: string[] = [];
    for (let o = offset; o < offset + count; o++) pairs.push((await this.cell('hex', dir, o).textContent()) ?? '');
    return pairs.join(' ');
  }

  /** The same as hexOf, read in one go (for checks on many connections). */
  async hexRun(dir: Dir, offset: number, count: number): Promise<string> {
    const cells = await this.pane('hex')
      .locator(`[data-dir="${dir}"] .hx[data-o]`)
      .evaluateAll((nodes) => nodes.map((n) => [Number((n as HTMLElement).dataset.o), n.textContent ?? ''] as const));
    const at = new Map(cells);
    return Array.from({ length: count }, (_, i) => at.get(offset + i) ?? '').join(' ');
  }

  /** Drags over bytes `from` to `to` (both included) of a direction in a pane. */
  async drag(pane: Pane, dir: Dir, from: number, to: number): Promise<void> {
    await this.cell(pane, dir, to).scrollIntoViewIfNeeded();
    await this.cell(pane, dir, from).scrollIntoViewIfNeeded();
    const start = await this.cell(pane, dir, from).boundingBox();
    const end = await this.cell(pane, dir, to).boundingBox();
    if (!start || !end) throw new Error(`bytes ${from}..${to} are not on screen in the ${pane} view`);
    const mouse = this.page.mouse;
    await mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await mouse.down();
    await mouse.move((start.x + end.x) / 2 + end.width / 2, end.y + end.height / 2, { steps: 4 });
    await mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 2 });
    await mouse.up();
  }

  /** The offsets a pane shows selected, in one direction, in order. */
  async selectedIn(pane: Pane, dir: Dir): Promise<number[]> {
    const selector = pane === 'hex' ? '.hx.sel' : '.tc.sel';
    const offsets = await this.pane(pane)
      .locator(`[data-dir="${dir}"] ${selector}`)
      .evaluateAll((cells) => cells.flatMap((c) => {
        const o = Number((c as HTMLElement).dataset.o);
        const n = Number((c as HTMLElement).dataset.n ?? 1);
        return Array.from({ length: n }, (_, i) => o + i);
      }));
    return [...new Set(offsets)].sort((a, b) => a - b);
  }

  /** The text a pane shows selected (text view: characters, with control badges' pictures). */
  async selectedText(dir: Dir): Promise<string> {
    return this.pane('text')
      .locator(`[data-dir="${dir}"] .tc.sel`)
      .evaluateAll((cells) => cells.map((c) => c.textContent ?? '').join(''));
  }

  /** Control bytes drawn as badges in the text view (CR, LF, ...), in order. */
  async badges(dir: Dir): Promise<string[]> {
    return this.pane('text')
      .locator(`[data-dir="${dir}"] .glyph[data-name]`)
      .evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.name ?? ''));
  }

  /** Drags a pane's scrollbar to the bottom. */
  async scrollToEnd(pane: Pane): Promise<void> {
    await this.pane(pane).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  }

  chunkMarks(pane: Pane): Locator {
    return this.pane(pane).getByTestId('chunk-mark');
  }

  structureItem(text: string | RegExp): Locator {
    return this.byId('structure').getByTestId('structure-item').filter({ hasText: text });
  }

  problems(): Locator {
    return this.byId('structure').getByTestId('problem-item');
  }

  status(): Locator {
    return this.byId('bytes-status');
  }

  /** The characters a direction's rendered rows show in the text view, in order (controls as ␍ ␊ ...). */
  async textOf(dir: Dir): Promise<string> {
    return this.pane('text')
      .locator(`[data-dir="${dir}"] .tc`)
      .evaluateAll((cells) => cells.map((c) => c.textContent ?? '').join(''));
  }

  /** The heading of each turn of the conversation in a direction ("→ to the client · 100 bytes in 1 chunk · …"). */
  turnHeads(pane: Pane, dir: Dir): Locator {
    return this.pane(pane).locator(`[data-testid="byte-row-head"][data-dir="${dir}"]`);
  }

  /** The bytes a direction's turns add up to, as their headings say (the turns drawn so far). */
  async turnBytes(pane: Pane, dir: Dir): Promise<number> {
    const heads = await this.turnHeads(pane, dir).allTextContents();
    // Amounts are grouped as English writes them (4,158 bytes).
    return heads.reduce((sum, head) => sum + Number(/ ([\d,]+) bytes? in /.exec(head)?.[1]?.replaceAll(',', '') ?? NaN), 0);
  }

  /** Shows the structure tree and problems beside the bytes (a toggle; left on if it already is). */
  async showStructure(): Promise<void> {
    const toggle = this.byId('bytes-structure');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(this.byId('structure')).toBeVisible();
  }
}
