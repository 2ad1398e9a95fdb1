// A page's session: events only of the connections it watches, summaries of all, and no event
// lost or sent twice around a watch while requests keep coming. Real sockets on 127.0.0.1.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandOutput, EventPayload, JournalEvent, Result } from '../../shared/contract/contract';
import { Engine } from '../engine/engine';
import { unrestrictedFiles } from './host-handlers';
import { hostSessions, type HostSession } from './host-session';
import { MemorySettingsStore } from '../settings/settings-store';

type Delta = EventPayload<'journal.delta'>;
const REQUEST = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';
const engines: Engine[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const e of engines.splice(0)) await e.close();
});

async function setUp(): Promise<{ engine: Engine; open: () => HostSession; port: number }> {
  const engine = new Engine({ host: 'web', version: 'test', kernelStates: false });
  engines.push(engine);
  const open = hostSessions(engine, { settings: new MemorySettingsStore(), files: unrestrictedFiles(engine) }, (err) => {
    throw err;
  });
  const started = await open().dispatch('server.start', { host: '127.0.0.1', port: 0, settings: { after: 'keep_alive' } });
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  return { engine, open, port: (started.value as CommandOutput<'server.start'>).port };
}

/** A kept-alive client that sends a request whenever asked and counts the answers' ends. */
async function client(port: number): Promise<{ send: () => void; answers: () => number }> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let text = '';
  socket.on('data', (d) => (text += d.toString('latin1')));
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return { send: () => socket.write(REQUEST), answers: () => text.split('HTTP/1.1 ').length - 1 };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

function recorder(session: HostSession): Delta[] {
  const deltas: Delta[] = [];
  session.onEvent((name, payload) => {
    if (name === 'journal.delta') deltas.push(payload as Delta);
  });
  return deltas;
}

async function watch(session: HostSession, watchList: { connId: string; fromSeq: number }[]): Promise<CommandOutput<'journal.watch'>> {
  const result = (await session.dispatch('journal.watch', { watch: watchList })) as Result<CommandOutput<'journal.watch'>>;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const serverConnIds = (engine: Engine): Promise<string[]> =>
  engine.handlers['journal.snapshot']({}).then((s) => s.conns.filter((c) => c.role === 'server').map((c) => c.connId));

/** A page recording its deltas, and a keep-alive client whose connection the engine has opened. */
async function onePageOneClient() {
  const { engine, open, port } = await setUp();
  const page = open();
  const deltas = recorder(page);
  const c = await client(port);
  await until(() => deltas.some((d) => d.conns.length > 0), 'the opened connection');
  const [connId = ''] = await serverConnIds(engine);
  return { engine, page, deltas, c, connId };
}

describe('hostSessions', () => {
  it('sends a page every summary but only the events of the connections it watches', async () => {
    const { engine, open, port } = await setUp();
    const page = open();
    const other = open();
    const deltas = recorder(page);
    const otherDeltas = recorder(other);
    const a = await client(port);
    const b = await client(port);
    await until(() => deltas.some((d) => d.conns.length > 0), 'the opened connections');
    const ids = await serverConnIds(engine);
    expect(ids).toHaveLength(2);
    const [first = '', second = ''] = ids;
    const answer = await watch(page, [{ connId: first, fromSeq: 0 }]);
    expect(answer.journals.map((j) => j.connId)).toEqual([first]);
    expect(answer.journals[0]?.events[0]?.kind).toBe('opened');
    deltas.length = 0;
    a.send();
    b.send();
    await until(() => a.answers() === 1 && b.answers() === 1, 'both answers');
    await engine.close(); // sends the last delta
    const summaries = new Set(deltas.flatMap((d) => d.conns.map((c) => c.connId)));
    expect(summaries).toEqual(new Set([first, second]));
    expect(new Set(deltas.flatMap((d) => d.events.map((e) => e.connId)))).toEqual(new Set([first]));
    // Another page, which watches nothing, gets the summaries and no events.
    expect(otherDeltas.flatMap((d) => d.events)).toEqual([]);
    expect(otherDeltas.some((d) => d.conns.some((c) => c.connId === second))).toBe(true);
  });

  it('loses and repeats nothing around a watch while the connection is busy (merged by seq)', async () => {
    const { engine, page, deltas, c, connId } = await onePageOneClient();
    // Requests in flight before, during and after the watch.
    for (let i = 0; i < 20; i++) c.send();
    await until(() => c.answers() >= 5, 'some answers');
    const answer = await watch(page, [{ connId, fromSeq: 0 }]);
    for (let i = 0; i < 20; i++) c.send();
    await until(() => c.answers() === 40, 'every answer');
    await engine.close();
    const bySeq = new Map<number, JournalEvent>();
    for (const e of [...(answer.journals[0]?.events ?? []), ...deltas.flatMap((d) => d.events)]) bySeq.set(e.seq, e);
    const seqs = [...bySeq.keys()].sort((x, y) => x - y);
    expect(seqs).toEqual(seqs.map((_, i) => i)); // from 0 with no hole
    const all = engine['journal'].events(connId) ?? [];
    expect(seqs.length).toBe(all.length);
    // Delta events of this connection each came once, in order.
    const fromDeltas = deltas.flatMap((d) => d.events).map((e) => e.seq);
    expect(new Set(fromDeltas).size).toBe(fromDeltas.length);
  });

  it('answers from fromSeq on, names connections it does not have, and stops sending unwatched events', async () => {
    const { engine, page, deltas, c, connId } = await onePageOneClient();
    c.send();
    await until(() => c.answers() === 1, 'an answer');
    const whole = await watch(page, [{ connId, fromSeq: 0 }, { connId: 'c999', fromSeq: 0 }]);
    expect(whole.unknown).toEqual(['c999']);
    const events = whole.journals[0]?.events ?? [];
    const tail = await watch(page, [{ connId, fromSeq: 2 }]);
    expect(tail.journals[0]?.events.map((e) => e.seq)).toEqual(events.slice(2).map((e) => e.seq));
    await watch(page, []);
    // Events recorded before the unwatch may still be in a delta on its way; none after it.
    const lastSeen = engine['journal'].events(connId)?.at(-1)?.seq ?? 0;
    deltas.length = 0;
    c.send();
    await until(() => c.answers() === 2, 'the second answer');
    await engine.close();
    expect(deltas.flatMap((d) => d.events).filter((e) => e.seq > lastSeen)).toEqual([]);
    expect(deltas.some((d) => d.conns.some((s) => s.connId === connId))).toBe(true);
  });

  it('refuses a watch of too many connections as bad_input', async () => {
    const { open } = await setUp();
    const result = await open().dispatch('journal.watch', { watch: Array.from({ length: 300 }, (_, i) => ({ connId: `c${i}`, fromSeq: 0 })) });
    expect(result.ok ? null : result.error.code).toBe('bad_input');
  });
});
