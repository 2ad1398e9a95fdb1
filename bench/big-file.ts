// `npm run bench:big-file`: the real `wirebench serve --static` (built, as users run it) serving
// a 1 GB file (sparse: no disk) to curl while 20 clients ask for it and read nothing, against the
// same server idle. Prints the server's peak RSS beside its idle RSS, the file's throughput to curl,
// how long a small request took meanwhile, and how long SIGTERM took to stop it; each against the
// hardening issue's target (RSS < 300 MB, small request < 100 ms, SIGTERM < 2 s). Not a test.
//   node --import tsx bench/big-file.ts [--size-mb 1024] [--non-readers 20]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'size-mb': { type: 'string', default: '1024' }, 'non-readers': { type: 'string', default: '20' } } });
const SIZE = Number(values['size-mb']) * 1024 * 1024;
const NON_READERS = Number(values['non-readers']);
const ENTRY = join(import.meta.dirname, '..', 'out', 'main', 'wirebench.js');
if (!existsSync(ENTRY)) throw new Error('build first: npm run build');

const dir = mkdtempSync(join(tmpdir(), 'wirebench-big-file-bench-'));
writeFileSync(join(dir, 'big.bin'), '');
truncateSync(join(dir, 'big.bin'), SIZE);
writeFileSync(join(dir, 'small.txt'), 'small\n');

const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:')) ?? 'VmRSS: 0 kB';
  return Number(/(\d+)/.exec(line)?.[1] ?? 0) / 1024;
};

const server = spawn(process.execPath, [ENTRY, 'serve', '--port', '0', '--static', dir, '--answer', 'request-end', '--after', 'close'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const pid = server.pid ?? 0;
const port = await new Promise<number>((resolve) => {
  // The journal is printed as users see it (one line per event), and read to the end here.
  createInterface({ input: server.stdout }).on('line', (line) => {
    const listening = /^Listening on \S+ port (\d+)/.exec(line);
    if (listening) resolve(Number(listening[1]));
  });
});
await new Promise((r) => setTimeout(r, 500));
const idle = rssMb(pid);
let peak = idle;
const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);

const nonReaders: Socket[] = [];
for (let i = 0; i < NON_READERS; i++) {
  const s = connect({ host: '127.0.0.1', port }, () => {
    s.pause();
    s.write('GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n');
  });
  s.on('error', () => undefined);
  nonReaders.push(s);
}
const curl = spawn('curl', ['-sS', '-o', '/dev/null', '-w', '%{size_download} %{time_total}', `http://127.0.0.1:${port}/big.bin`]);
let curlOut = '';
curl.stdout.on('data', (c: Buffer) => (curlOut += c.toString()));
// Small requests while the big ones go on: the slowest of ten.
await new Promise((r) => setTimeout(r, 300));
let slowestSmall = 0;
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  spawnSync('curl', ['-sS', '-o', '/dev/null', `http://127.0.0.1:${port}/small.txt`]);
  slowestSmall = Math.max(slowestSmall, performance.now() - t0);
}
await new Promise<void>((resolve) => curl.on('close', () => resolve()));
const [bytes = 0, seconds = 0] = curlOut.split(' ').map(Number);

const t0 = performance.now();
const exited = new Promise<void>((resolve) => server.on('close', () => resolve()));
server.kill('SIGTERM');
await exited;
const sigtermMs = performance.now() - t0;
clearInterval(sampler);
for (const s of nonReaders) s.destroy();
rmSync(dir, { recursive: true, force: true });

const mb = (n: number): string => `${n.toFixed(0)} MB`;
const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
console.log(`file: ${mb(SIZE / 1048576)} to curl (${bytes === SIZE ? 'every byte' : `${bytes} of ${SIZE} bytes`}) at ${(bytes / 1048576 / seconds).toFixed(0)} MB/s, with ${NON_READERS} clients reading nothing`);
console.log(`server RSS: idle ${mb(idle)}, peak ${mb(peak)} (${(peak / idle).toFixed(2)}x idle); target < 300 MB: ${met(peak < 300)}`);
console.log(`a small request meanwhile: slowest of 10 took ${slowestSmall.toFixed(0)} ms (curl's own start included); target < 100 ms: ${met(slowestSmall < 100)}`);
console.log(`SIGTERM to exit: ${sigtermMs.toFixed(0)} ms; target < 2000 ms: ${met(sigtermMs < 2000)}`);
