// `wirebench annotate` on a whole recording, run from source as a child process: a capture made by
// tcpdump of curl talking to the engine, our own pcapng export, and a session file. Every
// connection's two directions are annotated under a heading naming the connection and the way.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { journalToPcapng } from '../../shared/capture/journal-to-pcapng';
import { captureToSession } from '../../shared/capture-reading/capture-to-session';
import { buildSession, encodeSession } from '../../shared/session/session-file';
import { ascii, EngineProbe } from '../host/testing/engine-probe';
import { run as runPeer } from '../engine/testing/peers';
import { cannotCapture, startCapture } from '../engine/testing/live-capture';

const ENTRY = 'main/cli/wirebench.ts';
const dir = mkdtempSync(join(tmpdir(), 'wirebench-annotate-recording-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let probe: EngineProbe | null = null;
afterEach(async () => {
  await probe?.engine.close();
  probe = null;
});

function annotate(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'annotate', ...args]);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out, err });
    }),
  );
}

/** The engine answering "hello" and keeping each connection alive; its port. */
async function keepAliveServer(): Promise<number> {
  probe = new EngineProbe();
  const answer = ascii('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello');
  const { port } = await probe.startServer({ after: 'keep_alive', responder: { kind: 'canned', bytes: answer } });
  return port;
}

/** curl asks twice on one kept-alive connection; the engine's id for it, once closed. */
async function curlTwice(port: number): Promise<string> {
  const seen = await runPeer('curl', ['-sS', `http://127.0.0.1:${port}/one`, `http://127.0.0.1:${port}/two`]);
  expect(seen.stdout.toString()).toBe('hellohello');
  const { connId } = await (probe as EngineProbe).serverConn();
  await (probe as EngineProbe).waitForKind(connId, 'closed');
  return connId;
}

function expectBothWays(out: string, client: number, server: number): void {
  expect(out).toContain(`── p1 request: 127.0.0.1:${client} → 127.0.0.1:${server}`);
  expect(out).toContain(`── p1 response: 127.0.0.1:${server} → 127.0.0.1:${client}`);
  expect(out).toMatch(/GET \/one HTTP\/1\.1/);
  expect(out).toMatch(/GET \/two HTTP\/1\.1/);
  expect(out.match(/HTTP\/1\.1 200 OK/g)?.length).toBeGreaterThanOrEqual(2);
  expect(out).not.toMatch(/cli\.annotate|errors\./);
}

describe('wirebench annotate on a recording', () => {
  const noCapture = cannotCapture('tcpdump');
  it.skipIf(noCapture !== undefined)(`a tcpdump capture of curl keeping a connection alive${noCapture ? ` (skipped: ${noCapture})` : ''}`, async () => {
    const port = await keepAliveServer();
    const file = join(dir, 'curl.pcap');
    const capture = await startCapture('tcpdump', port, file);
    const connId = await curlTwice(port);
    const summary = await (probe as EngineProbe).conn(connId);
    await capture.finish((bytes) => {
      const opened = captureToSession(bytes, file, 'test');
      return opened.ok && opened.capture.session.connections[0]?.summary.closed === true;
    });
    const ran = await annotate([file]);
    expect(ran.code).toBe(0);
    expect(ran.err).toContain(`Read ${file} (pcap): 1 TCP connection;`);
    expectBothWays(ran.out, summary.remote.port, port);
  });

  it('our own pcapng export, and a session file of the same journal, read alike', async () => {
    const port = await keepAliveServer();
    const connId = await curlTwice(port);
    const summary = await (probe as EngineProbe).conn(connId);
    const events = await (probe as EngineProbe).events(connId);
    const pcapng = join(dir, 'export.pcapng');
    writeFileSync(pcapng, journalToPcapng([summary], events));
    const fromCapture = await annotate([pcapng]);
    expect(fromCapture.code).toBe(0);
    expectBothWays(fromCapture.out, summary.remote.port, port);

    const session = join(dir, 'saved.wbsession');
    writeFileSync(session, encodeSession(buildSession({ writer: { host: 'cli', version: 'test' }, servers: [], totals: { connections: 1, bytesIn: 0, bytesOut: 0, storedPayloadBytes: 0, droppedConnections: 0 }, connections: [{ summary, events }] })));
    const fromSession = await annotate([session]);
    expect(fromSession.code).toBe(0);
    // The session keeps the engine's own connection id.
    expect(fromSession.out).toContain(`── ${connId} request: 127.0.0.1:${summary.remote.port} → 127.0.0.1:${port}`);
    expect(fromSession.out.replaceAll(connId, 'p1')).toBe(fromCapture.out);
  });

  it('a damaged session file is refused with a sentence saying where', async () => {
    const file = join(dir, 'damaged.wbsession');
    writeFileSync(file, '{"format":"wirebench-session","version":1,"savedAt":"yesterday"}');
    const ran = await annotate([file]);
    expect(ran.code).toBe(1);
    expect(ran.err).toContain(`${file} is a Wirebench session that is damaged, so it was not opened: at savedAt,`);
  });
});
