#!/usr/bin/env node
// Electron's security checklist, checked by a tool made for it: @doyensec/electronegativity over the
// sources (main/) and what ships (out/, after `npm run build`). Every finding must be one a person
// has read and explained in scripts/electronegativity-reviewed.json; any other fails the run, so a
// new BrowserWindow without isolation, a new openExternal or a weaker CSP cannot land unnoticed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const require = createRequire(import.meta.url);
// The tool would otherwise look the version up online; ours is the one installed.
const electronVersion = require('electron/package.json').version;
const reviewed = JSON.parse(readFileSync(new URL('./electronegativity-reviewed.json', import.meta.url), 'utf8')).reviewed;
const work = mkdtempSync(join(tmpdir(), 'wirebench-electronegativity-'));

let unexplained = 0;
let total = 0;
try {
  for (const input of ['main', 'out']) {
    const report = join(work, `${input}.sarif`);
    const run = spawnSync('npx', ['electronegativity', '-i', input, '-e', electronVersion, '-o', report, '-r', '-v', 'false'], { encoding: 'utf8' });
    let results;
    try {
      results = JSON.parse(readFileSync(report, 'utf8')).runs[0].results;
    } catch {
      console.error(`electronegativity wrote no report for ${input}/ (exit ${run.status}):\n${run.stderr}`);
      process.exit(1);
    }
    for (const r of results) {
      total++;
      const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
      const line = r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0;
      const known = reviewed.find((e) => e.check === r.ruleId && basename(uri).startsWith(e.file));
      if (!known) {
        unexplained++;
        console.error(`NEW FINDING ${r.ruleId} in ${input}/${uri}:${line}: ${r.message?.text ?? ''}`);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`electronegativity (Electron ${electronVersion}): ${total} findings over main/ and out/, ${total - unexplained} reviewed, ${unexplained} new`);
process.exit(unexplained === 0 ? 0 : 1);
