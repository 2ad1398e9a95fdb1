// The canned-response editor as a learner uses it: load a preset, type, see the checks, fix, compare
// versions. The editor is CodeMirror in a shadow root; Playwright's locators reach into it.
import { expect, type Locator, type Page } from '@playwright/test';
import { openServerSettings } from './workbench-page';

export class ResponseEditorPage {
  constructor(readonly page: Page) {}

  byId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** The editor lives in the server card's settings: unfolds them (a no-op when open). */
  async open(): Promise<void> {
    await openServerSettings(this.page);
  }

  get content(): Locator {
    return this.byId('editor-content');
  }

  async loadPreset(name: string): Promise<void> {
    await this.open();
    await this.byId('editor-preset').selectOption(`builtin:${name}`);
  }

  /** The number of bytes the server will send, as the status bar says. */
  async byteCount(): Promise<number> {
    return Number(await this.byId('editor-bytes').getAttribute('data-count'));
  }

  async expectBytes(count: number): Promise<void> {
    await expect(this.byId('editor-bytes')).toHaveAttribute('data-count', String(count));
  }

  async expectEndings(kind: 'crlf' | 'lf' | 'mixed' | 'none'): Promise<void> {
    await expect(this.byId('editor-endings')).toHaveAttribute('data-endings', kind);
  }

  /** Puts the caret at the very end of the document. */
  async caretToEnd(): Promise<void> {
    await this.content.click();
    await this.content.press('ControlOrMeta+End');
  }

  checks(): Locator {
    return this.byId('editor-check');
  }
}
