// The in-page halves of bench/ui-load.ts, as strings: that file type-checks without the DOM
// library, and tsx's helpers (esbuild's __name) must not end up in functions Playwright sends to
// the page.

/**
 * Arms one typing probe for `text`: the time of the Enter keydown (caught first, in the capture
 * phase, before the console's own handler) and the time the line is in the transcript (a
 * MutationObserver on it) and painted. A message posted from the observer runs as the next task,
 * after the rendering step the commit happened in (React commits in the frame's rAF callbacks, the
 * ingest's flush), so "painted" is when the frame showing the line was done. The result lands in
 * window.__wbProbe; WAIT_PROBE returns it.
 */
export const armProbe = (text: string): string => `(() => {
  const text = ${JSON.stringify(text)};
  const out = document.querySelector('[data-testid="client-output"]');
  const probe = { keyAt: null, domAt: null, paintedAt: null, done: false };
  window.__wbProbe = probe;
  const shown = () => {
    const sent = out.querySelectorAll('[data-dir="out"]');
    for (let i = sent.length - 1; i >= Math.max(0, sent.length - 4); i--) if (sent[i].textContent.includes(text)) return true;
    return false;
  };
  const onKey = (e) => {
    if (e.key === 'Enter' && probe.keyAt === null) probe.keyAt = performance.now();
  };
  window.addEventListener('keydown', onKey, true);
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    probe.paintedAt = performance.now();
    probe.done = true;
  };
  const observer = new MutationObserver(() => {
    if (probe.keyAt === null || probe.domAt !== null || !shown()) return;
    probe.domAt = performance.now();
    observer.disconnect();
    window.removeEventListener('keydown', onKey, true);
    channel.port2.postMessage(null);
  });
  observer.observe(out, { childList: true, subtree: true, characterData: true });
})()`;

/** Resolves with the armed probe's times once the line was painted, or after `timeoutMs`. */
export const waitProbe = (timeoutMs: number): string => `new Promise((done) => {
  const until = performance.now() + ${timeoutMs};
  const look = () => {
    const p = window.__wbProbe;
    if (p.done || performance.now() > until) done({ keyAt: p.keyAt, domAt: p.domAt, paintedAt: p.paintedAt });
    else setTimeout(look, 5);
  };
  look();
})`;
