// The L3 presets in Chromium, served by a real Wirebench server: the routes preset gives the page
// and then, on the browser's own second request, its image; the image preset alone (the lesson's
// own bytes: an empty line first, HTTP/1.x) opens as an image document all the same. Skipped,
// saying why, where no Chromium binary exists.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../../e2e/browser';
import { L3_IMAGE, L3_PAGE_AND_IMAGE, presetResponder } from '../../../shared/server/presets';
import { EngineProbe } from '../../host/testing/engine-probe';

const SAMPLE_ROOT = resolve(import.meta.dirname, '../../../app/docroot');
const JPEG = new Uint8Array(readFileSync(join(SAMPLE_ROOT, 'test.jpg')));
const browserPath = chromiumPath();

let probe: EngineProbe | undefined;
afterEach(async () => {
  await probe?.engine.close();
  probe = undefined;
});

describe.skipIf(browserPath === undefined)('the L3 presets in Chromium (skipped: no Chromium binary; set WIREBENCH_CHROMIUM)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS });
  }, 30_000);
  afterAll(() => browser?.close());

  it('page and image (routes): shows the page, and the image it refers to loads', { timeout: 40_000 }, async () => {
    probe = new EngineProbe({ sampleDocRoot: SAMPLE_ROOT });
    const responder = presetResponder(L3_PAGE_AND_IMAGE);
    const server = await probe.startServer({ ...(responder ? { responder } : {}), after: L3_PAGE_AND_IMAGE.after });
    const page = await browser.newPage();
    try {
      const image = page.waitForResponse((r) => r.url().endsWith('/test.jpg'));
      await page.goto(`http://127.0.0.1:${server.port}/`);
      expect(await page.locator('h1').textContent()).toBe('Lesson L3');
      // (Expressions as strings: the main layer compiles without DOM types.)
      await page.waitForFunction("(document.querySelector('img')?.naturalWidth ?? 0) > 0", undefined, { timeout: 15_000 });
      expect(await page.evaluate<number>("document.querySelector('img').naturalWidth")).toBe(320);
      const answer = await image;
      expect(answer.headers()['content-type']).toBe('image/jpg');
      expect(new Uint8Array(await answer.body())).toEqual(JPEG);
    } finally {
      await page.close();
    }
  });

  it('the image alone, the lesson’s own broken bytes: Chromium still opens it as an image document', { timeout: 40_000 }, async () => {
    probe = new EngineProbe();
    const responder = presetResponder(L3_IMAGE, JPEG);
    const server = await probe.startServer({ ...(responder ? { responder } : {}), after: L3_IMAGE.after });
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${server.port}/`);
      expect(await page.evaluate<string>('document.contentType')).toBe('image/jpg');
      // An image document is a page whose one element is the image, decoded.
      await page.waitForFunction("(document.querySelector('img')?.naturalWidth ?? 0) > 0", undefined, { timeout: 15_000 });
      expect(await page.evaluate<number>("document.images.length")).toBe(1);
      expect(await page.evaluate<number[]>("[document.images[0].naturalWidth, document.images[0].naturalHeight]")).toEqual([320, expect.any(Number)]);
    } finally {
      await page.close();
    }
  });
});
