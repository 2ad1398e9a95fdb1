// Issue 19's table as `npm run bench` measured it (server | close per request | keep-alive, each
// figure the best round, with its ratio to bare node:net), the bytes each server actually sent, and
// the servers' targets as verdicts: ratios between figures of this one run.
import type { Policy } from './bare-server';
import type { RowKey, ServerRow } from './server-rows';
import type { ModeResult, RowResult } from './server-rounds';
import type { TargetVerdict, Unmeasured } from './targets';

const perSecond = (n: number): string => Math.round(n).toLocaleString('en-US');

export function serverTable(rows: ServerRow[], modes: Partial<Record<Policy, ModeResult>>, answerLengths: Record<Policy, number>): string {
  const cell = (key: RowKey, policy: Policy): string => {
    const result = modes[policy]?.rows.get(key);
    if (!result) return 'not run';
    if (!result.ran) return result.failed ? 'FAILED (see above)' : result.reason.startsWith('—') ? '—' : `skipped: ${result.reason}`;
    const bare = rateOf(modes[policy]?.rows.get('bare'));
    const ratio = key !== 'bare' && bare ? ` (${(result.best.rate / bare).toFixed(2)}× bare)` : '';
    return `${perSecond(result.best.rate)} req/s${ratio}`;
  };
  const bytes = (key: RowKey): string =>
    (['close', 'keep_alive'] as const)
      .map((policy) => {
        const result = modes[policy]?.rows.get(key);
        return result?.ran ? `${result.probed.bytes}${result.probed.identical ? '' : '*'}` : '—';
      })
      .join(' / ');
  const lines = [
    '| server | close per request | keep-alive | bytes sent (close / keep-alive) |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.label} | ${cell(row.key, 'close')} | ${cell(row.key, 'keep_alive')} | ${bytes(row.key)} |`),
  ];
  lines.push(
    `(the canned answer is ${answerLengths.close} / ${answerLengths.keep_alive} bytes; * marks a server that sends other bytes: the same status line and ` +
      'body, with header fields of its own, as node:http and nginx insist on)',
  );
  return lines.join('\n');
}

function rateOf(result: RowResult | undefined): number | undefined {
  return result?.ran ? result.best.rate : undefined;
}

/** The servers' targets (issue 19), and the ratios printed for information only. */
export function serverVerdicts(modes: Partial<Record<Policy, ModeResult>>): { targets: TargetVerdict[]; unmeasured: Unmeasured[]; information: string[] } {
  const rate = (key: RowKey, policy: Policy): number | undefined => rateOf(modes[policy]?.rows.get(key));
  const targets: TargetVerdict[] = [];
  const unmeasured: Unmeasured[] = [];
  const information: string[] = [];
  const mode = (policy: Policy): string => (policy === 'close' ? 'close' : 'keep-alive');
  const ratio = (a: RowKey, b: RowKey, policy: Policy): { value: number; detail: string } | null => {
    const x = rate(a, policy);
    const y = rate(b, policy);
    return x && y ? { value: x / y, detail: `${perSecond(x)} vs ${perSecond(y)} req/s` } : null;
  };
  const target = (name: string, a: RowKey, b: RowKey, policy: Policy, atLeast: number): void => {
    const r = ratio(a, b, policy);
    if (r) targets.push({ name: `${name}, ${mode(policy)}`, unit: '×', goal: { atLeast }, ...r });
    else unmeasured.push({ name: `${name}, ${mode(policy)}`, reason: 'a server of the two did not run' });
  };
  const inform = (name: string, a: RowKey, b: RowKey, policy: Policy): void => {
    const r = ratio(a, b, policy);
    if (r) information.push(`${`${name}, ${mode(policy)}`.padEnd(46)} ${r.value.toFixed(2)}×  ${r.detail}`);
  };
  target('engine / node:http', 'engine', 'node-http', 'close', 1.0);
  target('engine / node:http', 'engine', 'node-http', 'keep_alive', 1.0);
  target('engine / bare node:net', 'engine', 'bare', 'close', 0.9);
  target('wirebench serve / engine', 'serve', 'engine', 'close', 0.8);
  target('wirebench serve / engine', 'serve', 'engine', 'keep_alive', 0.8);
  for (const policy of ['close', 'keep_alive'] as const) {
    inform('wirebench serve --quiet / engine', 'serve-quiet', 'engine', policy);
    inform('engine / bare node:net', 'engine', 'bare', policy);
    inform('engine / nginx', 'engine', 'nginx', policy);
    inform('node:http / bare node:net', 'node-http', 'bare', policy);
  }
  inform('engine / python3 L1', 'engine', 'python', 'close');
  // engine / bare in close is a target: say it once.
  return { targets, unmeasured, information: information.filter((line) => !line.startsWith('engine / bare node:net, close ')) };
}
