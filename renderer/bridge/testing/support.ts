// What the tests of the bridge and of what rides on it (ingest, settings sync) share: the text of
// a frame as `ws` hands it over, a wait for a condition, and undo steps run after each test.
// Test-only: imported by *.test.ts files, never by the app.
import { afterEach } from 'vitest';

/** A text frame as `ws` hands it over (a Buffer, which is a Uint8Array). */
export const textOf = (data: unknown): string => new TextDecoder().decode(data as Uint8Array);

/** Resolves once `check` holds, polling; fails after timeoutMs. */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A list to push clean-ups on (servers to close, bridges to stop), run last-first after each test. */
export function cleanupsAfterEach(): (() => unknown)[] {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });
  return cleanups;
}
