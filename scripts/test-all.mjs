#!/usr/bin/env node
// `npm test`: every check and every suite, in the order a failure is cheapest to find, then one
// closing line over all suites: `N passed, N failed, N skipped`. Skipped tests are listed with
// their reasons, so a suite that could not run here never passes silently.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

const RESULTS = 'test-results';
const totals = { passed: 0, failed: 0, skipped: 0 };
const skips = [];
// What failed, repeated at the very end: CI often shows only the tail of a long run.
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${[cmd, ...args].join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status === 0;
}

function step(label, cmd, args) {
  const ok = run(label, cmd, args);
  // A check that is not a test suite still counts: one pass or one failure.
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(`check › ${label}`);
  }
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
// No module may import itself through others: a circle makes load order decide what is still
// undefined at import time, and it is how the store's slices and store.ts came to need each other.
// No --transform, so type-only imports count too: the layering holds for types as well. The globs
// go to dpdm as written, and it expands them itself (spawnSync runs no shell).
step('import circles', 'npx', [
  'dpdm',
  '--exit-code',
  'circular:1',
  '--no-tree',
  '--no-warning',
  'main/**/*.ts',
  'shared/**/*.ts',
  'renderer/**/*.{ts,tsx}',
  'e2e/**/*.ts',
  'bench/**/*.ts',
]);
const built = step('build', 'npm', ['run', '--silent', 'build']);
// Electron's security checklist over the sources and the built output (needs the build).
if (built) step('electron security', 'node', ['scripts/security-scan.mjs']);

// Unit and integration tests: shared, engine, hosts, renderer slices (real sockets, real peers).
run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${RESULTS}/vitest.json`]);
const vitest = readJson(`${RESULTS}/vitest.json`);
if (!vitest || vitest.numTotalTests === 0) {
  console.log('unit: no results (the runner failed before running tests)');
  failures.push('unit › no results');
  totals.failed++;
} else {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  // Vitest's report has no reasons: a conditional suite says its condition in its title.
  for (const file of vitest.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo') skips.push(`unit › ${t.fullName}`);
      if (t.status === 'failed') failures.push(`unit › ${file.name} › ${t.fullName}: ${firstLine(t.failureMessages)}`);
    }
  }
}

// End-to-end: the web host in Chromium, and the Electron app where a binary exists.
if (built) {
  // Electron needs a display: give it a virtual one when xvfb-run is here and none is set.
  const wantXvfb = process.platform === 'linux' && !process.env.DISPLAY && existsSync('/usr/bin/xvfb-run');
  if (wantXvfb) run('e2e', 'xvfb-run', ['-a', 'npx', 'playwright', 'test']);
  else run('e2e', 'npx', ['playwright', 'test']);
  const pw = readJson(`${RESULTS}/playwright.json`);
  if (!pw) {
    console.log('e2e: no results (the runner failed before running tests)');
    failures.push('e2e › no results');
    totals.failed++;
  } else {
    totals.passed += pw.stats.expected + (pw.stats.flaky ?? 0);
    totals.failed += pw.stats.unexpected;
    totals.skipped += pw.stats.skipped;
    collectSkips(pw.suites ?? []);
  }
} else {
  console.log('e2e: not run, because the build failed');
  failures.push('e2e › not run: the build failed');
  totals.failed++;
}

// The first line of a failure message, without terminal colours, short enough to read in a list.
function firstLine(messages) {
  const text = (messages ?? []).find((m) => typeof m === 'string' && m.length > 0) ?? 'no message';
  return stripVTControlCharacters(text).split('\n')[0].slice(0, 300);
}

function collectSkips(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'unexpected') {
          const error = t.results?.at(-1)?.error?.message;
          failures.push(`${t.projectName} › ${spec.file}:${spec.line} › ${spec.title}: ${firstLine([error])}`);
        }
        if (t.status !== 'skipped') continue;
        const why = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
        skips.push(`${t.projectName} › ${spec.title}: ${why}`);
      }
    }
    collectSkips(suite.suites ?? []);
  }
}

if (skips.length > 0) {
  console.log('\nSkipped:');
  for (const s of skips) console.log(`- ${s}`);
}
if (failures.length > 0) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`- ${f}`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
