// The Engine as the app ships it, for the benchmark's Engine row. The app runs main/ bundled
// (electron-vite, esbuild underneath); run through tsx instead, every function made per connection
// is wrapped in a naming call (tsx turns on esbuild's keepNames), which was 5% of the engine's time
// per connection in a CPU profile of close-per-request and is no part of the product. So the row
// runs bench/engine-server.ts bundled by esbuild the way the build bundles it: packages stay
// imports from node_modules, only our own code is bundled.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { startEngineServer } from './engine-server';

const OUT_DIR = join(import.meta.dirname, '..', 'node_modules', '.cache', 'wirebench-bench');

let loading: Promise<typeof startEngineServer> | null = null;

/** startEngineServer from a fresh bundle of bench/engine-server.ts (built once per run). */
export function builtStartEngineServer(): Promise<typeof startEngineServer> {
  loading ??= (async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    const outfile = join(OUT_DIR, `engine-server-${process.pid}.mjs`);
    await build({
      entryPoints: [join(import.meta.dirname, 'engine-server.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile,
      logLevel: 'warning',
    });
    try {
      const built = (await import(pathToFileURL(outfile).href)) as { startEngineServer: typeof startEngineServer };
      return built.startEngineServer;
    } finally {
      rmSync(outfile, { force: true }); // loaded: its imports were resolved when it was linked
    }
  })();
  return loading;
}
