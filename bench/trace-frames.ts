// Summarises a trace written by `WIREBENCH_TRACE=file npm run bench:view`: the renderer main
// thread's long tasks (over 16 ms), each with the time its events took by name (script, style,
// layout, paint...), and the JS functions the sampling profiler caught most during them (self time).
//   node --import tsx bench/trace-frames.ts view-trace.json [min-ms]
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber?: number } }[]; samples?: number[] };
      timeDeltas?: number[];
      startTime?: number;
    };
  };
}

const file = process.argv[2];
if (!file) throw new Error('usage: trace-frames.ts <trace.json> [min-ms]');
const minMs = Number(process.argv[3] ?? 16);
const { traceEvents } = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] };

const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
if (!main) throw new Error('no CrRendererMain thread in the trace');
const onMain = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);

// Samples: ProfileChunk events carry nodes (with parents) and (sample, delta) pairs. A sample
// stands for the time since the one before it (V8 samples irregularly), and counts for its
// function (self) and every distinct function above it (total).
const names = new Map<number, string>();
const parents = new Map<number, number>();
const samples: { ts: number; ms: number; id: number }[] = [];
let clock = 0;
for (const e of traceEvents) {
  if (e.name === 'Profile' && e.args?.data?.startTime !== undefined) clock = e.args.data.startTime;
  if (e.name !== 'ProfileChunk' || e.pid !== main.pid) continue;
  const data = e.args?.data;
  for (const n of data?.cpuProfile?.nodes ?? []) {
    const f = n.callFrame;
    names.set(n.id, `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').at(-1) ?? ''}:${(f.lineNumber ?? 0) + 1}`);
    if (n.parent !== undefined) parents.set(n.id, n.parent);
  }
  const ids = data?.cpuProfile?.samples ?? [];
  const deltas = data?.timeDeltas ?? [];
  ids.forEach((id, i) => {
    const delta = deltas[i] ?? 0;
    clock += delta;
    samples.push({ ts: clock, ms: delta / 1000, id });
  });
}
const stackOf = (id: number): string[] => {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) seen.add(names.get(at) ?? String(at));
  return [...seen];
};

const top = <K>(m: Map<K, number>, n: number): [K, number][] => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
const total = new Map<string, number>();
const totalFns = new Map<string, number>();
const inclusive = new Map<string, number>();
let longCount = 0;
for (const task of tasks) {
  const ms = (task.dur ?? 0) / 1000;
  if (ms < minMs) continue;
  longCount++;
  const end = task.ts + (task.dur ?? 0);
  const byName = new Map<string, number>();
  for (const e of onMain) {
    if (e === task || e.ts < task.ts || e.ts >= end) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    total.set(e.name, (total.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  const fns = new Map<string, number>();
  for (const s of samples) {
    if (s.ts < task.ts || s.ts >= end) continue;
    const stack = stackOf(s.id);
    const self = stack[0] ?? '?';
    fns.set(self, (fns.get(self) ?? 0) + s.ms);
    totalFns.set(self, (totalFns.get(self) ?? 0) + s.ms);
    for (const fn of stack) inclusive.set(fn, (inclusive.get(fn) ?? 0) + s.ms);
  }
  const events = top(byName, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  console.log(`${((task.ts - (tasks[0]?.ts ?? 0)) / 1000).toFixed(0).padStart(6)} ms  task ${ms.toFixed(1)} ms: ${events}`);
  for (const [fn, n] of top(fns, 4)) console.log(`          ${n.toFixed(1)} ms  ${fn}`);
}
console.log(`\n${longCount} tasks of ${minMs} ms or more; their events, summed (ms, nested events counted again):`);
for (const [k, v] of top(total, 15)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
console.log('their JS functions by self time (ms, sampled):');
for (const [k, v] of top(totalFns, 25)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
console.log('and by total time (ms, sampled: the function and what it called):');
for (const [k, v] of top(inclusive, 40)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
