// Where our window may go: nowhere. The renderer is one document; following a link or a dropped
// URL would put foreign content in a window whose preload can reach the engine. Links to http(s)
// pages (a learner's own server on 127.0.0.1, a reference page) open in the system browser.

/** True when `target` is `current` with at most a different fragment (an in-page anchor). */
export function isSameDocument(current: string, target: string): boolean {
  try {
    const a = new URL(current);
    const b = new URL(target);
    a.hash = '';
    b.hash = '';
    return a.href === b.href;
  } catch {
    return false;
  }
}

/** The URL to hand to the system browser, or null if it is not a plain http(s) link. */
export function externalLinkTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    if (parsed.username || parsed.password) return null;
    return parsed.href;
  } catch {
    return null;
  }
}
