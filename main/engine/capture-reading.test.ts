// Opening real captures (shared/capture-reading): loopback traffic between the engine and real
// peers (lesson L1's Python client, curl keeping a connection alive, a Python client resetting,
// curl fetching 1 MB), captured by tcpdump (pcap, µs and ns, on lo and on "any") and by dumpcap
// (pcapng) while the engine journals it. The capture, reassembled, must tell what the journal
// tells: the same bytes each way, the same FINs and RSTs from the same ends, the same addresses.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { captureToSession, type OpenedCapture } from '../../shared/capture-reading/capture-to-session';
import { LESSON_L1 } from '../../shared/lessons/lesson-l1';
import { ascii, EngineProbe, payload } from '../host/testing/engine-probe';
import { ABORT_MID_REQUEST, run, runScript } from './testing/peers';
import { start } from './testing/peer-process';
import { cannotCapture, startCapture, type CaptureTool } from './testing/live-capture';

const work = mkdtempSync(join(tmpdir(), 'wb-capture-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

const noCapture = cannotCapture('tcpdump') ?? cannotCapture('dumpcap');

/** FINs and RSTs in order, as `client|server FIN|RST`: who sent each. */
function closings(events: readonly JournalEvent[]): string[] {
  const who: Partial<Record<JournalEvent['kind'], string>> = { peer_fin: 'client FIN', fin_sent: 'server FIN', rst_received: 'client RST', rst_sent: 'server RST' };
  return events.flatMap((e) => (who[e.kind] ? [who[e.kind] as string] : []));
}

/** The capture of what happens in `exchange`, opened; waits until it holds `closings` and the bytes. */
interface CaptureOptions {
  iface?: string;
  nano?: boolean;
  /** The FINs and RSTs the capture shows, when not the journal's (see the 1 MB case). */
  closings?: string[];
}

async function captured(tool: CaptureTool, name: string, port: number, exchange: () => Promise<string>, options: CaptureOptions = {}): Promise<{ capture: OpenedCapture; connId: string }> {
  const file = join(work, `${name}.${tool === 'tcpdump' ? 'pcap' : 'pcapng'}`);
  const capturing = await startCapture(tool, port, file, options);
  const connId = await exchange();
  const journal = await probe.events(connId);
  const want = options.closings ?? closings(journal);
  const open = (bytes: Uint8Array): OpenedCapture | null => {
    const opened = captureToSession(bytes, file, 'test');
    return opened.ok ? opened.capture : null;
  };
  const bytes = await capturing.finish((bytes) => {
    const conn = open(bytes)?.session.connections[0];
    return conn !== undefined && JSON.stringify(closings(conn.events)) === JSON.stringify(want) && conn.summary.bytesOut === payload(journal, 'out').length;
  });
  const capture = open(bytes);
  if (!capture) throw new Error(`${file} did not open`);
  return { capture, connId };
}

/** The capture's one connection says what the engine's journal of it says. */
async function expectSameAsJournal(capture: OpenedCapture, connId: string, wire?: string[]): Promise<void> {
  const journal = await probe.events(connId);
  const summary = await probe.conn(connId);
  expect(capture.session.connections).toHaveLength(1);
  const conn = capture.session.connections[0];
  if (!conn) return;
  expect(conn.summary.local).toEqual(summary.local);
  expect(conn.summary.remote).toEqual(summary.remote);
  expect(Buffer.from(payload(conn.events, 'in')).equals(payload(journal, 'in'))).toBe(true);
  expect(Buffer.from(payload(conn.events, 'out')).equals(payload(journal, 'out'))).toBe(true);
  expect(closings(conn.events)).toEqual(wire ?? closings(journal));
  expect(capture.gaps).toEqual([]);
  // Times only grow, from the capture's own clock.
  const times = conn.events.map((e) => e.t);
  expect([...times].sort((a, b) => a - b)).toEqual(times);
}

describe.skipIf(noCapture !== undefined)(`captures of loopback traffic, opened${noCapture ? ` (skipped: ${noCapture})` : ''}`, () => {
  it("tcpdump (pcap, µs): lesson L1's Python client and the lesson's server", async () => {
    probe = new EngineProbe();
    const { port } = await probe.call('server.start', { host: '127.0.0.1', port: 0, settings: LESSON_L1.server.settings });
    const { capture, connId } = await captured('tcpdump', 'l1', port, async () => {
      const program = join(work, 'l1-client.py');
      writeFileSync(program, LESSON_L1.peer(port).text);
      expect((await start('python3', ['-B', program], { timeoutMs: 15_000 }).done).code).toBe(0);
      const { connId } = await probe.serverConn();
      await probe.waitForKind(connId, 'closed');
      return connId;
    });
    expect(capture.container).toBe('pcap');
    await expectSameAsJournal(capture, connId);
    expect(closings(capture.session.connections[0]?.events ?? [])).toEqual(['server FIN', 'client FIN']);
  });

  it('dumpcap (pcapng): curl asks twice on one kept-alive connection', async () => {
    probe = new EngineProbe();
    const answer = ascii('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello');
    const { port } = await probe.startServer({ after: 'keep_alive', responder: { kind: 'canned', bytes: answer } });
    const { capture, connId } = await captured('dumpcap', 'keep-alive', port, async () => {
      const seen = await run('curl', ['-sS', `http://127.0.0.1:${port}/one`, `http://127.0.0.1:${port}/two`]);
      expect(seen.stdout.toString()).toBe('hellohello');
      const { connId } = await probe.serverConn();
      await probe.waitForKind(connId, 'closed');
      return connId;
    });
    expect(capture.container).toBe('pcapng');
    await expectSameAsJournal(capture, connId);
    expect(capture.session.connections[0]?.summary.firstLines).toEqual({ in: 'GET /one HTTP/1.1', out: 'HTTP/1.1 200 OK' });
  });

  it('tcpdump on "any" (Linux cooked headers, ns): a Python client sends half a request and resets', async () => {
    probe = new EngineProbe();
    const { port } = await probe.startServer({ answerWhen: 'request_end' });
    const { capture, connId } = await captured(
      'tcpdump',
      'reset',
      port,
      async () => {
        expect((await runScript(port, ABORT_MID_REQUEST)).code).toBe(0);
        const { connId } = await probe.serverConn();
        await probe.waitForKind(connId, 'closed');
        return connId;
      },
      { iface: 'any', nano: true },
    );
    await expectSameAsJournal(capture, connId);
    expect(capture.session.connections[0]?.summary).toMatchObject({ reset: true, rstCause: 'mid_exchange' });
  });

  it('dumpcap: curl fetches a 1 MB static file, reassembled from its segments byte for byte', async () => {
    probe = new EngineProbe();
    const root = mkdtempSync(join(work, 'root-'));
    const content = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < content.length; i++) content[i] = (i * 13 + (i >> 9)) & 0xff;
    writeFileSync(join(root, 'big.bin'), content);
    const { port } = await probe.startServer({ responder: { kind: 'static', root }, answerWhen: 'request_end', after: 'close' });
    // The server lets go once its FIN is out (after: close), so the client's FIN, which the
    // capture shows, reaches a socket the journal no longer watches: the kernel answers it.
    const wire = ['server FIN', 'client FIN'];
    const { capture, connId } = await captured(
      'dumpcap',
      'one-megabyte',
      port,
      async () => {
        const seen = await run('curl', ['-sS', `http://127.0.0.1:${port}/big.bin`]);
        expect(seen.stdout.equals(content)).toBe(true);
        const { connId } = await probe.serverConn();
        await probe.waitForKind(connId, 'closed');
        return connId;
      },
      { closings: wire },
    );
    await expectSameAsJournal(capture, connId, wire);
  });
});
