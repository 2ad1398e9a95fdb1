// Where the desktop app finds the sample site that static mode serves when given no folder.
// Packaged, electron-builder copies app/docroot into the resources folder as `docroot`
// (electron-builder.yml, extraResources); run from a checkout, the built main
// (out/main/electron-main.js) sits two folders below the package root that holds app/docroot.
// The node-only hosts (CLI, web) have their own rule in main/cli/cli-context.ts.
import { join } from 'node:path';

export interface SampleRootSource {
  /** Electron's app.isPackaged. */
  isPackaged: boolean;
  /** Electron's process.resourcesPath. */
  resourcesPath: string;
  /** The folder of the built main (import.meta.dirname of out/main/electron-main.js). */
  mainDir: string;
}

export function sampleDocRootFor(source: SampleRootSource): string {
  return source.isPackaged ? join(source.resourcesPath, 'docroot') : join(source.mainDir, '..', '..', 'app', 'docroot');
}
