// The window's construction options, as a pure function so a test can pin every security setting
// without an Electron binary (Electron's security checklist:
// https://www.electronjs.org/docs/latest/tutorial/security).
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (out/preload/preload.cjs). */
  preloadPath: string;
  title: string;
}

/** out/main/electron-main.js -> out/preload/preload.cjs */
export function preloadPathFrom(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'preload.cjs');
}

/** out/main/electron-main.js -> out/renderer/index.html */
export function rendererIndexFrom(mainDir: string): string {
  return join(mainDir, '..', 'renderer', 'index.html');
}

export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: input.title,
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false, // shown on ready-to-show, so the window never flashes empty
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: input.preloadPath,
      // The page runs with no Node, in its own JS world, in an OS sandbox: it reaches main only
      // through the preload's invoke/on, and main checks everything it receives.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false, // the text panes hold protocol bytes, not prose
    },
  };
}
