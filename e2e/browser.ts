// Where the browser comes from: Debian's Chromium, because Playwright's own browser download is not
// reachable from our machines. The flags keep Chromium from phoning home (refused here, and noisy).
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function chromiumPath(): string | undefined {
  const fromEnv = process.env.WIREBENCH_CHROMIUM;
  if (fromEnv) return fromEnv;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
}
