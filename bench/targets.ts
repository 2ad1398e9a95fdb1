// The speed targets' verdicts, shared by every benchmark. A sub-benchmark (annotate, big file, UI
// under load) run as a child of `npm run bench` prints its verdicts as one last line starting with
// TARGETS_PREFIX, followed by JSON; run by hand it prints them as a table. The parent gathers every
// child's line and prints one table of all targets, met or not. Ratios are always between figures
// measured in the same run, on the same machine: absolute figures differ from machine to machine.

export interface TargetVerdict {
  /** What is measured, e.g. 'engine / node:http, keep-alive'. */
  name: string;
  /** The figure, as measured (a ratio, ms, MB). */
  value: number;
  /** How the figure reads, e.g. '×' for ratios, 'ms', 'MB'. */
  unit: string;
  /** The target: at least (>=) or at most (<=) this. */
  goal: { atLeast: number } | { atMost: number };
  /** The figures the value comes from, for the reader (e.g. '44,506 vs 65,556 requests/s'). */
  detail?: string;
}

/** A target that has no figure in this run (its bench is missing, failed, or a server did not run): counted as not met. */
export interface Unmeasured {
  name: string;
  reason: string;
}

export const TARGETS_PREFIX = 'wirebench-targets: ';

export function met(v: TargetVerdict): boolean {
  return 'atLeast' in v.goal ? v.value >= v.goal.atLeast : v.value <= v.goal.atMost;
}

/** The line a child benchmark ends with, for the parent to read. */
export function targetsLine(verdicts: TargetVerdict[]): string {
  return TARGETS_PREFIX + JSON.stringify(verdicts);
}

/** The verdicts in a child's output (its last TARGETS_PREFIX line), or [] if it printed none. */
export function parseTargets(output: string): TargetVerdict[] {
  const line = output.split('\n').findLast((l) => l.startsWith(TARGETS_PREFIX));
  return line === undefined ? [] : (JSON.parse(line.slice(TARGETS_PREFIX.length)) as TargetVerdict[]);
}

/** One table: each target, its figure, the goal, and met or NOT met. */
export function formatTargets(verdicts: TargetVerdict[]): string {
  const width = Math.max(...verdicts.map((v) => v.name.length), 10);
  const lines = verdicts.map((v) => {
    const goal = 'atLeast' in v.goal ? `>= ${v.goal.atLeast}${v.unit}` : `<= ${v.goal.atMost}${v.unit}`;
    const figure = `${v.unit === '×' ? v.value.toFixed(2) : Math.round(v.value * 10) / 10}${v.unit}`;
    const verdict = met(v) ? 'met' : 'NOT met';
    return `  ${v.name.padEnd(width)}  ${figure.padStart(9)}  (target ${goal}: ${verdict})${v.detail ? `  ${v.detail}` : ''}`;
  });
  return lines.join('\n');
}
