// Every responder's bytes enter the journal as plain Uint8Arrays, so every host carries them as
// bytes: a file read by Node is a Buffer, whose toJSON ran before the wire codec's replacer and
// turned a file's chunk into {"type":"Buffer","data":[…]} on the web host and in `serve --json`
// (issue 14, item 1: the page went blank on Bytes, Hex and Diagram for a static file's connection).
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/contract/contract';
import type { ServerSettingsPatch } from '../../shared/server/settings';
import { decodeWire, encodeWire } from '../../shared/contract/wire-codec';
import { ascii, EngineProbe, payload } from '../host/testing/engine-probe';

const FILE = Uint8Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256);
let dir: string;
let probe: EngineProbe;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wirebench-journal-bytes-'));
  writeFileSync(join(dir, 'pic.jpg'), FILE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => probe?.engine.close());

function fetchPath(port: number, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve(Buffer.concat(parts)));
    });
    req.on('error', reject);
    req.end();
  });
}

const KINDS: [string, ServerSettingsPatch, string][] = [
  ['canned', { responder: { kind: 'canned', bytes: ascii('HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi') } }, '/'],
  ['static', { responder: { kind: 'static', root: dir! } }, '/pic.jpg'],
  [
    'routes, file',
    { responder: { kind: 'routes', routes: [{ method: 'GET', path: '/pic.jpg', response: { kind: 'file', path: '', contentType: 'image/jpeg' } }] } },
    '/pic.jpg',
  ],
  [
    'routes, bytes',
    { responder: { kind: 'routes', routes: [{ method: 'GET', path: '/b', response: { kind: 'bytes', bytes: ascii('HTTP/1.0 200 OK\r\n\r\nb') } }] } },
    '/b',
  ],
  ['echo', { responder: { kind: 'echo' } }, '/echo'],
];

describe('journal bytes, every responder', () => {
  it.each(KINDS)('%s: every data event holds a plain Uint8Array that survives the wire codec', async (_name, settings, path) => {
    // The root is known only once beforeAll ran: patch it in here.
    const patched = structuredClone(settings);
    if (patched.responder?.kind === 'static') patched.responder.root = dir;
    if (patched.responder?.kind === 'routes') {
      for (const r of patched.responder.routes) if (r.response.kind === 'file') r.response.path = join(dir, 'pic.jpg');
    }
    probe = new EngineProbe();
    const info = await probe.startServer({ ...patched, after: 'close' });
    const body = await fetchPath(info.port, path);
    if (path === '/pic.jpg') expect(Buffer.compare(body, Buffer.from(FILE))).toBe(0);
    const conn = await probe.serverConn();
    const events = await probe.waitForKind(conn.connId, 'closed');
    const data = events.filter((e): e is Extract<JournalEvent, { kind: 'data' }> => e.kind === 'data');
    expect(data.length).toBeGreaterThan(1);
    for (const e of data) {
      expect(Object.getPrototypeOf(e.bytes)).toBe(Uint8Array.prototype);
    }
    // Across the web host's codec, each chunk is the same bytes again.
    const back = decodeWire(encodeWire(events)) as JournalEvent[];
    expect(payload(back, 'out').equals(payload(events, 'out'))).toBe(true);
    expect(payload(back, 'in').equals(payload(events, 'in'))).toBe(true);
    for (const e of back) if (e.kind === 'data') expect(e.bytes).toBeInstanceOf(Uint8Array);
  });
});

describe('the wire codec', () => {
  it('carries a Node Buffer as bytes, not as its toJSON shape', () => {
    const text = encodeWire({ bytes: Buffer.from('GET / HTTP/1.0\r\n') });
    expect(text).not.toContain('"type":"Buffer"');
    const back = decodeWire(text) as { bytes: Uint8Array };
    expect(Buffer.from(back.bytes).toString('latin1')).toBe('GET / HTTP/1.0\r\n');
  });
});
