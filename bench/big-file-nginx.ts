// Large answers (issue 19): a 100 MB file to curl from `wirebench serve --static DIR` (the built
// CLI, as users run it, output to /dev/null) and from nginx (one worker, sendfile on, as nginx
// defaults) serving the same folder, in rounds that take turns; the best throughput of each, and
// our server's peak RSS (VmHWM: the most it ever held, read from /proc before it stops). Targets:
// ours >= 0.5 x nginx's throughput, peak RSS < 300 MB. Ends with the targets line for
// `npm run bench`. (bench/big-file.ts is the other large-file bench: 1 GB with clients that
// read nothing, for the hardening issue's memory and latency targets.)
//   npm run -s build && node --import tsx bench/big-file-nginx.ts [--size-mb 100] [--rounds 3]
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCliServer, type CliServer } from './cli-server';
import { nginxBinary, startNginx, type NginxServer } from './nginx';
import { formatTargets, targetsLine, type TargetVerdict } from './targets';

const { values } = parseArgs({ options: { 'size-mb': { type: 'string', default: '100' }, rounds: { type: 'string', default: '3' } } });
const SIZE_MB = Number(values['size-mb']);
const ROUNDS = Number(values.rounds);
if (!Number.isInteger(SIZE_MB) || SIZE_MB < 1 || SIZE_MB > 4096) throw new Error('--size-mb takes a whole number from 1 to 4096');
if (!Number.isInteger(ROUNDS) || ROUNDS < 1 || ROUNDS > 10) throw new Error('--rounds takes a whole number from 1 to 10');
const MB = 1024 * 1024;
const RSS_LIMIT_MB = 300;

// Real bytes, written once: not a sparse file, so both servers read real pages (from the page
// cache after the first fetch, for both alike). Random bytes, so nothing on the way could shrink them.
const dir = mkdtempSync(join(tmpdir(), 'wirebench-big-file-nginx-'));
const fd = openSync(join(dir, 'big.bin'), 'w');
const block = randomBytes(MB);
for (let i = 0; i < SIZE_MB; i++) writeSync(fd, block);
closeSync(fd);

/** curl's own figure (bytes per second of the body) and how many bytes came. */
async function fetchSpeed(port: number): Promise<{ speed: number; bytes: number }> {
  const curl = spawn('curl', ['-s', '-o', '/dev/null', '-w', '%{speed_download} %{size_download}', `http://127.0.0.1:${port}/big.bin`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  curl.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => curl.once('close', resolve));
  if (code !== 0) throw new Error(`curl exited with ${code}`);
  const [speed = 0, bytes = 0] = out.trim().split(' ').map(Number);
  return { speed, bytes };
}

const statusMb = (pid: number, field: 'VmHWM' | 'VmRSS'): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`)) ?? '';
  return Number(/(\d+)/.exec(line)?.[1] ?? 0) / 1024;
};

const verdicts: TargetVerdict[] = [];
let ours: CliServer | null = null;
let nginx: NginxServer | null = null;
try {
  ours = await startCliServer(['--static', dir, '--answer', 'request-end', '--after', 'close']);
  const idleMb = statusMb(ours.pid, 'VmRSS');
  const nginxSkipped = nginxBinary() === null ? 'nginx is not installed (apt-get install nginx-light)' : null;
  if (nginxSkipped === null) nginx = await startNginx({ kind: 'root', dir });
  const contenders = [{ name: 'wirebench serve --static', server: ours }, ...(nginx ? [{ name: 'nginx, one worker', server: nginx }] : [])];
  const speeds = contenders.map((): number[] => []);
  // One fetch each first: the file into the page cache, and each server's first-request costs.
  for (const { server } of contenders) await fetchSpeed(server.port);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, { server }] of contenders.entries()) {
      const { speed, bytes } = await fetchSpeed(server.port);
      if (bytes !== SIZE_MB * MB) throw new Error(`port ${server.port} sent ${bytes} of ${SIZE_MB * MB} bytes`);
      speeds[i]?.push(speed);
    }
  }
  const peakMb = statusMb(ours.pid, 'VmHWM');
  const best = speeds.map((s) => Math.max(...s));
  console.log(`a ${SIZE_MB} MB file to curl, ${ROUNDS} rounds taking turns after one fetch each (MB/s):`);
  for (const [i, { name }] of contenders.entries()) {
    console.log(`  ${name.padEnd(26)} best ${((best[i] ?? 0) / MB).toFixed(0).padStart(5)}  [rounds: ${(speeds[i] ?? []).map((s) => (s / MB).toFixed(0)).join(', ')}]`);
  }
  if (nginxSkipped !== null) console.log(`  nginx                      skipped: ${nginxSkipped}`);
  console.log(`  our server's RSS: ${idleMb.toFixed(0)} MB idle, ${peakMb.toFixed(0)} MB at its peak (VmHWM)`);
  const [oursBest = 0, nginxBest] = best;
  if (nginxBest !== undefined) {
    verdicts.push({
      name: 'large file: ours / nginx throughput',
      value: oursBest / nginxBest,
      unit: '×',
      goal: { atLeast: 0.5 },
      detail: `${(oursBest / MB).toFixed(0)} vs ${(nginxBest / MB).toFixed(0)} MB/s`,
    });
  }
  verdicts.push({ name: "large file: our server's peak RSS", value: peakMb, unit: ' MB', goal: { atMost: RSS_LIMIT_MB }, detail: `${idleMb.toFixed(0)} MB idle` });
} finally {
  await ours?.close();
  await nginx?.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(formatTargets(verdicts));
console.log(targetsLine(verdicts));
