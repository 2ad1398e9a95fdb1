// The workbench in each of its languages (issue 18), switched from the header's menu: the page
// speaks it (words taken from the catalogs, never typed in here), lesson L1 runs in it, nothing
// is cut off at 1280×800 and 1024×700, and Chinese and Russian are drawn with fonts that have
// their letters (asked of Chromium over CDP, so missing glyphs, the "tofu" boxes, fail the test).
// The choice is kept across a restart; "System" and a fresh start follow the browser's language.
// Screenshots go to test-results/languages/<lang>-*.png, to be looked at.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LanguagePage, sentence, type PlatformFont } from './pages/language-page';
import { SettingsPage } from './pages/settings-page';
import { WorkbenchPage } from './pages/workbench-page';
import { useRestartableHost } from './restartable-host';
import type { Language } from '../shared/i18n/languages';

const SHOTS = 'test-results/languages';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;
/** Faces with Chinese glyphs, on the desktops the theme's font stack names. */
const CJK_FACE = /CJK|WenQuanYi|PingFang|YaHei|Source Han|Hiragino/i;

/** Set up L1 on its port, or on the free one the panel offers should this machine's be taken. */
async function setUpLesson(page: Page): Promise<void> {
  await page.getByTestId('lesson-setup').click();
  const ready = page.getByTestId('lesson-ready');
  const problem = page.getByTestId('lesson-problem');
  await expect(ready.or(problem)).toBeVisible();
  if (await problem.isVisible()) {
    await page.getByTestId('lesson-use-port').click();
    await expect(ready).toBeVisible();
  }
}

const trace = (page: Page): Promise<string[]> =>
  page.getByTestId('lesson-trace-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-call') ?? ''));

/** At each size, what does not fit, with where it was seen. */
async function unfitAtEverySize(lang: LanguagePage, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const size of SIZES) {
    await lang.resize(size);
    for (const what of await lang.unfitText()) found.push(`${where} ${size.width}×${size.height}: ${what}`);
  }
  await lang.resize(SIZES[0]);
  return found;
}

/** The letters of a text a font must have drawn (spaces and punctuation are anybody's). */
const letters = (text: string, script: RegExp): number => [...text].filter((c) => script.test(c)).length;

/** Chinese text was drawn by a CJK face, one glyph per Han character at least. */
function expectChineseGlyphs(fonts: PlatformFont[], text: string): void {
  const han = letters(text, /\p{Script=Han}/u);
  expect(han, `Han characters in "${text}"`).toBeGreaterThan(0);
  const cjk = fonts.filter((f) => CJK_FACE.test(f.familyName));
  expect(cjk, `fonts ${JSON.stringify(fonts)}`).not.toEqual([]);
  expect(cjk.reduce((n, f) => n + f.glyphCount, 0), `fonts ${JSON.stringify(fonts)}`).toBeGreaterThanOrEqual(han);
}

/** Cyrillic text was drawn by named fonts, as many glyphs as letters at least. */
function expectCyrillicGlyphs(fonts: PlatformFont[], text: string): void {
  const cyrillic = letters(text, /\p{Script=Cyrillic}/u);
  expect(cyrillic, `Cyrillic letters in "${text}"`).toBeGreaterThan(0);
  expect(fonts.every((f) => f.familyName !== ''), `fonts ${JSON.stringify(fonts)}`).toBe(true);
  expect(fonts.reduce((n, f) => n + f.glyphCount, 0), `fonts ${JSON.stringify(fonts)}`).toBeGreaterThanOrEqual(cyrillic);
}

async function expectRealGlyphs(lang: LanguagePage, language: Language, selector: string): Promise<void> {
  const text = await lang.page.locator(selector).first().innerText();
  const fonts = await lang.platformFonts(selector);
  test.info().annotations.push({ type: `fonts of ${selector}`, description: `"${text}": ${JSON.stringify(fonts)}` });
  if (language === 'zh-CN') expectChineseGlyphs(fonts, text);
  if (language === 'ru') expectCyrillicGlyphs(fonts, text);
}

for (const language of ['en', 'zh-CN', 'ru'] as const) {
  test(`${language}: switched from the menu, the workbench and L1 speak it, drawn with real glyphs, nothing cut off`, async ({ app }) => {
    const lang = new LanguagePage(app);
    await lang.choose(language, language);

    // The first run's side column: the Lessons tab, its welcome and the list.
    await expect(app.getByTestId('lessons-welcome')).toBeVisible();
    await expect(app.locator('#lessons-heading')).toHaveText(sentence(language, 'ui.lessons.heading'));
    await expect(app.getByTestId('lessons-welcome-dismiss')).toHaveText(sentence(language, 'ui.lessons.welcome.dismiss'));
    const unfit = await unfitAtEverySize(lang, 'lessons list');
    await expectRealGlyphs(lang, language, '[data-testid="side-tab-lessons"]');

    // The server's side: the folded card, then the whole settings form.
    await app.getByTestId('side-tab-server').click();
    await expect(app.getByTestId('server-card-start')).toHaveText(sentence(language, 'ui.server.start'));
    await expect(app.getByTestId('client-connect')).toHaveText(sentence(language, 'ui.client.connect'));
    unfit.push(...(await unfitAtEverySize(lang, 'server card')));
    await app.screenshot({ path: `${SHOTS}/${language}-workbench.png` });
    await lang.resize(SIZES[1]);
    await app.screenshot({ path: `${SHOTS}/${language}-workbench-1024x700.png` });
    await lang.resize(SIZES[0]);
    await new WorkbenchPage(app).openServerSettings();
    unfit.push(...(await unfitAtEverySize(lang, 'server form')));
    await app.getByTestId('server-card-toggle').click();

    // Lesson L1 in this language: Set up, predict, Send; the reveal says so in the catalog's words.
    await app.getByTestId('side-tab-lessons').click();
    await app.locator('[data-testid="lesson-choose"][data-lesson="l1"]').click();
    await expect(app.locator('[data-testid="lesson"] h3')).toHaveText(sentence(language, 'ui.lessons.l1.title'));
    await expect(app.getByTestId('lesson-setup')).toHaveText(sentence(language, 'ui.lessons.setUp'));
    await setUpLesson(app);
    await expect.poll(() => trace(app)).toEqual(['accept']);
    await expect(app.locator('[data-testid="lesson-step"] h4')).toHaveText(sentence(language, 'ui.lessons.l1.steps.send.title'));
    await app.locator('[data-testid="lesson-choice"][data-choice="server"]').click();
    await expect(app.getByTestId('client-send')).toContainText(sentence(language, 'ui.client.send'));
    await app.getByTestId('client-send').click();
    await expect.poll(() => trace(app)).toEqual(['accept', 'recv', 'send', 'shutdown']);
    await expect(app.getByTestId('lesson-reveal')).toContainText(sentence(language, 'ui.lessons.steps.right'));
    unfit.push(...(await unfitAtEverySize(lang, 'lesson L1')));
    await expectRealGlyphs(lang, language, '[data-testid="lesson-step"] h4');
    await app.screenshot({ path: `${SHOTS}/${language}-lesson.png` });
    await lang.resize(SIZES[1]);
    await app.screenshot({ path: `${SHOTS}/${language}-lesson-1024x700.png` });

    expect(unfit).toEqual([]);
  });
}

test.describe('the choice is kept', () => {
  const host = useRestartableHost('wirebench-e2e-languages-');

  test('Russian chosen stays Russian after a restart; "System" then follows the browser (English here)', async ({ app }) => {
    const lang = new LanguagePage(app);
    const settings = new SettingsPage(app, host.dir);
    await app.goto(await host.restart());
    await lang.expectSpeaks('en');
    await lang.choose('ru', 'ru');
    await settings.expectStored({ language: { choice: 'ru' } });

    await app.goto(await host.restart());
    await lang.expectSpeaks('ru');
    await expect(lang.menu()).toHaveValue('ru');
    expect((await settings.stored()).language).toEqual({ choice: 'ru' });

    await lang.choose('system', 'en');
    await settings.expectStored({ language: { choice: 'system' } });
    await app.reload();
    await lang.expectSpeaks('en');
    await expect(lang.menu()).toHaveValue('system');
  });
});

test.describe('a browser in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('opens in Russian with nothing chosen; the menu says System is Russian', async ({ app }) => {
    const lang = new LanguagePage(app);
    await lang.expectSpeaks('ru');
    await expect(lang.menu()).toHaveValue('system');
    await lang.choose('en', 'en');
    await lang.choose('system', 'ru');
  });
});

test.describe('a browser in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('opens in Chinese with nothing chosen; another choice, then System, comes back to Chinese', async ({ app }) => {
    const lang = new LanguagePage(app);
    await lang.expectSpeaks('zh-CN');
    await expect(lang.menu()).toHaveValue('system');
    await lang.choose('ru', 'ru');
    await lang.choose('system', 'zh-CN');
  });
});
