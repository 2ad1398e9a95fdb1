// `npm run bench:soak`: a long mixed load on one engine, to see that nothing accumulates. Requests
// go to every responder (canned, static, routes, echo) under every after-answer policy (close,
// half-close, keep-alive, reset, drip), with clients that reset mid-request and clients that read
// slowly. After a warm-up the heap is collected and RSS noted; at the end again: the target is an
// RSS within 10% of the warm-up's. The journal's byte counters are compared with what the peers
// counted on their side. Not a test: nothing here runs in `npm test`.
//   node --expose-gc --import tsx bench/soak.ts [--requests 1000000] [--warmup 50000] [--clients 24]
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { JournalTotals } from '../shared/contract/contract';
import { HTTP_KEEP_ALIVE, L1_HELLO_WORLD, L3_ROUTES } from '../shared/server/presets';
import type { ServerSettingsPatch } from '../shared/server/settings';
import { Engine } from '../main/engine/engine';
import { createHostDispatch, unrestrictedFiles } from '../main/host/host-handlers';
import { MemorySettingsStore } from '../main/settings/settings-store';
import { formatBytes, memoryNow } from './memory';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '1000000' }, warmup: { type: 'string', default: '50000' }, clients: { type: 'string', default: '24' } },
});
const TOTAL = Number(values.requests);
const WARMUP = Math.min(Number(values.warmup), TOTAL);
const CLIENTS = Number(values.clients);

const docroot = join(import.meta.dirname, '..', 'app', 'docroot');
const keepAliveAnswer = HTTP_KEEP_ALIVE.bytes;
/** One kind of server: its settings, and how many requests a connection to it carries. */
interface Kind {
  name: string;
  settings: ServerSettingsPatch;
  perConnection: number;
  path: string;
}
const KINDS: Kind[] = [
  { name: 'canned, close', settings: { responder: { kind: 'canned', bytes: L1_HELLO_WORLD.bytes }, answerWhen: 'first_chunk', after: 'close' }, perConnection: 1, path: '/' },
  { name: 'canned, half-close', settings: { responder: { kind: 'canned', bytes: L1_HELLO_WORLD.bytes }, answerWhen: 'request_end', after: 'half_close' }, perConnection: 1, path: '/' },
  { name: 'canned, keep-alive', settings: { responder: { kind: 'canned', bytes: keepAliveAnswer }, answerWhen: 'request_end', after: 'keep_alive' }, perConnection: 50, path: '/' },
  { name: 'canned, reset', settings: { responder: { kind: 'canned', bytes: L1_HELLO_WORLD.bytes }, answerWhen: 'request_end', after: 'reset' }, perConnection: 1, path: '/' },
  { name: 'canned, drip', settings: { responder: { kind: 'canned', bytes: keepAliveAnswer }, answerWhen: 'request_end', after: 'drip', dripBytes: 32, dripEveryMs: 1 }, perConnection: 1, path: '/' },
  { name: 'static, keep-alive', settings: { responder: { kind: 'static', root: docroot }, answerWhen: 'request_end', after: 'keep_alive' }, perConnection: 20, path: '/test.jpg' },
  { name: 'routes, keep-alive', settings: { responder: { kind: 'routes', routes: L3_ROUTES }, answerWhen: 'request_end', after: 'keep_alive' }, perConnection: 20, path: '/' },
  { name: 'echo, keep-alive', settings: { responder: { kind: 'echo' }, answerWhen: 'request_end', after: 'keep_alive' }, perConnection: 50, path: '/echo' },
];

const engine = new Engine({ host: 'cli', version: 'soak', kernelStates: false });
const dispatch = createHostDispatch(engine, { settings: new MemorySettingsStore(), files: unrestrictedFiles(engine) }, (err) => console.error(err));
const ports: number[] = [];
for (const kind of KINDS) {
  const started = await dispatch('server.start', { host: '127.0.0.1', port: 0, backlog: 511, settings: { ...kind.settings, idleTimeoutMs: 5000, halfCloseWaitMs: 2000 } });
  if (!started.ok) throw new Error(`${kind.name}: ${JSON.stringify(started.error)}`);
  ports.push((started.value as { port: number }).port);
}

/** What the peers counted: bytes they wrote and read, and how many requests were answered. */
const peers = { sent: 0, received: 0, answered: 0, connections: 0, resets: 0, slow: 0 };
let issued = 0;

/** One request's bytes; keep-alive asks to be kept, the last one of a connection says close. */
function request(kind: Kind, last: boolean): Buffer {
  const close = kind.perConnection === 1 || last ? 'Connection: close\r\n' : '';
  return Buffer.from(`GET ${kind.path} HTTP/1.1\r\nHost: soak\r\n${close}Content-Length: 0\r\n\r\n`, 'latin1');
}

/** The length of one answer at the start of `buf` if it is complete (head + Content-Length), else -1. */
function answerLength(buf: Buffer): number {
  const end = buf.indexOf('\r\n\r\n');
  if (end === -1) return -1;
  const m = /content-length: *(\d+)/i.exec(buf.subarray(0, end).toString('latin1'));
  const total = end + 4 + (m ? Number(m[1]) : 0);
  return buf.length >= total ? total : -1;
}

/** One connection to one kind of server: its requests in turn, reading each answer. */
function oneConnection(kindIndex: number, serial: number): Promise<void> {
  const kind = KINDS[kindIndex] as Kind;
  const resets = serial % 97 === 0;
  const slow = serial % 101 === 0;
  peers.connections++;
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: '127.0.0.1', port: ports[kindIndex] as number });
    let pending = Buffer.alloc(0);
    let left = resets ? 1 : Math.min(kind.perConnection, TOTAL - issued);
    const send = (): void => {
      if (left <= 0) return;
      left--;
      issued++;
      const bytes = resets ? request(kind, true).subarray(0, 10) : request(kind, left === 0);
      peers.sent += bytes.length;
      socket.write(bytes);
      if (resets) {
        peers.resets++;
        setTimeout(() => socket.resetAndDestroy(), 1);
      }
    };
    socket.on('connect', send);
    socket.on('data', (chunk: Buffer) => {
      peers.received += chunk.length;
      if (slow) {
        socket.pause();
        setTimeout(() => socket.resume(), 20);
      }
      if (kind.perConnection === 1) return; // read to the end
      pending = Buffer.concat([pending, chunk]);
      for (let n = answerLength(pending); n !== -1; n = answerLength(pending)) {
        pending = pending.subarray(n);
        peers.answered++;
        if (left > 0) send();
        else socket.end();
      }
    });
    socket.on('end', () => {
      if (kind.perConnection === 1) peers.answered++;
      socket.end();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
    if (slow) peers.slow++;
  });
}

async function runUntil(target: number): Promise<void> {
  let serial = peers.connections;
  const worker = async (w: number): Promise<void> => {
    while (issued < target) await oneConnection((serial++ + w) % KINDS.length, serial);
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, w) => worker(w)));
}

const journal = async (): Promise<JournalTotals> => {
  const snap = await dispatch('journal.snapshot', {});
  if (!snap.ok) throw new Error('journal.snapshot failed');
  return (snap.value as { totals: JournalTotals }).totals;
};

const t0 = performance.now();
await runUntil(WARMUP);
await new Promise((r) => setTimeout(r, 2500)); // half-closes and drips finish
const warm = await memoryNow();
console.log(`warm-up: ${issued} requests; RSS ${formatBytes(warm.rss)}${warm.afterGc ? ' after GC' : ' (run with --expose-gc)'}`);
await runUntil(TOTAL);
await new Promise((r) => setTimeout(r, 2500));
const end = await memoryNow();
const seconds = (performance.now() - t0) / 1000;
const totals = await journal();
const ratio = end.rss / warm.rss;
console.log(`load: ${issued} requests over ${peers.connections} connections in ${seconds.toFixed(0)} s (${(issued / seconds).toFixed(0)}/s), ${peers.answered} answers read, ${peers.resets} clients reset, ${peers.slow} read slowly`);
console.log(`RSS: ${formatBytes(end.rss)} at the end, ${ratio.toFixed(3)}x the warm-up's; target within 1.10x: ${ratio <= 1.1 ? 'met' : 'NOT met'}`);
// Bytes a resetting client wrote may be thrown away unread by the server's kernel when its RST
// lands, and an answer the server wrote may meet the client's RST: the counts may differ by those.
console.log(`bytes in: journal ${totals.bytesIn}, peers sent ${peers.sent} (${totals.bytesIn === peers.sent ? 'equal' : `differ by ${peers.sent - totals.bytesIn}, from resets`})`);
console.log(`bytes out: journal ${totals.bytesOut}, peers read ${peers.received} (${totals.bytesOut === peers.received ? 'equal' : `differ by ${totals.bytesOut - peers.received}, from resets`})`);
console.log(`journal: ${totals.connections} connections counted, ${totals.droppedConnections} dropped whole, ${formatBytes(totals.storedPayloadBytes)} of payload stored`);
await engine.close();
