// A session saved and opened again as a recording, as a learner does it: Save session, Open…, the
// replay bar's controls, and what the panels show while a recording is up (their live controls
// disabled, with a note saying why).
import type { TestInfo } from '@playwright/test';
import { expect, type Locator, type Page } from '@playwright/test';

/** The panels' controls that act on the network: disabled over a recording, usable live. */
export const LIVE_CONTROLS = {
  server: ['server-row-restart', 'server-row-stop'],
  serverForm: ['server-port', 'server-start', 'server-stop'],
  client: ['client-target', 'client-timeout', 'client-connect', 'client-halfclose', 'client-close', 'client-reset', 'client-input', 'client-tab-new'],
} as const;

export class RecordingPage {
  constructor(readonly page: Page) {}

  byId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /**
   * Save session: the live journal's file, saved in the test's output under `label` (two saves in
   * the same second get the same suggested name); its path and name.
   */
  async save(testInfo: TestInfo, label = 'session'): Promise<{ path: string; name: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.byId('session-save').click()]);
    const path = testInfo.outputPath(label, download.suggestedFilename());
    await download.saveAs(path);
    return { path, name: download.suggestedFilename() };
  }

  /** Open…: the file as a recording (opened at its end). */
  async open(file: { path: string; name: string }): Promise<void> {
    await this.byId('session-open-file').setInputFiles(file.path);
    await expect(this.byId('recording-bar')).toContainText(`Recording: ${file.name} (read-only)`);
  }

  /** "N of M events · T ms": the numbers. */
  async position(): Promise<{ shown: number; total: number }> {
    const text = (await this.byId('recording-position').textContent()) ?? '';
    const [shown = -1, total = -1] = (text.match(/\d+/g) ?? []).map(Number);
    return { shown, total };
  }

  /** Replay from the start, paused at once (a few events may have played meanwhile). */
  async restartPaused(): Promise<void> {
    await this.byId('recording-restart').click();
    await this.byId('recording-pause').click();
    await expect(this.byId('recording-play')).toBeVisible();
    // The views draw the restart at the store's next flush (a recording's whole journal going
    // away at once): two frames and they show the replay's first steps, not the end.
    await this.drawn();
  }

  /** Next event, once the bar counts it and the views have drawn it. */
  async step(): Promise<void> {
    const { shown } = await this.position();
    await this.byId('recording-step').click();
    await expect.poll(async () => (await this.position()).shown).toBe(shown + 1);
    await this.drawn();
  }

  /**
   * The bar counts at once; the views draw a step at the store's next flush, one frame on
   * (renderer/bridge/ingest.ts): two frames and it is on screen.
   */
  private async drawn(): Promise<void> {
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }

  /** Plays at this speed (0.25, 1, 4, 16) from now on. */
  async speed(speed: number): Promise<void> {
    await this.byId('recording-speed').selectOption(String(speed));
  }

  async atEnd(): Promise<boolean> {
    const { shown, total } = await this.position();
    return shown === total;
  }

  async toEnd(): Promise<void> {
    await this.byId('recording-end').click();
    await expect.poll(() => this.atEnd()).toBe(true);
  }

  async backToLive(): Promise<void> {
    await this.byId('recording-close').click();
    await expect(this.byId('recording-bar')).toHaveCount(0);
  }

  /** Every one of these controls disabled (those on screen: a row's buttons need a row). */
  async expectDisabled(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const all = this.byId(id);
      await expect(all.first(), id).toBeVisible();
      for (const el of await all.all()) await expect(el, id).toBeDisabled();
    }
  }
}
