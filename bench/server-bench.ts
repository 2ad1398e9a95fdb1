// `npm run bench`: requests per second of our server against two baselines measured in the same
// run with the same load generator, on loopback:
//   close-per-request (lesson L1's answer, then FIN): ours, a bare node:net server, L1's python3
//   keep-alive (the same answer with a Content-Length):  ours, a bare node:net server
// then the ratios (target: ours >= 0.9 x bare Node in both), and what the journal holds after.
// `--requests N` instead drives N requests through our server alone and checks that the journal
// stays within its budget (see journal-budget.ts). Not a test: nothing here runs in `npm test`.
//   node --expose-gc --import tsx bench/server-bench.ts [--seconds 4] [--rounds 2] [--connections 16]
//        [--load auto|wrk|node] [--requests N [--policy close|keep_alive]]
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { L1_HELLO_WORLD } from '../shared/server/presets';
import { startBareServer, type Policy } from './bare-server';
import { runJournalBudget } from './journal-budget';
import { runLoad, wrkInstalled, type LoadResult, type Tool } from './load';
import { formatBytes, formatGrowth, memoryNow } from './memory';
import { probe, startEngineServer, startPythonServer, type EngineServer, type RunningServer } from './servers';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    load: { type: 'string' },
    requests: { type: 'string' },
    policy: { type: 'string' },
  },
});
const seconds = bounded(values.seconds, 1, 120, 'seconds');
const rounds = bounded(values.rounds, 1, 10, 'rounds');
const connections = bounded(values.connections, 1, 512, 'connections');
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
const describeTool = (tool: Tool): string => (tool === 'wrk' ? 'wrk -t1' : 'bench/load-client.ts');

/** L1's answer has no Content-Length: its end is the FIN (RFC 9112 section 6.3, rule 8). */
const CLOSE_ANSWER = L1_HELLO_WORLD.bytes;
/** Keep-alive needs the answer's end in the answer itself: the same bytes plus a Content-Length. */
const KEEP_ALIVE_ANSWER = withContentLength(L1_HELLO_WORLD.bytes);

console.log(
  `wirebench server benchmark: node ${process.version}, ${availableParallelism()} cores, ` +
    `${connections} connections, ${rounds} rounds of ${seconds} s per server (after a 1 s warm-up)`,
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

const rates: Record<string, number> = {};
const journals: string[] = [];

for (const policy of ['close', 'keep_alive'] as const) {
  const answer = policy === 'close' ? CLOSE_ANSWER : KEEP_ALIVE_ANSWER;
  const tool = toolFor(policy);
  console.log(`\n${policy === 'close' ? 'close-per-request' : 'keep-alive'} (${answer.length}-byte answer; load: ${describeTool(tool)}):`);
  const contenders: [string, () => Promise<RunningServer>][] = [
    ...(policy === 'close' ? [['python3 L1 server', startPythonServer] as [string, () => Promise<RunningServer>]] : []),
    ['bare node:net', () => startBareServer(answer, policy)],
    ['ours (Engine, journal on)', () => startEngineServer(answer, policy)],
  ];
  const servers: RunningServer[] = [];
  const before = await memoryNow();
  try {
    for (const [, start] of contenders) servers.push(await start());
    for (const server of servers) await probe(server.port, policy, answer);
    // JIT, caches and SYN queues warm, then rounds that take turns, so that a burst of load
    // from elsewhere on the machine slows one round of each rather than all of one server.
    for (const server of servers) await runLoad(tool, { port: server.port, policy, connections, seconds: 1 });
    const results: LoadResult[][] = servers.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, server] of servers.entries()) results[i]?.push(await runLoad(tool, { port: server.port, policy, connections, seconds }));
    }
    for (const [i, [label]] of contenders.entries()) {
      const runs = results[i] ?? [];
      const best = runs.reduce((a, b) => (b.rate > a.rate ? b : a));
      rates[`${label.split(' ')[0]} ${policy}`] = best.rate;
      console.log(`  ${label.padEnd(26)} ${rate(best)}${runs.length > 1 ? `  [rounds: ${runs.map((r) => Math.round(r.rate)).join(', ')}]` : ''}`);
    }
    // Measured with our server still up: what its journal holds is what a person's app would.
    const ours = servers.at(-1) as EngineServer;
    const j = await ours.journal();
    const after = await memoryNow();
    journals.push(
      `  ${policy}: ${j.totals.connections} connections, ${formatBytes(j.totals.bytesIn + j.totals.bytesOut)} through; ` +
        `journal holds ${j.retained} connections and ${formatBytes(j.totals.storedPayloadBytes)} of payload ` +
        `(${j.totals.droppedConnections} dropped whole); host was handed ${ours.eventsSeen()} events;\n` +
        `    heap used ${formatBytes(after.heapUsed)} (${formatGrowth(after.heapUsed - before.heapUsed)} over the mode's start), rss ${formatBytes(after.rss)}`,
    );
  } finally {
    for (const server of servers) await server.close();
  }
}

console.log('\nratios (best round of each):');
ratio('ours / bare node, close-per-request  ', rates['ours close'], rates['bare close'], 0.9);
ratio('ours / bare node, keep-alive         ', rates['ours keep_alive'], rates['bare keep_alive'], 0.9);
ratio('ours / python3 L1, close-per-request ', rates['ours close'], rates['python3 close']);
ratio('bare node / python3 L1, close        ', rates['bare close'], rates['python3 close']);
console.log('\njournal after each of our runs:');
for (const line of journals) console.log(line);
const memory = await memoryNow();
console.log(
  `after every server closed: rss ${formatBytes(memory.rss)}, heap used ${formatBytes(memory.heapUsed)}` +
    `${memory.afterGc ? ' (all heap figures after GC)' : ' (run with --expose-gc for figures after GC)'}`,
);
process.exit(0);

function rate(r: LoadResult): string {
  const errors = r.errors > 0 ? `, ${r.errors} errors` : '';
  return `${Math.round(r.rate).toLocaleString('en-US').padStart(8)} requests/s (${r.requests} in ${r.seconds.toFixed(2)} s${errors})`;
}

function ratio(label: string, a: number | undefined, b: number | undefined, target?: number): void {
  if (!a || !b) return console.log(`  ${label}  n/a`);
  const value = a / b;
  const verdict = target === undefined ? '' : value >= target ? `  (target >= ${target}: met)` : `  (target >= ${target}: NOT met)`;
  console.log(`  ${label}  ${value.toFixed(2)}${verdict}`);
}

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
