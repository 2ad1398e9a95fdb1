// A big static file (issue 15, item 2): it used to be read whole per request, so one curl of 60 MB
// took the server from 70 MB to 3 GB, and 20 clients that never read pushed it to 6 GB. Now a
// file past INLINE_FILE_BYTES streams from disk with backpressure: curl gets every byte, clients
// that read nothing hold a few chunks each, and memory stays flat.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EngineProbe } from '../../host/testing/engine-probe';

const SIZE = 400 * 1024 * 1024; // sparse: costs no disk, reads as zeros
const dir = mkdtempSync(join(tmpdir(), 'wirebench-big-file-'));
writeFileSync(join(dir, 'big.bin'), '');
truncateSync(join(dir, 'big.bin'), SIZE);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let probe: EngineProbe;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await probe.engine.close();
});

function curlSize(port: number): Promise<{ code: number | null; size: number }> {
  return new Promise((resolve) => {
    const child = spawn('curl', ['-sS', '-o', '/dev/null', '-w', '%{size_download}', `http://127.0.0.1:${port}/big.bin`]);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => resolve({ code, size: Number(out) }));
  });
}

describe('a big static file', () => {
  it('streams 400 MB to curl while 10 clients read nothing, and memory stays flat', async () => {
    probe = new EngineProbe();
    // The probe keeps every delta it is sent, bytes and all, for other tests to inspect: here
    // that would be the test's memory, not the server's.
    probe.engine.onEvent(() => void probe.deltas.splice(0));
    const { port } = await probe.startServer({ responder: { kind: 'static', root: dir }, answerWhen: 'request_end', after: 'close', idleTimeoutMs: 0 });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    for (let i = 0; i < 10; i++) {
      const s = connect({ host: '127.0.0.1', port }, () => {
        s.pause();
        s.write('GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n');
      });
      s.on('error', () => undefined);
      sockets.push(s);
    }
    const got = await curlSize(port);
    clearInterval(sampler);
    expect(got).toEqual({ code: 0, size: SIZE });
    // Was: the whole file per request (11 x 400 MB). A generous bound for a GC that runs late.
    expect(peak - before).toBeLessThan(300 * 1024 * 1024);
    const totals = (await probe.call('journal.snapshot', {})).totals;
    expect(totals.storedPayloadBytes).toBeLessThanOrEqual(64 * 1024 * 1024);
  }, 120_000);
});
