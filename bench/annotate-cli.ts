// `npm run bench:annotate-cli`: the real `wirebench annotate` on big inputs, each fed on stdin the
// way issue 15 (item 3) fed them: 100 MB of small pipelined requests (`GET /x HTTP/1.1`, Host, blank
// line: 28 bytes, 3.6 million times) and 100 MB of random bytes, as text and with --json. Prints the
// peak RSS of each run (GNU time -v; else /proc's VmHWM, polled), its time, its exit code and how
// much it printed. Target: under 1 GB each, exit 0. Not a test: nothing here runs in `npm test`.
//   node --import tsx bench/annotate-cli.ts [--mb 100] [--cli main/cli/wirebench.ts] [--only pipelined|random]
// --cli: the entry to run; a .ts file runs under tsx (as the tests do), a .js file (out/main/wirebench.js) as built.
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runMeasured, peakRssMethod, type MeasuredRun } from '../main/cli/testing/peak-rss';
import { formatBytes } from './memory';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '100' },
    cli: { type: 'string', default: 'main/cli/wirebench.ts' },
    only: { type: 'string' },
  },
});
const TOTAL = Number(values.mb) * 1e6;
const REQUEST = Buffer.from('GET /x HTTP/1.1\r\nHost: a\r\n\r\n', 'latin1');

/** `bytes` long, written a piece at a time: the inputs are never whole in this process either. */
function write(path: string, bytes: number, piece: (at: number, size: number) => Buffer): void {
  const fd = openSync(path, 'w');
  for (let at = 0; at < bytes; ) {
    const chunk = piece(at, Math.min(1 << 20, bytes - at));
    writeSync(fd, chunk);
    at += chunk.length;
  }
  closeSync(fd);
}

function pipelined(path: string): number {
  const count = Math.ceil(TOTAL / REQUEST.length);
  const perPiece = Math.floor((1 << 20) / REQUEST.length);
  const piece = Buffer.concat(Array.from({ length: perPiece }, () => REQUEST));
  write(path, count * REQUEST.length, (at, size) => piece.subarray(0, Math.min(size, piece.length)));
  return count;
}

function random(path: string): void {
  // xorshift32: the same bytes every run.
  let seed = 0x9e3779b9;
  write(path, TOTAL, (_, size) => {
    const out = Buffer.allocUnsafe(size);
    for (let i = 0; i < size; i++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      out[i] = seed & 0xff;
    }
    return out;
  });
}

/** The CLI with `input` as its stdin, stdout counted and dropped. */
function run(args: string[], input: string): Promise<MeasuredRun> {
  const entry = values.cli;
  const argv = [...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []), entry, 'annotate', ...args];
  const inFd = openSync(input, 'r');
  const running = runMeasured(argv, [inFd, 'pipe', 'pipe']);
  closeSync(inFd);
  return running;
}

const dir = mkdtempSync(join(tmpdir(), 'wirebench-bench-annotate-'));
try {
  console.log(`wirebench annotate on big inputs: node ${process.version}, ${values.cli}, peak RSS by ${peakRssMethod() ?? 'nothing (no /usr/bin/time, no /proc)'}; target: under 1 GB, exit 0`);
  const inputs: { name: string; path: string; what: string }[] = [];
  if (values.only !== 'random') {
    const path = join(dir, 'pipelined.http');
    const count = pipelined(path);
    inputs.push({ name: 'pipelined', path, what: `${count.toLocaleString('en')} pipelined requests (${formatBytes(count * REQUEST.length)})` });
  }
  if (values.only !== 'pipelined') {
    const path = join(dir, 'random.bin');
    random(path);
    inputs.push({ name: 'random', path, what: `random bytes (${formatBytes(TOTAL)})` });
  }
  for (const input of inputs) {
    for (const args of [[], ['--json']]) {
      const r = await run(args, input.path);
      const peak = r.rssKb * 1024;
      const verdict = r.code === 0 && peak < 1024 ** 3 ? 'ok' : 'MISSED';
      console.log(
        `  ${`${input.what}${args.length > 0 ? ' --json' : ''}`.padEnd(52)} peak RSS ${formatBytes(peak).padStart(10)}  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ` +
          `exit ${r.code ?? r.signal}  printed ${formatBytes(r.printed).padStart(10)}  ${verdict}`,
      );
      const said = r.err.split('\n').filter((l) => l !== '' && !/^\s/.test(l) && !l.startsWith('Read as') && !l.includes('Command being timed'));
      if (r.code !== 0) console.log(`    stderr: ${said.slice(0, 3).join(' | ').slice(0, 300)}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
