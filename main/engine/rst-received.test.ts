// Every RST that reaches one of our sockets is a `rst_received` event of its own, whichever way
// Node tells us (or does not): ECONNRESET on a read, EPIPE on a write after the peer's FIN, or only
// the kernel's state leaving CLOSE_WAIT for CLOSED. Real peers only: lesson L2's own server in
// python3, our own server, and python3 clients that abort with SO_LINGER 0.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import { createI18n } from '../../shared/i18n/catalog';
import { rstReasonKey, rstReceivedIn } from '../../shared/teardown/rst-reason';
import { ascii, EngineProbe, kinds } from '../host/testing/engine-probe';
import { ABORT_MID_REQUEST, counts, L2_SERVER, runScript, startPythonServer, type ScriptStep } from './testing/peers';
import { TABLE_WAIT_MS, tableTooBig } from './kernel-tcp/table-size';

// The test that needs the kernel's table may first wait for an earlier burst's TIME_WAITs to go.
vi.setConfig({ testTimeout: TABLE_WAIT_MS + 20_000 });

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

const t = createI18n().t;
const rsts = (events: readonly JournalEvent[]) => events.filter((e) => e.kind === 'rst_received');

/** The summary says the same cause as the journal read whole (a card shows it without the events). */
async function expectSummaryCause(connId: string, events: readonly JournalEvent[]): Promise<void> {
  expect((await probe.conn(connId)).rstCause).toBe(rstReceivedIn(events)?.cause ?? null);
}

/** Lesson L2 as the learner plays it: connect, type the request line, read the answer and the FIN. */
async function playL2(): Promise<string> {
  const server = await startPythonServer(L2_SERVER, ['127.0.0.1']);
  const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port: server.port });
  await probe.call('client.send', { connId, bytes: ascii('GET /hello HTTP/1.1\r\n') });
  await probe.waitForKind(connId, 'peer_fin');
  expect((await server.done).code).toBe(0); // the server has closed its socket: nobody reads any more
  return connId;
}

/** Sends a line every 50 ms until the journal holds an RST (or the engine refuses to send more). */
async function typeUntilReset(connId: string): Promise<JournalEvent[]> {
  return probe.waitFor('rst_received', async () => {
    const events = await probe.events(connId);
    if (rsts(events).length > 0) return events;
    const sent = await probe.dispatch('client.send', { connId, bytes: ascii('one more line\r\n') });
    if (!sent.ok) expect(sent.error.code).toBe('not_writable');
    await new Promise((r) => setTimeout(r, 50));
    return false;
  });
}

describe('rst_received: an RST that reached our socket is journaled once, with how Node saw it', () => {
  it('L2, kernel: the server closed, we typed a line, its kernel answered RST; the sampler sees CLOSE_WAIT → CLOSED', async (ctx) => {
    const why = await tableTooBig();
    if (why) ctx.skip(why);
    probe = new EngineProbe({ kernelStates: true });
    const connId = await playL2();
    // Our side is in CLOSE_WAIT (the server's FIN came, ours has not gone): the kernel says so.
    await probe.waitFor('CLOSE_WAIT', async () => (await probe.events(connId)).some((e) => e.kind === 'tcp_state' && e.state === 'CLOSE_WAIT'));
    await probe.call('client.send', { connId, bytes: ascii('one more line\r\n') });
    // Node is not reading (it saw EOF) and was not writing: only the kernel knows of the RST.
    const events = await probe.waitForKind(connId, 'rst_received');
    expect(rsts(events)).toMatchObject([{ how: 'kernel' }]);
    const at = events.findIndex((e) => e.kind === 'rst_received');
    expect(events[at + 1]).toMatchObject({ kind: 'tcp_state', state: 'CLOSED' });
    expect(await probe.conn(connId)).toMatchObject({ reset: true, finSent: false });

    // The next line: now Node hears of it too (EPIPE on the write), but it is the same RST.
    await probe.call('client.send', { connId, bytes: ascii('and another\r\n') });
    const after = await probe.waitForKind(connId, 'closed');
    expect(after.some((e) => e.kind === 'error' && e.code === 'EPIPE')).toBe(true);
    expect(rsts(after)).toHaveLength(1);

    const rst = rstReceivedIn(after);
    expect(rst).toMatchObject({ how: 'kernel', cause: 'sent_after_fin' });
    await expectSummaryCause(connId, after);
    expect(t(rstReasonKey('client', rst?.cause ?? 'before_data'))).toBe(
      'the server had closed its socket, so its kernel answered your bytes with RST',
    );
  });

  it('L2, write: without the sampler, the write after the RST fails with EPIPE, journaled as rst_received', async () => {
    probe = new EngineProbe({ kernelStates: false });
    const connId = await playL2();
    const events = await typeUntilReset(connId);
    expect(rsts(events)).toMatchObject([{ how: 'write' }]);
    const all = await probe.waitForKind(connId, 'closed');
    expect(rsts(all)).toHaveLength(1);
    // The OS's own report stays beside it, right after: what a learner's program would see.
    const at = all.findIndex((e) => e.kind === 'rst_received');
    expect(all[at + 1]).toMatchObject({ kind: 'error', code: 'EPIPE' });
    expect(rstReceivedIn(all)).toMatchObject({ how: 'write', cause: 'sent_after_fin' });
    await expectSummaryCause(connId, all);
  });

  it('read: a server answers, then aborts (SO_LINGER 0) once we have read it; our read fails with ECONNRESET', async () => {
    probe = new EngineProbe({ kernelStates: true });
    const server = await startPythonServer(L2_SERVER, ['127.0.0.1', 'abort']);
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port: server.port });
    await probe.call('client.send', { connId, bytes: ascii('GET /hello HTTP/1.1\r\n') });
    const events = await probe.waitForKind(connId, 'closed');
    expect((await server.done).code).toBe(0);
    expect(rsts(events)).toMatchObject([{ how: 'read' }]);
    expect(kinds(events)).not.toContain('peer_fin');
    const at = events.findIndex((e) => e.kind === 'rst_received');
    expect(events[at + 1]).toMatchObject({ kind: 'error', code: 'ECONNRESET' });
    expect(rstReceivedIn(events)).toMatchObject({ how: 'read', cause: 'mid_exchange' });
    await expectSummaryCause(connId, events);
    expect(t(rstReasonKey('client', 'mid_exchange'))).toMatch(/^the server reset the connection/);
  });

  it('our server answers and resets (after: reset): our own client journals the RST once', async () => {
    probe = new EngineProbe({ kernelStates: true });
    const { port } = await probe.startServer({ after: 'reset' });
    const { connId } = await probe.call('client.connect', { host: '127.0.0.1', port });
    await probe.call('client.send', { connId, bytes: ascii('GET / HTTP/1.1\r\nHost: x\r\n\r\n') });
    const events = await probe.waitForKind(connId, 'rst_received');
    // The answer and the RST come back to back. If our read took the answer before the RST came,
    // the next read fails (ECONNRESET); if both were in when it read, libuv reports the end of the
    // stream as if a FIN had come (POLLHUP after a short read), and only the kernel tells.
    const [rst] = rsts(events);
    expect(['read', 'kernel']).toContain(rst?.how);
    expect(kinds(events)).toContain('data in');
    const server = await probe.serverConn();
    const serverEvents = await probe.waitForKind(server.connId, 'closed');
    expect(kinds(serverEvents)).toContain('rst_sent');
    expect(rsts(serverEvents)).toHaveLength(0);
    expect(rsts(await probe.events(connId))).toHaveLength(1);
  });

  it('read: a client aborts (SO_LINGER 0) while our server waits for the rest of its request', async () => {
    probe = new EngineProbe({ kernelStates: true });
    const { port } = await probe.startServer({ answerWhen: 'request_end' });
    const client = runScript(port, ABORT_MID_REQUEST);
    const server = await probe.serverConn();
    const events = await probe.waitForKind(server.connId, 'closed');
    expect((await client).code).toBe(0);
    expect(rsts(events)).toMatchObject([{ how: 'read' }]);
    expect(events.some((e) => e.kind === 'error' && e.code === 'ECONNRESET')).toBe(true);
    // Half a request had come: the client aborted in the middle of the exchange.
    expect(rstReceivedIn(events)).toMatchObject({ cause: 'mid_exchange' });
    await expectSummaryCause(server.connId, events);
    expect(t(rstReasonKey('server', 'mid_exchange'))).toMatch(/^the client reset the connection/);
  });

  it('our server side: it drips its answer to a client that half-closed, then closed; the client’s kernel resets it', async () => {
    probe = new EngineProbe({ kernelStates: true });
    const { port } = await probe.startServer({ after: 'drip', dripBytes: 1, dripEveryMs: 100 });
    const client = runScript(port, FIN_THEN_CLOSE);
    const server = await probe.serverConn();
    expect((await client).code).toBe(0);
    // Our socket was in CLOSE_WAIT, still sending: the RST comes for the drip's bytes. Node may
    // hear of it on the next write (EPIPE), or the kernel's table tell it first.
    const events = await probe.waitForKind(server.connId, 'closed');
    expect(rsts(events)).toHaveLength(1);
    expect(['kernel', 'write']).toContain(rsts(events)[0]?.how);
    expect(rstReceivedIn(events)).toMatchObject({ cause: 'sent_after_fin' });
    await expectSummaryCause(server.connId, events);
    expect(t(rstReasonKey('server', 'sent_after_fin'))).toBe("the client had closed its socket, so its kernel answered the server's bytes with RST");
  });

  it('our server closes after answering (after: close): the client’s late bytes meet a socket that is gone', async () => {
    probe = new EngineProbe({ kernelStates: true });
    const { port } = await probe.startServer({ after: 'close' });
    const client = await runScript(port, LATE);
    expect(client.code).toBe(0);
    // The python client saw the RST our kernel sent for us, as its lesson would:
    expect(counts(client.stderr).sendfail).toBe(1); // BrokenPipeError or ConnectionResetError
    const server = await probe.serverConn();
    const events = await probe.waitForKind(server.connId, 'closed');
    // Our socket was released with the FIN: nothing of ours was there to receive the RST.
    expect(rsts(events)).toHaveLength(0);
    expect(kinds(events)).toContain('fin_sent');
  });
});

// The python3 clients, as scripts for the scripted client (testing/peers/scripted-client.py).
/** Sends a request and its FIN, reads a little, then closes: the rest of the answer meets an RST. */
const FIN_THEN_CLOSE: ScriptStep[] = [['send', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'], ['shut_wr'], ['recv', 1]];
/** Sends a request, reads the answer to EOF, then keeps sending: a send meets the RST and fails. */
const LATE: ScriptStep[] = [
  ['send', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'],
  ['read_all'],
  ...Array.from({ length: 50 }, (): ScriptStep[] => [['send', 'more\r\n'], ['sleep', 0.05]]).flat(),
];
