// The benchmarks `npm run bench` runs as child processes (the annotator, the large file against
// nginx, the UI under load): each prints its own report, which is passed through, and ends with a
// `wirebench-targets: <json>` line (bench/targets.ts), which is read and not shown. A child that is
// missing, fails, or gives no verdicts is one target not met, with the reason.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseTargets, TARGETS_PREFIX, type TargetVerdict, type Unmeasured } from './targets';

const CHILD_LIMIT_MS = 10 * 60_000;

export interface ChildBench {
  /** The name --only knows it by. */
  part: string;
  /** The script, relative to bench/. */
  script: string;
  nodeFlags: string[];
  args: string[];
  /** Whose targets these are, for a row when there are no verdicts. */
  what: string;
  /** Said when the script does not exist. */
  missing: string;
}

export async function runChildBench(bench: ChildBench): Promise<{ verdicts: TargetVerdict[]; unmeasured: Unmeasured[] }> {
  const script = join(import.meta.dirname, bench.script);
  console.log(`\n== ${bench.what}: node ${[...bench.nodeFlags, `bench/${bench.script}`, ...bench.args].join(' ')}`);
  if (!existsSync(script)) {
    console.log(`  ${bench.missing}`);
    return { verdicts: [], unmeasured: [{ name: bench.what, reason: bench.missing }] };
  }
  const child = spawn(process.execPath, [...bench.nodeFlags, script, ...bench.args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  createInterface({ input: child.stdout }).on('line', (line) => {
    output += `${line}\n`;
    if (!line.startsWith(TARGETS_PREFIX)) console.log(`  ${line}`);
  });
  // A child that hangs (a browser that never answers, a server that never stops) cannot hold the run.
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGTERM');
  }, CHILD_LIMIT_MS);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  let verdicts: TargetVerdict[] = [];
  let problem: string | null = timedOut
    ? `bench/${bench.script} was stopped after ${CHILD_LIMIT_MS / 60_000} minutes`
    : code === 0
      ? null
      : `bench/${bench.script} exited with ${code}`;
  try {
    verdicts = parseTargets(output);
  } catch (err) {
    problem = `bench/${bench.script} printed a targets line that is not JSON: ${(err as Error).message}`;
  }
  if (verdicts.length === 0) problem ??= `bench/${bench.script} printed no ${TARGETS_PREFIX.trim()} line`;
  return { verdicts, unmeasured: problem === null ? [] : [{ name: bench.what, reason: problem }] };
}

/** The children, in the order they run. */
export function childBenches(): ChildBench[] {
  return [
    {
      part: 'big-file',
      script: 'big-file-nginx.ts',
      nodeFlags: ['--import', 'tsx'],
      args: [],
      what: 'large answers (100 MB file, ours vs nginx)',
      missing: 'bench/big-file-nginx.ts is missing',
    },
    {
      part: 'annotate',
      script: 'annotate.ts',
      nodeFlags: ['--expose-gc', '--import', 'tsx'],
      args: [],
      what: 'the annotator against llhttp',
      missing: 'bench/annotate.ts is missing',
    },
    {
      part: 'ui-load',
      script: 'ui-load.ts',
      nodeFlags: ['--expose-gc', '--import', 'tsx'],
      args: [],
      what: 'the UI under load',
      missing: 'not yet written (bench/ui-load.ts does not exist)',
    },
  ];
}
