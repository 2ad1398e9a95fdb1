// The same specs run twice: once through the web host in Debian's Chromium, once in the Electron
// app where an Electron binary exists (skipped, with the reason, where it does not).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  // The browser's language is pinned: the app starts in the system's language, and the English
  // specs must not depend on the LANG of the machine they run on.
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure', locale: 'en-US' },
  projects: [
    // Browsers are launched by e2e/fixtures.ts, which knows where Debian's Chromium lives.
    { name: 'web' },
    { name: 'electron' },
  ],
});
