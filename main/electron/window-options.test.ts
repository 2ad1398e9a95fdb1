import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWindowOptions, preloadPathFrom, rendererIndexFrom } from './window-options';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/out/preload/preload.cjs', title: 'Wirebench' });
  const prefs = options.webPreferences ?? {};

  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps the web security model on and the risky extras off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('loads the built CJS preload it was given, and shows the window only when ready', () => {
    expect(prefs.preload).toBe('/app/out/preload/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.title).toBe('Wirebench');
  });
});

describe('paths next to the built main', () => {
  it('finds the preload and the renderer from out/main', () => {
    const mainDir = join('/app', 'out', 'main');
    expect(preloadPathFrom(mainDir)).toBe(join('/app', 'out', 'preload', 'preload.cjs'));
    expect(rendererIndexFrom(mainDir)).toBe(join('/app', 'out', 'renderer', 'index.html'));
  });
});
