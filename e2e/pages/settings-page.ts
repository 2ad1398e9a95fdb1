// The kept settings as a person meets them: the banner that tells what happened to the file, and
// the settings file itself, read from disk to know when a change has been written.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export class SettingsPage {
  constructor(
    readonly page: Page,
    readonly dir: string,
  ) {}

  get file(): string {
    return join(this.dir, 'settings.json');
  }

  banner(): Locator {
    return this.page.getByTestId('settings-banner');
  }

  notice(code: string): Locator {
    return this.page.locator(`[data-testid="settings-notice"][data-code="${code}"]`);
  }

  async dismiss(): Promise<void> {
    await this.page.getByTestId('settings-dismiss').click();
    await expect(this.banner()).toBeHidden();
  }

  /** The sections as written on disk ({} before the first save, or when it is not the settings file). */
  async stored(): Promise<Record<string, unknown>> {
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as { sections?: Record<string, unknown> };
      return data.sections ?? {};
    } catch {
      return {};
    }
  }

  /** Waits until the file holds `expected` (a partial match) for the sections named in it. */
  async expectStored(expected: Record<string, unknown>): Promise<void> {
    await expect.poll(() => this.stored(), { timeout: 10_000 }).toMatchObject(expected);
  }
}
