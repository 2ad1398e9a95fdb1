// One mode (close-per-request or keep-alive) of `npm run bench`: every server of the table started
// with the same answer, probed, warmed, then measured in rounds that take turns, so that a burst of
// load from elsewhere on the machine slows one round of each rather than all of one server.
import type { Policy } from './bare-server';
import { runLoad, type LoadResult, type Tool } from './load';
import { formatBytes, formatGrowth, memoryNow } from './memory';
import type { RowKey, ServerRow } from './server-rows';
import { probe, type EngineServer, type Probed, type RunningServer } from './servers';

export type RowResult = { ran: true; best: LoadResult; rounds: LoadResult[]; probed: Probed } | { ran: false; reason: string; failed: boolean };

export interface ModeSpec {
  policy: Policy;
  answer: Uint8Array;
  tool: Tool;
  connections: number;
  seconds: number;
  rounds: number;
}

export interface ModeResult {
  rows: Map<RowKey, RowResult>;
  /** What the in-process Engine's journal held after its runs, for the reader. */
  journal: string | null;
}

export async function measureMode(rows: ServerRow[], spec: ModeSpec): Promise<ModeResult> {
  const { policy, answer, tool, connections, seconds } = spec;
  const results = new Map<RowKey, RowResult>();
  const running: { row: ServerRow; server: RunningServer; probed: Probed; runs: LoadResult[] }[] = [];
  const before = await memoryNow();
  let journal: string | null = null;
  try {
    for (const row of rows) {
      const reason = row.unavailable(policy);
      if (reason !== null) {
        results.set(row.key, { ran: false, reason, failed: false });
        continue;
      }
      let server: RunningServer | null = null;
      try {
        server = await row.start(answer, policy);
        running.push({ row, server, probed: await probe(server.port, policy, answer, row.probe), runs: [] });
      } catch (err) {
        await server?.close();
        results.set(row.key, { ran: false, reason: (err as Error).message, failed: true });
      }
    }
    for (const { server } of running) await runLoad(tool, { port: server.port, policy, connections, seconds: 1 });
    for (let round = 0; round < spec.rounds; round++) {
      for (const entry of running) entry.runs.push(await runLoad(tool, { port: entry.server.port, policy, connections, seconds }));
    }
    for (const { row, probed, runs } of running) {
      const best = runs.reduce((a, b) => (b.rate > a.rate ? b : a));
      results.set(row.key, { ran: true, best, rounds: runs, probed });
    }
    // Measured with the Engine still up: what its journal holds is what a person's app would.
    const engine = running.find((r) => r.row.key === 'engine')?.server as EngineServer | undefined;
    if (engine) journal = await describeJournal(policy, engine, before.heapUsed);
  } finally {
    for (const { server } of running) await server.close();
  }
  return { rows: sortedLike(rows, results), journal };
}

function sortedLike(rows: ServerRow[], results: Map<RowKey, RowResult>): Map<RowKey, RowResult> {
  return new Map(rows.flatMap((row) => (results.has(row.key) ? [[row.key, results.get(row.key) as RowResult] as const] : [])));
}

async function describeJournal(policy: Policy, engine: EngineServer, heapBefore: number): Promise<string> {
  const j = await engine.journal();
  const after = await memoryNow();
  return (
    `  ${policy}: ${j.totals.connections} connections, ${formatBytes(j.totals.bytesIn + j.totals.bytesOut)} through; ` +
    `journal holds ${j.retained} connections and ${formatBytes(j.totals.storedPayloadBytes)} of payload ` +
    `(${j.totals.droppedConnections} dropped whole); host was handed ${engine.eventsSeen()} events;\n` +
    `    heap used ${formatBytes(after.heapUsed)} (${formatGrowth(after.heapUsed - heapBefore)} over the mode's start), rss ${formatBytes(after.rss)}`
  );
}

/** One row's line as the mode finishes: best round, every round, errors. */
export function describeRow(label: string, result: RowResult): string {
  if (!result.ran) return `  ${label.padEnd(64)} ${result.failed ? 'FAILED: ' : ''}${result.reason}`;
  const { best, rounds } = result;
  const errors = best.errors > 0 ? `, ${best.errors} errors` : '';
  const all = rounds.length > 1 ? `  [rounds: ${rounds.map((r) => Math.round(r.rate)).join(', ')}]` : '';
  return `  ${label.padEnd(64)} ${Math.round(best.rate).toLocaleString('en-US').padStart(8)} requests/s (${best.requests} in ${best.seconds.toFixed(2)} s${errors})${all}`;
}
