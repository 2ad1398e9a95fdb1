// One build tool for the three outputs: main (the Electron host and the node-only hosts: web and
// CLI), the preload, and the renderer.
import { readFileSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          'electron-main': resolve(import.meta.dirname, 'main/electron/electron-main.ts'),
          wirebench: resolve(import.meta.dirname, 'main/cli/wirebench.ts'),
        },
        output: {
          // Code both entries share (the engine, the contract): one chunk, named for what it is.
          chunkFileNames: 'chunks/shared-[hash].js',
          // package.json's "bin" points at out/main/wirebench.js itself, so that file carries the
          // shebang (and the executable bit, below) that `npx wirebench` needs; the other chunks don't.
          banner: (chunk) => (chunk.isEntry && chunk.name === 'wirebench' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
    plugins: [
      {
        name: 'wirebench:bin-executable',
        apply: 'build',
        async writeBundle(options, bundle) {
          const bin = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'wirebench');
          if (bin && options.dir) await chmod(resolve(options.dir, bin.fileName), 0o755);
        },
      },
    ],
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module and cannot require npm packages: one CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(import.meta.dirname, 'main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    // The version a failed panel's "Copy details" reports (renderer/ui/error-details.ts).
    define: { __WIREBENCH_VERSION__: JSON.stringify(packageVersion()) },
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
