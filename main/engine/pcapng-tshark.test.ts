// The pcapng export (shared/capture) judged by Wireshark's own dissectors: real journals, made by
// the engine serving real peers on 127.0.0.1 (lesson L1's Python client, curl keeping a connection
// alive, our client and our server resetting, curl fetching 1 MB), written as pcapng and read back
// with tshark. tshark must read each file without a word on stderr, follow each stream to exactly
// the journal's bytes both ways, show FIN and RST from the end the journal says, and find nothing to
// flag: no segment missing, repeated or out of order, no bad checksum.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ConnSummary, JournalEvent } from '../../shared/contract/contract';
import { journalToPcapng } from '../../shared/capture/journal-to-pcapng';
import { LESSON_L1 } from '../../shared/lessons/lesson-l1';
import { ascii, EngineProbe } from '../host/testing/engine-probe';
import { ABORT_MID_REQUEST, L2_SERVER, run, runScript, startPythonServer } from './testing/peers';
import { start } from './testing/peer-process';
import { CHECKSUMS, noTshark, parseFollowRaw, tshark } from './testing/tshark';

const hasIpv6Loopback = Object.values(networkInterfaces()).some((list) => list?.some((a) => a.address === '::1'));
const work = mkdtempSync(join(tmpdir(), 'wb-pcapng-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

interface Journal {
  summary: ConnSummary;
  events: JournalEvent[];
}

/** The connection's journal once it holds one of `until` (by default: closed). */
async function journalOf(connId: string, ...until: JournalEvent['kind'][]): Promise<Journal> {
  const kinds = until.length > 0 ? until : ['closed'];
  const events = await probe.waitFor(`${connId} ${kinds.join(' or ')}`, async () => {
    const events = await probe.events(connId);
    return events.some((e) => kinds.includes(e.kind)) && events;
  });
  return { summary: await probe.conn(connId), events };
}

/** The journal's bytes one way, in order. */
function bytesOf(events: readonly JournalEvent[], dir: 'in' | 'out'): Buffer {
  return Buffer.concat(events.flatMap((e) => (e.kind === 'data' && e.dir === dir ? [e.bytes ?? new Uint8Array(0)] : [])));
}

/** Where the journal has FINs and RSTs, as `port FIN|RST` of the end that sent each. */
function closingsOf({ summary, events }: Journal): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.kind === 'fin_sent') out.push(`${summary.local.port} FIN`);
    if (e.kind === 'peer_fin') out.push(`${summary.remote.port} FIN`);
    if (e.kind === 'rst_sent') out.push(`${summary.local.port} RST`);
    if (e.kind === 'rst_received') out.push(`${summary.remote.port} RST`);
  }
  return out;
}

const isSet = (field: string | undefined): boolean => field === '1' || field === 'True';

/** Writes the capture of `exported`, checks it with tshark against `journal` (the connection it must show). */
async function expectTsharkAgrees(name: string, exported: Journal[], journal: Journal): Promise<void> {
  const file = join(work, `${name}.pcapng`);
  writeFileSync(file, journalToPcapng(exported.map((j) => j.summary), exported.flatMap((j) => j.events)));

  const read = await tshark(['-r', file, ...CHECKSUMS]);
  expect(read.stderr).toBe('');
  expect(read.code).toBe(0);

  // One stream, followed to exactly the journal's bytes: node 0 is the client (it sent the SYN).
  const followed = parseFollowRaw((await tshark(['-r', file, '-q', '-z', 'follow,tcp,raw,0'])).stdout);
  const { summary, events } = journal;
  const client = summary.role === 'client' ? summary.local : summary.remote;
  const host = client.family === 'IPv6' ? `[${client.address}]` : client.address;
  expect(followed.node0).toBe(`${host}:${client.port}`);
  const [fromClient, fromServer] = summary.role === 'client' ? ['out', 'in'] as const : ['in', 'out'] as const;
  expect(followed.fromNode0.equals(bytesOf(events, fromClient))).toBe(true);
  expect(followed.fromNode1.equals(bytesOf(events, fromServer))).toBe(true);

  // Frame by frame: its stream, sender, FIN and RST bits, what TCP analysis flags, its checksums.
  const fields = ['tcp.stream', 'tcp.srcport', 'tcp.flags.fin', 'tcp.flags.reset', 'tcp.analysis.flags', 'tcp.checksum.status', 'ip.checksum.status'];
  const listed = await tshark(['-r', file, ...CHECKSUMS, '-T', 'fields', '-E', 'separator=|', ...fields.flatMap((f) => ['-e', f])]);
  const frames = listed.stdout.trim().split('\n').map((line) => line.split('|'));
  expect(new Set(frames.map((f) => f[0]))).toEqual(new Set(['0']));
  // FIN and RST from the end the journal says, in its order.
  const closings = frames.flatMap(([, port, fin, rst]) => [...(isSet(fin) ? [`${port} FIN`] : []), ...(isSet(rst) ? [`${port} RST`] : [])]);
  expect(closings).toEqual(closingsOf(journal));
  // Nothing for tshark's TCP analysis to flag (no segment missing, repeated, out of order; no dup
  // ACK, no window full), and every checksum good (status 1; IPv6 has no header checksum).
  const good = summary.local.family === 'IPv6' ? '|1|' : '|1|1';
  expect(frames.map((f) => f.slice(4).join('|')).filter((r) => r !== good)).toEqual([]);
}

describe.skipIf(noTshark !== undefined)(`pcapng export read by tshark${noTshark ? ` (skipped: ${noTshark})` : ''}`, () => {
  it("L1: the lesson's Python client against the lesson's server (answer, our FIN, the client's FIN)", async () => {
    probe = new EngineProbe();
    const { port } = await probe.call('server.start', { host: '127.0.0.1', port: 0, settings: LESSON_L1.server.settings });
    const program = join(work, 'l1-client.py');
    writeFileSync(program, LESSON_L1.peer(port).text);
    const seen = await start('python3', ['-B', program], { timeoutMs: 15_000 }).done;
    expect(seen.code).toBe(0);
    const journal = await journalOf((await probe.serverConn()).connId);
    expect(closingsOf(journal)).toEqual([`${port} FIN`, `${journal.summary.remote.port} FIN`]);
    await expectTsharkAgrees('l1', [journal], journal);
  });

  it('keep-alive: curl asks twice on one connection, then hangs up', async () => {
    probe = new EngineProbe();
    const body = 'hello';
    const answer = ascii(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    const { port } = await probe.startServer({ after: 'keep_alive', responder: { kind: 'canned', bytes: answer } });
    const seen = await run('curl', ['-sS', '-v', `http://127.0.0.1:${port}/one`, `http://127.0.0.1:${port}/two`]);
    expect(seen.stdout.toString()).toBe('hellohello');
    expect(seen.stderr).toContain('Re-using existing connection');
    const journal = await journalOf((await probe.serverConn()).connId);
    expect(journal.summary.chunksIn).toBe(2);
    await expectTsharkAgrees('keep-alive', [journal], journal);
  });

  it('reset: our server answers and aborts; the whole session (our client and our server) is one stream', async () => {
    probe = new EngineProbe({ kernelStates: true });
    const { port } = await probe.startServer({ after: 'reset' });
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
    await probe.call('client.send', { connId, bytes: ascii('GET / HTTP/1.1\r\nHost: x\r\n\r\n') });
    // Our client's socket stays open until used: it has the RST (ECONNRESET on a read), or, when
    // libuv read the answer and the RST together, an end of stream that it journals as the peer's
    // FIN (connection.ts; the kernel sampler would add the RST, but it may be off on a busy machine).
    const client = await journalOf(connId, 'rst_received', 'peer_fin');
    const server = await journalOf((await probe.serverConn()).connId);
    expect(closingsOf(server)).toEqual([`${port} RST`]);
    // The same connection journaled from both ends is written once, from the server's journal.
    await expectTsharkAgrees('reset-session', [client, server], server);
    // The client's journal alone: the file shows what it journaled, from the remote end.
    await expectTsharkAgrees('reset-client', [client], client);
  });

  it('reset received: a Python client sends half a request and aborts (SO_LINGER 0)', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'request_end' });
    const client = runScript(port, ABORT_MID_REQUEST);
    const journal = await journalOf((await probe.serverConn()).connId);
    expect((await client).code).toBe(0);
    expect(closingsOf(journal)).toEqual([`${journal.summary.remote.port} RST`]);
    await expectTsharkAgrees('reset-received', [journal], journal);
  });

  it.skipIf(!hasIpv6Loopback)('IPv6: our client and lesson L2\'s Python server on ::1 (skipped without IPv6 loopback)', async () => {
    probe = new EngineProbe();
    const server = await startPythonServer(L2_SERVER, ['::1']);
    const { connId } = await probe.call('client.connect', { host: '::1', port: server.port });
    await probe.call('client.send', { connId, bytes: ascii('GET /hello HTTP/1.1\r\n') });
    await probe.waitForKind(connId, 'peer_fin');
    await probe.call('client.close', { connId });
    const journal = await journalOf(connId);
    expect(journal.summary.local.family).toBe('IPv6');
    await expectTsharkAgrees('ipv6', [journal], journal);
    const versions = await tshark(['-r', join(work, 'ipv6.pcapng'), '-T', 'fields', '-e', 'ipv6.src']);
    expect(new Set(versions.stdout.trim().split('\n'))).toEqual(new Set(['::1']));
  });

  it('payloads the journal let go of (a tiny byte budget): frames cut after their headers, and the file says why', async () => {
    probe = new EngineProbe({ payloadBudgetBytes: 1 });
    const { port } = await probe.startServer({ after: 'close' });
    const first = await run('curl', ['-sS', `http://127.0.0.1:${port}/first`]);
    expect(first.code).toBe(0);
    const evicted = await journalOf((await probe.serverConn()).connId);
    // A second connection closing pushes the first one's payload out of the budget.
    await run('curl', ['-sS', `http://127.0.0.1:${port}/second`]);
    await probe.waitFor('the first payload evicted', async () => (await probe.conn(evicted.summary.connId)).payloadEvicted);
    const journal = await journalOf(evicted.summary.connId);
    expect(journal.events.some((e) => e.kind === 'data' && e.bytes === null)).toBe(true);
    const file = join(work, 'evicted.pcapng');
    writeFileSync(file, journalToPcapng([journal.summary], journal.events));
    const read = await tshark(['-r', file, ...CHECKSUMS]);
    expect(read.stderr).toBe('');
    expect(read.code).toBe(0);
    const listed = await tshark(['-r', file, '-T', 'fields', '-E', 'separator=|', '-e', 'tcp.len', '-e', 'frame.cap_len', '-e', 'frame.len', '-e', 'frame.comment']);
    const cut = listed.stdout.trim().split('\n').map((l) => l.split('|')).filter(([len]) => Number(len) > 0);
    expect(cut.length).toBe(2); // the request and the answer
    for (const [len, capLen, frameLen, note] of cut) {
      expect([Number(capLen), Number(frameLen)]).toEqual([54, 54 + Number(len)]);
      expect(note).toContain('no longer kept by the journal');
    }
  });

  it('1 MB: curl fetches a static file; the answer is split into segments and ACKed along the way', async () => {
    probe = new EngineProbe();
    const root = mkdtempSync(join(work, 'root-'));
    const content = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < content.length; i++) content[i] = (i * 7 + (i >> 11)) & 0xff;
    writeFileSync(join(root, 'big.bin'), content);
    const { port } = await probe.startServer({ responder: { kind: 'static', root }, answerWhen: 'request_end', after: 'close' });
    const seen = await run('curl', ['-sS', `http://127.0.0.1:${port}/big.bin`]);
    expect(seen.code).toBe(0);
    expect(seen.stdout.equals(content)).toBe(true);
    const journal = await journalOf((await probe.serverConn()).connId);
    expect(journal.summary.bytesOut).toBeGreaterThan(content.length);
    await expectTsharkAgrees('one-megabyte', [journal], journal);
    const lengths = await tshark(['-r', join(work, 'one-megabyte.pcapng'), '-T', 'fields', '-e', 'tcp.len']);
    expect(Math.max(...lengths.stdout.trim().split('\n').map(Number))).toBe(65495);
  });
});
