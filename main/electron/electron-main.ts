// The Electron host: app lifecycle, one window, the IPC door. Deliberately thin: the engine is
// plain Node, the security rules live in small pure modules beside this one (window-options,
// sender-check, navigation-policy), and everything else is the renderer's.
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell, type WebContents } from 'electron';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { createI18n } from '../../shared/i18n/catalog';
import { matchLanguage, resolveChoice, type Language } from '../../shared/i18n/languages';
import { Engine } from '../engine/engine';
import { CONTENT_SECURITY_POLICY } from '../web/security-headers';
import { answerAppRequest, APP_RENDERER_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-protocol';
import { attachIpcDoor } from './ipc-door';
import { externalLinkTarget, isSameDocument } from './navigation-policy';
import { sampleDocRootFor } from './sample-doc-root';
import { parseWindowBounds, placeWindow } from './window-bounds';
import { createWindowOptions, preloadPathFrom, rendererIndexFrom } from './window-options';
import { FileGrants } from '../host/file-grants';
import { readGrantedPaths, writeGrantedPaths } from '../host/granted-paths-file';
import { hostSessions } from '../host/host-session';
import { FileSettingsStore, MAX_SETTINGS_FILE_BYTES } from '../settings/file-settings-store';
import { readCapped } from '../settings/read-capped';
import { parseSettingsFile } from '../settings/settings-file';

// electron-vite sets this in `dev` only. A packaged app never reads it: whoever can set a user's
// environment must not be able to point the window, and its preload, at a page of their own.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererUrl = devServerUrl ?? APP_RENDERER_URL;
// In dev, Vite's React refresh preamble is an inline script and HMR talks over a WebSocket to the
// dev server; the built app gets the strict policy.
const csp = devServerUrl
  ? CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws:")
  : CONTENT_SECURITY_POLICY;

// Every renderer sandboxed, whatever a future window's options say.
app.enableSandbox();
// Before 'ready', as Electron requires: the scheme the built renderer is served from (app-protocol.ts).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

// Tests (and people who want a throwaway profile) point userData somewhere else; this must happen
// before 'ready', and before the single-instance lock, which lives in userData.
if (process.env.WIREBENCH_USER_DATA) app.setPath('userData', process.env.WIREBENCH_USER_DATA);

if (!app.requestSingleInstanceLock()) {
  app.quit(); // the first instance gets 'second-instance' and shows its window
} else {
  runApp();
}

function runApp(): void {
  const sampleDocRoot = sampleDocRootFor({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    mainDir: import.meta.dirname,
  });
  const engine = new Engine({ host: 'electron', version: app.getVersion(), sampleDocRoot });
  // userData already follows WIREBENCH_USER_DATA (above), so tests get a settings file of their own.
  const settings = new FileSettingsStore({ dir: app.getPath('userData') });
  // What the person chose in a file dialog, kept beside the settings but out of the page's reach.
  const grantsFile = join(app.getPath('userData'), 'granted-paths.json');
  const files = new FileGrants({
    sampleRoot: sampleDocRoot,
    granted: readGrantedPaths(grantsFile),
    onGrant: (paths) => void writeGrantedPaths(grantsFile, paths).catch((err: unknown) => console.error(err)),
  });
  const choosePath = async (what: 'folder' | 'file'): Promise<string | null> => {
    const options = { properties: [what === 'folder' ? ('openDirectory' as const) : ('openFile' as const)] };
    const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  };
  const pageSession = hostSessions(engine, { settings, files, choosePath }, (err) => console.error(err))();
  // Made again once the app is ready and the person's language is known (windowLanguage).
  let t = createI18n().t;
  let win: BrowserWindow | null = null;
  let detachDoor: () => void = () => {};

  const boundsFile = join(app.getPath('userData'), 'window.json');
  const createWindow = (): void => {
    const place = placeWindow(readBounds(boundsFile), screen.getAllDisplays().map((d) => d.workArea));
    const options = createWindowOptions({ preloadPath: preloadPathFrom(import.meta.dirname), title: t('ui.app.title') });
    const shown = new BrowserWindow(place ? { ...options, x: place.x, y: place.y, width: place.width, height: place.height } : options);
    win = shown;
    if (place?.maximized) shown.maximize();
    // Kept on close, the normal (unmaximized) bounds with the maximized flag, as desktop apps do.
    shown.on('close', () => saveBounds(boundsFile, { ...shown.getNormalBounds(), maximized: shown.isMaximized() }));
    win.once('ready-to-show', () => win?.show());
    win.on('closed', () => {
      win = null;
    });
    void win.loadURL(rendererUrl);
  };

  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // macOS apps stay alive without windows until Cmd+Q; elsewhere closing the window quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  // Stop servers and destroy sockets before the process goes: a port left listening by a dying
  // app would make the next start fail with EADDRINUSE.
  let engineClosed = false;
  app.on('will-quit', (event) => {
    if (engineClosed) return;
    event.preventDefault();
    detachDoor();
    void engine.close().finally(() => {
      engineClosed = true;
      app.quit();
    });
  });

  void app.whenReady().then(async () => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    // The built renderer's responses carry the headers already (app-protocol.ts); the dev
    // server's get the relaxed policy here.
    const rendererDir = dirname(rendererIndexFrom(import.meta.dirname));
    protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, rendererDir));
    if (devServerUrl) {
      ses.webRequest.onHeadersReceived((details, callback) => {
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
      });
    }
    detachDoor = attachIpcDoor({
      ipcMain,
      session: pageSession,
      target: () => (win && !win.isDestroyed() ? { webContents: win.webContents, rendererUrl } : null),
    });
    t = createI18n(await windowLanguage(settings.file)).t;
    createWindow();
  });
}

/**
 * The window title's language: the one the person chose in the header's menu (the settings file's
 * `language` section), else the system's. The file is only read here, not loaded through the
 * store: a load sets a damaged file aside and hands its notices to whoever asked, and those must
 * reach the renderer's own load.
 */
async function windowLanguage(settingsFile: string): Promise<Language> {
  const system = matchLanguage(app.getPreferredSystemLanguages());
  const read = await readCapped(settingsFile, MAX_SETTINGS_FILE_BYTES);
  const parsed = read.kind === 'text' ? parseSettingsFile(read.text) : undefined;
  const choice = parsed?.kind === 'ok' ? parsed.contents.sections.language?.choice : undefined;
  return resolveChoice(choice ?? 'system', system);
}

function readBounds(file: string): ReturnType<typeof parseWindowBounds> {
  try {
    return parseWindowBounds(readFileSync(file, 'utf8'));
  } catch {
    return null; // none yet, or unreadable: the default place
  }
}

function saveBounds(file: string, bounds: { x: number; y: number; width: number; height: number; maximized: boolean }): void {
  try {
    writeFileAtomic.sync(file, JSON.stringify(bounds));
  } catch (err) {
    console.error(`wirebench: the window's place could not be saved to ${file}`, err);
  }
}

/** No navigation, no new windows, no webviews: the window only ever shows our renderer. */
function guardContents(contents: WebContents): void {
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isSameDocument(contents.getURL(), event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isSameDocument(contents.getURL(), event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
}
