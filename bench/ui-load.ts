// `npm run bench:ui-load`: the workbench under load (issue 19). The engine and the web host run in
// this process, as `wirebench web` does; Debian's Chromium shows the workbench; a server answers
// the canned L1 bytes (keep-alive, with a Content-Length; then close-per-request) while
// bench/paced-load.ts, a child process, sends it ~10,000 requests/s. Meanwhile the page has open
// what a learner would: the connection list (growing), the Events journal of one loaded
// connection, and the client console, connected to the same server. Measured in the page:
//   - frame times (requestAnimationFrame deltas) over the run: p50/p95/p99/max, target p99 <= 50 ms;
//   - typed lines: the time from the Enter keydown in the console to the line painted in its
//     transcript, for each of --lines lines spread over the run: p50/p95/max, target max <= 100 ms.
// The same two figures without load come first, for comparison. Figures only: nothing is asserted.
// Ends with one targetsLine() for `npm run bench`.
//   npm run bench:ui-load [-- --seconds 10 --rate 10000 --mode both|keep_alive|close --lines 10 --connections 64]
//   WIREBENCH_TRACE=ui-trace.json ...   also records a Chromium trace of the first loaded run (bench/trace-frames.ts)
//   WIREBENCH_SCREENSHOTS=/tmp ...      and saves what the page looked like at the end of each loaded run
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser';
import { Engine } from '../main/engine/engine';
import { createHostDispatch, unrestrictedFiles } from '../main/host/host-handlers';
import { MemorySettingsStore } from '../main/settings/settings-store';
import { startWebHost } from '../main/web/web-host';
import { L1_HELLO_WORLD } from '../shared/server/presets';
import type { ServerSettingsPatch } from '../shared/server/settings';
import { formatTargets, targetsLine, type TargetVerdict } from './targets';
import { START_FRAMES, startTrace, STOP_FRAMES } from './chromium-frames';
import { armProbe, waitProbe } from './ui-load-page';

type Mode = 'keep_alive' | 'close';

const ROOT = resolve(import.meta.dirname, '..');
const RENDERER_DIR = join(ROOT, 'out', 'renderer');
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rate: { type: 'string', default: '10000' },
    mode: { type: 'string', default: 'both' },
    lines: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
  },
});
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const LINES = Number(values.lines);
const CONNECTIONS = Number(values.connections);
const MODES: Mode[] = values.mode === 'close' ? ['close'] : values.mode === 'keep_alive' ? ['keep_alive'] : ['keep_alive', 'close'];
const WARM_UP_MS = 1500;
const FRAME_TARGET_MS = 50;
const TYPED_TARGET_MS = 100;
const TRACE_FILE = process.env.WIREBENCH_TRACE;
/** A folder: the page as it looked at the end of each loaded run. */
const SCREENSHOTS = process.env.WIREBENCH_SCREENSHOTS;

/** L1's answer, plus the Content-Length keep-alive needs to find its end (RFC 9112 section 6.3). */
function answerFor(mode: Mode): Uint8Array {
  const bytes = L1_HELLO_WORLD.bytes;
  if (mode === 'close') return bytes;
  const text = new TextDecoder().decode(bytes);
  const headEnd = text.indexOf('\r\n\r\n');
  const body = bytes.length - (headEnd + 4);
  return new TextEncoder().encode(`${text.slice(0, headEnd)}\r\nContent-Length: ${body}${text.slice(headEnd)}`);
}

interface Figures {
  frames: number[];
  /** ms from the Enter keydown to the typed line painted; NaN: it never showed (within 2 s). */
  typed: number[];
  load?: { rate: number; minSecond: number; errors: number; late: number };
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const ms = (n: number): string => `${n.toFixed(1)} ms`;
const PROBE_TIMEOUT_MS = 2000;
/** The slowest typed line; one that never showed counts as the probe's whole wait (JSON has no Infinity). */
const worst = (typed: number[]): number => (typed.some(Number.isNaN) ? PROBE_TIMEOUT_MS : Math.max(...typed));

/** Connects the console (or reconnects it, after close-per-request's server hung up). */
async function connectConsole(page: Page, port: number): Promise<void> {
  await page.getByTestId('client-target').fill(`127.0.0.1 ${port}`);
  await page.getByTestId('client-connect').click();
  await page.locator('[data-testid="client-status"][data-phase="open"]').waitFor({ timeout: 10_000 });
}

/** Types `text` in the console, presses Enter, and returns the ms until it was painted in the transcript. */
async function typedLine(page: Page, text: string): Promise<number> {
  const input = page.getByTestId('client-input');
  await input.fill(text);
  await page.evaluate(armProbe(text));
  await input.press('Enter');
  const p = await page.evaluate<{ keyAt: number | null; paintedAt: number | null }>(waitProbe(PROBE_TIMEOUT_MS));
  return p.keyAt !== null && p.paintedAt !== null ? p.paintedAt - p.keyAt : NaN;
}

/** `count` typed lines, evenly over `spanMs` (close: reconnecting before each, since the server hangs up after answering). */
async function typeLines(page: Page, mode: Mode, port: number, count: number, spanMs: number): Promise<number[]> {
  const typed: number[] = [];
  const gap = spanMs / count;
  for (let i = 0; i < count; i++) {
    const next = Date.now() + gap;
    // close: the server hung up after answering. keep_alive: connected once, unless the server
    // closed the console's connection meanwhile (it says why in the transcript).
    const open = (await page.getByTestId('client-status').getAttribute('data-phase')) === 'open';
    if (mode === 'close' || !open) await connectConsole(page, port);
    // close: each line is a request line, answered at once. keep_alive: a request line, then header
    // lines of that one request, which the server waits to see end.
    const line = mode === 'close' || !open ? `GET /typed-${i}-${Date.now()} HTTP/1.1` : `X-Probe-${i}: typed ${Date.now()}`;
    typed.push(await typedLine(page, line));
    await page.waitForTimeout(Math.max(0, next - Date.now()));
  }
  return typed;
}

function startLoad(port: number, mode: Mode, seconds: number): Promise<{ perSecond: number[]; errors: number; late: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'paced-load.ts'), String(port), mode, String(RATE), String(seconds), String(CONNECTIONS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => {
      if (code !== 0) return fail(new Error(`paced-load exited with ${code}`));
      done(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { perSecond: number[]; errors: number; late: number });
    });
  });
}

/** One mode: a fresh engine, host and page; figures idle, then under load. */
async function runMode(browser: Browser, mode: Mode, trace: boolean): Promise<{ idle: Figures; loaded: Figures }> {
  const engine = new Engine({ host: 'web', version: 'bench', sampleDocRoot: join(ROOT, 'app', 'docroot') });
  const host = await startWebHost({ port: 0, rendererDir: RENDERER_DIR, engine, version: 'bench' });
  const dispatch = createHostDispatch(engine, { settings: new MemorySettingsStore(), files: unrestrictedFiles(engine) }, (err) => console.error(err));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const settings: ServerSettingsPatch =
      mode === 'close'
        ? { responder: { kind: 'canned', bytes: answerFor(mode) }, answerWhen: 'first_chunk', after: 'close' }
        : { responder: { kind: 'canned', bytes: answerFor(mode) }, answerWhen: 'request_end', after: 'keep_alive' };
    const started = await dispatch('server.start', { host: '127.0.0.1', port: 0, backlog: 511, settings });
    if (!started.ok) throw new Error(`server.start failed: ${JSON.stringify(started.error)}`);
    const { port } = started.value as { port: number };

    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByTestId('client-target').waitFor();
    // The server's card, its counters moving, rather than the lessons' welcome.
    await page.getByTestId('side-tab-server').click();
    await page.locator(`[data-testid="server-row"][data-port="${port}"]`).waitFor({ state: 'attached' });

    // Idle: the same figures with no load, for comparison.
    await page.evaluate(START_FRAMES);
    const idleTyped = await typeLines(page, mode, port, 3, 1500);
    const idle: Figures = { frames: await page.evaluate<number[]>(STOP_FRAMES), typed: idleTyped };

    const loadSeconds = WARM_UP_MS / 1000 + SECONDS + 1;
    const load = startLoad(port, mode, loadSeconds);
    await page.waitForTimeout(WARM_UP_MS);
    // The Events journal of the newest loaded connection (keep-alive: it keeps growing).
    // Clicked in the page: the list moves under a pointer faster than Playwright's click waits for it to hold still.
    await page.locator('[data-testid="conn-row"][data-role="server"]').last().evaluate((row) => (row as unknown as { click(): void }).click());
    await page.getByTestId('journal-view-events').click();
    const cdp = trace && TRACE_FILE ? await context.newCDPSession(page) : null;
    const endTrace = cdp && TRACE_FILE ? await startTrace(cdp, TRACE_FILE) : null;
    await page.evaluate(START_FRAMES);
    const t0 = Date.now();
    const typed = await typeLines(page, mode, port, LINES, SECONDS * 1000);
    await page.waitForTimeout(Math.max(0, SECONDS * 1000 - (Date.now() - t0)));
    const frames = await page.evaluate<number[]>(STOP_FRAMES);
    await endTrace?.();
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `ui-load-${mode}.png`) });
    const result = await load;
    // The seconds the frames were recorded in (the warm-up's and the last, partial one left out).
    const window = result.perSecond.slice(Math.ceil(WARM_UP_MS / 1000), Math.ceil(WARM_UP_MS / 1000) + SECONDS);
    const rate = window.reduce((a, b) => a + (b ?? 0), 0) / Math.max(1, window.length);
    return { idle, loaded: { frames, typed, load: { rate, minSecond: Math.min(...window.map((n) => n ?? 0)), errors: result.errors, late: result.late } } };
  } finally {
    await context.close();
    await host.close();
    await engine.close();
  }
}

function report(label: string, f: Figures): void {
  const over = f.frames.filter((d) => d > FRAME_TARGET_MS).length;
  console.log(`  ${label}:`);
  if (f.load) console.log(`    load achieved:      ${Math.round(f.load.rate).toLocaleString('en')} requests/s (slowest second ${f.load.minSecond.toLocaleString('en')}; ${f.load.late} due but no connection free; ${f.load.errors} errors)`);
  console.log(`    frame time:         p50 ${ms(percentile(f.frames, 50))}, p95 ${ms(percentile(f.frames, 95))}, p99 ${ms(percentile(f.frames, 99))}, max ${ms(Math.max(...f.frames))} (${f.frames.length} frames, ${over} over ${FRAME_TARGET_MS} ms)`);
  const shown = f.typed.filter((n) => !Number.isNaN(n));
  console.log(`    typed line painted: p50 ${ms(percentile(shown, 50))}, p95 ${ms(percentile(shown, 95))}, max ${ms(worst(f.typed))} (${f.typed.length} lines${shown.length < f.typed.length ? `, ${f.typed.length - shown.length} never shown within 2 s` : ''}): ${f.typed.map((n) => n.toFixed(0)).join(' ')}`);
}

async function main(): Promise<void> {
  const executable = chromiumPath();
  if (!executable) throw new Error('no Chromium found (/usr/bin/chromium); set WIREBENCH_CHROMIUM');
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    console.log('building the renderer (out/renderer is missing)...');
    const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const browser = await chromium.launch({ executablePath: executable, args: CHROMIUM_ARGS });
  const verdicts: TargetVerdict[] = [];
  try {
    console.log(`wirebench UI under load: ${browser.version()}, ${RATE.toLocaleString('en')} requests/s asked for ${SECONDS} s, ${CONNECTIONS} connections`);
    // Engine, browser and load share the machine's cores: anything else running shows here, and in the rate achieved.
    console.log(`load average before: ${loadavg().map((n) => n.toFixed(2)).join(', ')} (${availableParallelism()} cores)`);
    for (const [i, mode] of MODES.entries()) {
      const name = mode === 'keep_alive' ? 'keep-alive' : 'close-per-request';
      console.log(`\n${name}:`);
      const { idle, loaded } = await runMode(browser, mode, i === 0);
      report('idle', idle);
      report(`under load`, loaded);
      const detail = `under ${Math.round(loaded.load?.rate ?? 0).toLocaleString('en')} requests/s`;
      verdicts.push({ name: `UI frame time p99, ${name}`, value: percentile(loaded.frames, 99), unit: 'ms', goal: { atMost: FRAME_TARGET_MS }, detail });
      verdicts.push({ name: `UI typed line max, ${name}`, value: worst(loaded.typed), unit: 'ms', goal: { atMost: TYPED_TARGET_MS }, detail: `${detail}, ${loaded.typed.length} lines` });
    }
  } finally {
    await browser.close();
  }
  console.log(`\nload average after: ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
  console.log(`\n${formatTargets(verdicts)}`);
  console.log(targetsLine(verdicts));
}

try {
  await main();
  process.exit(0);
} catch (err) {
  console.error(err);
  process.exit(1); // a socket left open would keep the process alive
}
