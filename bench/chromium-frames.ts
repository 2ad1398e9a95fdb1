// What the Chromium benches (bench/view.ts, bench/ui-load.ts) measure in a page: the time between
// frames (requestAnimationFrame deltas, recorded in the page and read back), and a performance
// trace of a stretch (open it in DevTools' Performance panel, or summarise it with bench/trace-frames.ts).
// The in-page halves are strings: these files type-check without the DOM library, and tsx's helpers
// (esbuild's __name) must not end up in functions Playwright sends to the page.
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

/** Records every requestAnimationFrame delta into window.__wbFrames until STOP_FRAMES. */
export const START_FRAMES = `(() => {
  const rec = { deltas: [], running: true, last: performance.now() };
  window.__wbFrames = rec;
  const tick = (now) => {
    if (!rec.running) return;
    rec.deltas.push(now - rec.last);
    rec.last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Stops the recorder and returns the deltas, in ms. */
export const STOP_FRAMES = `(() => {
  const rec = window.__wbFrames;
  rec.running = false;
  return rec.deltas;
})()`;

/** The trace categories that show frames, tasks and the JavaScript in them. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

/** Starts a trace; the function returned ends it and writes its events to `file`. */
export async function startTrace(cdp: CDPSession, file: string): Promise<() => Promise<void>> {
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(file, JSON.stringify({ traceEvents: events }));
    console.log(`  trace: ${events.length} events in ${file}`);
  };
}
