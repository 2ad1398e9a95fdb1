// `npm run bench -- --requests 1000000`: N requests through our server alone, then a look at what
// the journal kept. Its two limits (shared/contract/contract.ts, main/engine/journal.ts) promise that a
// server which has answered a million requests still fits in memory: stored payload within the
// byte budget, and no more than the cap of closed connections kept. This checks both, and prints
// the heap the journal holds beyond them (events of the connections it keeps).
import { getHeapStatistics } from 'node:v8';
import type { Policy } from './bare-server';
import { runLoad, type Tool } from './load';
import { formatBytes, formatGrowth, memoryNow } from './memory';
import { probe, startEngineServer } from './servers';

export interface BudgetRun {
  tool: Tool;
  policy: Policy;
  answer: Uint8Array;
  requests: number;
  connections: number;
}

/** The Engine's documented defaults (main/engine/engine.ts), passed explicitly so the check knows them. */
const PAYLOAD_BUDGET = 64 * 1024 * 1024;
const MAX_CLOSED = 1000;
/** Assume at least this rate when bounding the run's time; a slower server fails the run. */
const MIN_RATE = 500;
/**
 * Past this much heap (garbage included: sampling after a GC every 200 ms would cost more than
 * the server) the run is stopped and failed, rather than left to crash the process.
 */
const HEAP_LIMIT = Math.floor(getHeapStatistics().heap_size_limit * 0.75);

export async function runJournalBudget(run: BudgetRun): Promise<boolean> {
  const kind = run.policy === 'close' ? 'close-per-request' : 'keep-alive';
  console.log(`\n${run.requests} requests, ${kind} (load: ${run.tool === 'wrk' ? 'wrk -t1' : 'bench/load-client.ts'}):`);
  const before = await memoryNow();
  const server = await startEngineServer(run.answer, run.policy, { payloadBudgetBytes: PAYLOAD_BUDGET, maxClosedConnections: MAX_CLOSED });
  const progress = setInterval(() => {
    void server.journal().then((j) =>
      console.log(`  ... ${j.totals.connections} connections, ${formatBytes(j.totals.bytesIn + j.totals.bytesOut)} so far`),
    );
  }, 15_000);
  try {
    await probe(server.port, run.policy, run.answer);
    const capSeconds = Math.ceil(run.requests / MIN_RATE) + 30;
    // Stop the generator once the server has sent N answers (wrk would otherwise sit out -d),
    // or once the heap passes its limit; note the most payload the journal held on the way.
    const stop = new AbortController();
    let peakStored = 0;
    const heapStop: { after: number | null } = { after: null }; // set from the watcher's callback
    const watch = setInterval(() => {
      void server.journal().then((j) => {
        peakStored = Math.max(peakStored, j.totals.storedPayloadBytes);
        if (j.totals.bytesOut >= run.requests * run.answer.length) stop.abort();
        else if (process.memoryUsage().heapUsed > HEAP_LIMIT) {
          heapStop.after ??= Math.floor(j.totals.bytesOut / run.answer.length);
          stop.abort();
        }
      });
    }, 200);
    const spec = { port: server.port, policy: run.policy, connections: run.connections, seconds: capSeconds, maxRequests: run.requests };
    const load = await runLoad(run.tool, spec, stop.signal).finally(() => clearInterval(watch));
    clearInterval(progress);
    console.log(`  load: ${load.requests} answers in ${load.seconds.toFixed(1)} s (${Math.round(load.rate)} requests/s), ${load.errors} errors`);

    // The generator has hung up; give the server a moment to see every FIN (bounded).
    let j = await server.journal();
    for (let waited = 0; j.open > 0 && waited < 10_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
      j = await server.journal();
    }
    const after = await memoryNow();
    const heapGrowth = after.heapUsed - before.heapUsed;
    const t = j.totals;
    const answers = t.bytesOut / run.answer.length;
    console.log(`  connections: ${t.connections} (${j.served} served, per the server's stats), still open: ${j.open}`);
    console.log(`  bytes: ${t.bytesIn} in, ${t.bytesOut} out = ${answers} answers of ${run.answer.length} bytes`);
    console.log(`  journal keeps ${j.retained} connections (cap ${MAX_CLOSED} closed + open), dropped ${t.droppedConnections} whole`);
    console.log(
      `  stored payload: ${formatBytes(t.storedPayloadBytes)} now, at most ${formatBytes(peakStored)} while running (budget ${formatBytes(PAYLOAD_BUDGET)})`,
    );
    if (heapStop.after !== null) console.log(`  STOPPED EARLY: the heap passed ${formatBytes(HEAP_LIMIT)} after ${heapStop.after} answers`);
    console.log(
      `  process: rss ${formatBytes(after.rss)}, heap used ${formatBytes(after.heapUsed)} ` +
        `(${formatGrowth(heapGrowth)} since before the run${after.afterGc ? ', after GC' : ''}); ` +
        `host was handed ${server.eventsSeen()} events`,
    );

    const checks: [string, boolean][] = [
      // Whole answers only, and at least one per answer the generator counted (a few more went
      // out to requests in flight when it stopped, and one to the probe).
      ['every answer counted, byte for byte', Number.isInteger(answers) && answers >= load.requests],
      [`all ${run.requests} requests served`, answers >= run.requests],
      ['stored payload within the budget', t.storedPayloadBytes <= PAYLOAD_BUDGET],
      ['closed connections kept within the cap', j.retained - j.open <= MAX_CLOSED],
      // Not a promise the journal makes, but what "fits in memory" means to a person: flag it.
      ['heap growth within the payload budget', heapGrowth <= PAYLOAD_BUDGET],
    ];
    for (const [what, ok] of checks) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
    return checks.every(([, ok]) => ok);
  } finally {
    clearInterval(progress);
    await server.close();
  }
}
