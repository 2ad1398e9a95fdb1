// Main's door admits a command only from our own window's top frame showing our own renderer. Any
// other frame (an iframe, a page the window was somehow navigated to) gets nothing, even though the
// preload would refuse it too: main does not trust what runs in a renderer process.
export interface SenderInfo {
  /** webContents id of the sender. */
  webContentsId: number;
  /** URL of the frame that sent the message; undefined if the frame is gone. */
  frameUrl: string | undefined;
  /** Whether that frame is the top frame of its page. */
  isMainFrame: boolean;
}

export interface TrustedRenderer {
  webContentsId: number;
  /** The URL our window loads: app://wirebench/index.html, or the dev server's URL. */
  rendererUrl: string;
}

export function isTrustedSender(sender: SenderInfo, trusted: TrustedRenderer | null): boolean {
  if (!trusted || sender.webContentsId !== trusted.webContentsId) return false;
  if (!sender.isMainFrame || !sender.frameUrl) return false;
  return isOurRenderer(sender.frameUrl, trusted.rendererUrl);
}

/** Same document as our renderer: the same file (file:), or the same origin (the dev server). */
export function isOurRenderer(url: string, rendererUrl: string): boolean {
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(url);
    expected = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (actual.protocol !== expected.protocol) return false;
  // app: (the built renderer's own scheme, app-protocol.ts) is not a special scheme to WHATWG URL,
  // so it has no origin to compare: its host and path are what name our document.
  if (expected.protocol === 'file:' || expected.protocol === 'app:') return actual.host === expected.host && actual.pathname === expected.pathname;
  if (expected.protocol === 'http:' || expected.protocol === 'https:') return actual.origin === expected.origin;
  return false;
}
