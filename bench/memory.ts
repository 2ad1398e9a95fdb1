// Memory figures for the benchmark's report. With `node --expose-gc` (as `npm run bench` runs it)
// the heap is collected first, so what is left is what is really held, not garbage not yet swept.

export interface Memory {
  rss: number;
  heapUsed: number;
  afterGc: boolean;
}

export async function memoryNow(): Promise<Memory> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    // Twice, with a turn of the event loop between: closed sockets' last callbacks run first.
    gc();
    await new Promise((r) => setImmediate(r));
    gc();
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed, afterGc: gc !== undefined };
}

export function formatBytes(n: number): string {
  if (Math.abs(n) < 1024) return `${n} B`;
  if (Math.abs(n) < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** A change in bytes, with its sign: +12.0 MiB, -300 B. */
export function formatGrowth(n: number): string {
  return `${n >= 0 ? '+' : '-'}${formatBytes(Math.abs(n))}`;
}
