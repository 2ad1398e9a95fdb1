// `npm run bench`: issue 19's table, measured side by side in one run on loopback, every server
// answering the same bytes (lesson L1's answer; for keep-alive the same with a Content-Length):
//   bare node:net, Node's http module, nginx (one worker, where installed), lesson L1's python3
//   server (close only), our Engine in process, and `wirebench serve` as users run it (the built
//   CLI, every event printed to /dev/null), plus `wirebench serve --quiet`,
// each in close-per-request and keep-alive, then the servers' targets as ratios of this run. Then
// the other benchmarks as children (the 100 MB file against nginx, the annotator, the UI under
// load), and one table of every target, met or not. `--only` picks parts.
// `--requests N` instead drives N requests through our server alone and checks that the journal
// stays within its budget (see journal-budget.ts). Not a test: nothing here runs in `npm test`.
//   npm run bench -- [--only servers,big-file,annotate,ui-load] [--seconds 4] [--rounds 3]
//        [--connections 16] [--load auto|wrk|node] [--requests N [--policy close|keep_alive]]
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { L1_HELLO_WORLD } from '../shared/server/presets';
import type { Policy } from './bare-server';
import { childBenches, runChildBench } from './child-benches';
import { runJournalBudget } from './journal-budget';
import { wrkInstalled, type Tool } from './load';
import { formatBytes, memoryNow } from './memory';
import { serverRows } from './server-rows';
import { describeRow, measureMode, type ModeResult } from './server-rounds';
import { serverTable, serverVerdicts } from './server-table';
import { formatTargets, met, type TargetVerdict, type Unmeasured } from './targets';

const PARTS = ['servers', 'big-file', 'annotate', 'ui-load'];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    load: { type: 'string' },
    requests: { type: 'string' },
    policy: { type: 'string' },
  },
});
const seconds = bounded(values.seconds, 1, 120, 'seconds');
const rounds = bounded(values.rounds, 1, 10, 'rounds');
const connections = bounded(values.connections, 1, 512, 'connections');
const only = values.only === undefined ? PARTS : values.only.split(',').map((p) => p.trim());
const unknownPart = only.find((p) => !PARTS.includes(p));
if (unknownPart !== undefined) fail(`--only takes some of ${PARTS.join(',')} (not ${unknownPart})`);
const load = values.load ?? 'auto';
if (load !== 'auto' && load !== 'wrk' && load !== 'node') fail('--load takes auto, wrk or node');
if (load === 'wrk' && !wrkInstalled()) fail('--load wrk: wrk is not installed (apt-get install wrk)');
/**
 * auto: wrk where it measures what we mean, the Node client elsewhere. Against an answer whose end
 * is the FIN (L1's has no Content-Length), wrk opens a second connection per request and closes
 * it unused (measured: 17,969 connections for 8,982 requests), so close-per-request would cost
 * every server two accepts per request, and our journal two connections. The Node client opens one.
 */
const toolFor = (policy: Policy): Tool => (load !== 'auto' ? load : policy === 'keep_alive' && wrkInstalled() ? 'wrk' : 'node');
const describeTool = (tool: Tool): string => (tool === 'wrk' ? `wrk -t1 -c${connections}` : `bench/load-client.ts, ${connections} connections`);

/** L1's answer has no Content-Length: its end is the FIN (RFC 9112 section 6.3, rule 8). */
const CLOSE_ANSWER = L1_HELLO_WORLD.bytes;
/** Keep-alive needs the answer's end in the answer itself: the same bytes plus a Content-Length. */
const KEEP_ALIVE_ANSWER = withContentLength(L1_HELLO_WORLD.bytes);

console.log(
  `wirebench benchmark: node ${process.version}, ${availableParallelism()} cores; servers: ${connections} connections, ` +
    `${rounds} rounds of ${seconds} s per server and mode, taking turns (after a 1 s warm-up each)`,
);

if (values.requests !== undefined) {
  const requests = bounded(values.requests, 1, 100_000_000, 'requests');
  const policies: Policy[] = values.policy === 'close' || values.policy === 'keep_alive' ? [values.policy] : ['close', 'keep_alive'];
  let ok = true;
  for (const policy of policies) {
    const answer = policy === 'close' ? CLOSE_ANSWER : KEEP_ALIVE_ANSWER;
    ok = (await runJournalBudget({ tool: toolFor(policy), policy, answer, requests, connections })) && ok;
  }
  process.exit(ok ? 0 : 1);
}

const startedAt = performance.now();
const verdicts: TargetVerdict[] = [];
const unmeasured: Unmeasured[] = [];

if (only.includes('servers')) {
  const scratch = mkdtempSync(join(tmpdir(), 'wirebench-server-bench-'));
  const rows = serverRows(scratch);
  const modes: Partial<Record<Policy, ModeResult>> = {};
  try {
    for (const policy of ['close', 'keep_alive'] as const) {
      const answer = policy === 'close' ? CLOSE_ANSWER : KEEP_ALIVE_ANSWER;
      const tool = toolFor(policy);
      console.log(`\n${policy === 'close' ? 'close-per-request' : 'keep-alive'} (${answer.length}-byte answer; load: ${describeTool(tool)}):`);
      const result = await measureMode(rows, { policy, answer, tool, connections, seconds, rounds });
      modes[policy] = result;
      for (const row of rows) {
        const r = result.rows.get(row.key);
        if (r) console.log(describeRow(row.label, r));
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`\nthe table (issue 19; best round of each; close per request loaded by ${describeTool(toolFor('close'))}, keep-alive by ${describeTool(toolFor('keep_alive'))}):\n${serverTable(rows, modes, { close: CLOSE_ANSWER.length, keep_alive: KEEP_ALIVE_ANSWER.length })}`);
  const servers = serverVerdicts(modes);
  verdicts.push(...servers.targets);
  unmeasured.push(...servers.unmeasured);
  console.log(`\nthe servers' targets (ratios of this run):\n${formatTargets(servers.targets)}`);
  for (const u of servers.unmeasured) console.log(`  ${u.name}: not measured (${u.reason})`);
  console.log(`other ratios, for information (no target; --quiet is the load-test mode, the target is on serve as users run it):`);
  for (const line of servers.information) console.log(`  ${line}`);
  console.log('\njournal after each of the Engine\'s runs:');
  for (const mode of Object.values(modes)) if (mode.journal) console.log(mode.journal);
  const memory = await memoryNow();
  console.log(
    `after every server closed: rss ${formatBytes(memory.rss)}, heap used ${formatBytes(memory.heapUsed)}` +
      `${memory.afterGc ? ' (all heap figures after GC)' : ' (run with --expose-gc for figures after GC)'}`,
  );
}

for (const child of childBenches()) {
  if (!only.includes(child.part)) continue;
  const result = await runChildBench(child);
  verdicts.push(...result.verdicts);
  unmeasured.push(...result.unmeasured);
}

console.log('\nevery target:');
if (verdicts.length > 0) console.log(formatTargets(verdicts));
for (const u of unmeasured) console.log(`  ${u.name}: not measured (${u.reason})`);
const total = verdicts.length + unmeasured.length;
console.log(`${verdicts.filter(met).length} of ${total} targets met${unmeasured.length > 0 ? ` (${unmeasured.length} not measured, counted as not met)` : ''}`);
console.log(`(the whole run took ${((performance.now() - startedAt) / 1000).toFixed(0)} s)`);
process.exit(0);

function withContentLength(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const headEnd = text.indexOf('\r\n\r\n');
  const body = bytes.length - (headEnd + 4);
  return Buffer.from(`${text.slice(0, headEnd)}\r\nContent-Length: ${body}${text.slice(headEnd)}`, 'latin1');
}

function bounded(text: string | undefined, min: number, max: number, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} takes a whole number from ${min} to ${max}`);
  return n;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
