// HAR 1.2 from real journals: curl against Wirebench's engine (a canned answer, two requests kept
// alive on one connection, a chunked binary answer) and the engine's own client, each journal
// turned into HAR and validated against the HAR 1.2 JSON schema (har-schema, the schema
// har-validator used) with Ajv, then checked against what was sent.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngineProbe } from '../../main/host/testing/engine-probe';
import { run } from '../../main/engine/testing/peers';
import type { ConnSummary, JournalEvent } from '../contract/contract';
import { L1_HELLO_WORLD } from '../server/presets';
import { connectionsToHar, connectionToHar } from './har';
import type { Har, HarEntry } from './har-types';

const require = createRequire(import.meta.url);
const HAVE_CURL = !spawnSync('curl', ['--version']).error;
const skipped = HAVE_CURL ? '' : ' (skipped: no curl on this machine)';
const ascii = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(text, 'latin1'));

let validateHar: ValidateFunction;
beforeAll(() => {
  // har-schema's files are draft-06 and use two keywords of their own ("min", "optional"), which
  // strict mode would refuse; the rest (required fields, types, formats) is checked.
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-06.json') as object);
  const addFormats = addFormatsModule as unknown as (a: Ajv) => void;
  addFormats(ajv);
  const schemas = require('har-schema') as Record<string, object>;
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  const har = ajv.getSchema('har.json#');
  if (!har) throw new Error('har-schema has no har.json');
  validateHar = har;
});

/** Valid HAR 1.2, and what the schema's "min" keywords meant: timings >= -1, send/wait/receive >= 0, time their sum. */
function expectValid(har: Har): void {
  const json = JSON.parse(JSON.stringify(har)) as unknown;
  expect(validateHar(json), JSON.stringify(validateHar.errors, null, 1)).toBe(true);
  for (const e of har.log.entries) {
    for (const value of Object.values(e.timings)) if (typeof value === 'number') expect(value).toBeGreaterThanOrEqual(-1);
    expect(Math.min(e.timings.send, e.timings.wait, e.timings.receive)).toBeGreaterThanOrEqual(0);
    expect(e.time).toBeCloseTo(e.timings.send + e.timings.wait + e.timings.receive, 2);
  }
}

let probe: EngineProbe;
afterEach(async () => {
  await probe.engine.close();
});

async function journal(connId: string): Promise<{ summary: ConnSummary; events: JournalEvent[] }> {
  await probe.waitForKind(connId, 'closed');
  return { summary: await probe.conn(connId), events: await probe.events(connId) };
}

const entryOf = (har: Har, i: number): HarEntry => {
  const e = har.log.entries[i];
  if (!e) throw new Error(`no entry ${i}`);
  return e;
};

describe(`HAR of real exchanges${skipped}`, () => {
  it.skipIf(!HAVE_CURL)('curl against the canned L1 answer: one entry, its query, cookies and times', async () => {
    probe = new EngineProbe();
    const info = await probe.startServer();
    const curl = await run('curl', ['-sS', '-b', 'k=v; two=2', `http://127.0.0.1:${info.port}/page?a=1&b=x%20y`]);
    expect(curl.code, curl.stderr).toBe(0);
    const { summary, events } = await journal((await probe.serverConn()).connId);
    const har = connectionToHar(summary, events, { creatorVersion: 'test' });
    expectValid(har);
    expect(har.log.creator).toEqual({ name: 'Wirebench', version: 'test' });
    expect(har.log.entries).toHaveLength(1);
    const e = entryOf(har, 0);
    expect(e.request).toMatchObject({
      method: 'GET',
      url: `http://127.0.0.1:${info.port}/page?a=1&b=x%20y`,
      httpVersion: 'HTTP/1.1',
      queryString: [
        { name: 'a', value: '1' },
        { name: 'b', value: 'x y' },
      ],
      cookies: [
        { name: 'k', value: 'v' },
        { name: 'two', value: '2' },
      ],
      bodySize: 0,
    });
    expect(e.request.postData).toBeUndefined();
    const requestBytes = events.find((x) => x.kind === 'data' && x.dir === 'in');
    expect(e.request.headersSize).toBe(requestBytes?.kind === 'data' ? requestBytes.length : -1);
    expect(e.request.headers.map((h) => h.name)).toEqual(['Host', 'User-Agent', 'Accept', 'Cookie']);
    const l1 = Buffer.from(L1_HELLO_WORLD.bytes).toString('latin1');
    const head = l1.indexOf('\r\n\r\n') + 4;
    expect(e.response).toMatchObject({
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }],
      headersSize: head,
      bodySize: l1.length - head,
      redirectURL: '',
      cookies: [],
    });
    // No Content-Length: the body ran until the server's FIN.
    expect(e.response.content).toEqual({ size: l1.length - head, mimeType: 'text/html; charset=utf-8', text: l1.slice(head) });
    const opened = events[0];
    expect(opened?.kind).toBe('opened');
    expect(Date.parse(e.startedDateTime)).toBeGreaterThanOrEqual(Math.floor(opened?.at ?? 0));
    expect(e.timings).toMatchObject({ blocked: -1, dns: -1, connect: -1, ssl: -1 });
    expect(e.serverIPAddress).toBe('127.0.0.1');
    expect(e.connection).toBe(String(summary.remote.port));
  });

  it.skipIf(!HAVE_CURL)('keep-alive: two requests on one connection, a form POST the second, each with its answer', async () => {
    probe = new EngineProbe();
    const answer = 'HTTP/1.1 201 Created\r\nContent-Length: 5\r\nSet-Cookie: s=1; Path=/; HttpOnly; Expires=Wed, 09 Jun 2027 10:18:14 GMT\r\nLocation: /made\r\n\r\nhello';
    const info = await probe.startServer({ responder: { kind: 'canned', bytes: ascii(answer) }, answerWhen: 'request_end', after: 'keep_alive' });
    const base = `http://127.0.0.1:${info.port}`;
    const curl = await run('curl', ['-sS', `${base}/one`, '--next', '-sS', '--data-binary', 'a=1&b=%C3%A9', '-H', 'Content-Type: application/x-www-form-urlencoded', `${base}/two`]);
    expect(curl.code, curl.stderr).toBe(0);
    expect(curl.stdout.toString()).toBe('hellohello');
    const conns = (await probe.conns()).filter((c) => c.role === 'server');
    expect(conns).toHaveLength(1); // curl kept the connection for its second request
    const { summary, events } = await journal((conns[0] as ConnSummary).connId);
    const har = connectionToHar(summary, events);
    expectValid(har);
    expect(har.log.entries.map((e) => `${e.request.method} ${e.request.url} ${e.response.status}`)).toEqual([
      `GET ${base}/one 201`,
      `POST ${base}/two 201`,
    ]);
    const second = entryOf(har, 1);
    expect(second.request.postData).toEqual({
      mimeType: 'application/x-www-form-urlencoded',
      text: 'a=1&b=%C3%A9',
      params: [
        { name: 'a', value: '1' },
        { name: 'b', value: 'é' },
      ],
    });
    expect(second.request.bodySize).toBe(12);
    expect(second.response.cookies).toEqual([{ name: 's', value: '1', path: '/', httpOnly: true, expires: '2027-06-09T10:18:14.000Z' }]);
    expect(second.response.redirectURL).toBe('/made');
    expect(second.response.content).toEqual({ size: 5, mimeType: 'x-unknown', text: 'hello' });
    // The second request went after the first answer.
    expect(Date.parse(second.startedDateTime)).toBeGreaterThanOrEqual(Date.parse(entryOf(har, 0).startedDateTime));
  });

  it.skipIf(!HAVE_CURL)('a chunked binary answer: content is the chunk data, base64, bodySize the bytes as sent', async () => {
    probe = new EngineProbe();
    const head = 'HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n';
    const body = '3\r\n\x00\xff\x01\r\n2;x=y\r\n\xfe\x80\r\n0\r\nX-Trailer: t\r\n\r\n';
    const info = await probe.startServer({ responder: { kind: 'canned', bytes: ascii(head + body) }, answerWhen: 'request_end', after: 'close' });
    const curl = await run('curl', ['-sS', '-o', '/dev/null', `http://127.0.0.1:${info.port}/bin`]);
    expect(curl.code, curl.stderr).toBe(0);
    const { summary, events } = await journal((await probe.serverConn()).connId);
    const har = connectionToHar(summary, events);
    expectValid(har);
    const e = entryOf(har, 0);
    expect(e.response.content).toEqual({
      size: 5,
      mimeType: 'application/octet-stream',
      text: Buffer.from([0x00, 0xff, 0x01, 0xfe, 0x80]).toString('base64'),
      encoding: 'base64',
    });
    expect(e.response.bodySize).toBe(body.length);
    expect(e.response.headersSize).toBe(head.length);
    expect(e.response.comment).toBe('trailers: X-Trailer: t');
  });
});

describe(`HAR of an interim answer${skipped}`, () => {
  it.skipIf(!HAVE_CURL)('a 100 Continue before the final answer: the entry pairs the request with the final one', async () => {
    probe = new EngineProbe();
    const answer = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone';
    const info = await probe.startServer({ responder: { kind: 'canned', bytes: ascii(answer) }, answerWhen: 'request_end', after: 'close' });
    const curl = await run('curl', ['-sS', '--data-binary', 'x=1', `http://127.0.0.1:${info.port}/form`]);
    expect(curl.code, curl.stderr).toBe(0);
    const { summary, events } = await journal((await probe.serverConn()).connId);
    const har = connectionToHar(summary, events);
    expectValid(har);
    expect(har.log.entries).toHaveLength(1);
    expect(entryOf(har, 0).response).toMatchObject({ status: 200, content: { size: 4, text: 'done' } });
    expect(entryOf(har, 0).request.postData).toMatchObject({ mimeType: 'application/x-www-form-urlencoded', text: 'x=1', params: [{ name: 'x', value: '1' }] });
  });
});

describe(`HAR of several connections${skipped}`, () => {
  it.skipIf(!HAVE_CURL)('two curl runs, a connection each: one log, entries in the order they started', async () => {
    probe = new EngineProbe();
    const info = await probe.startServer({ answerWhen: 'request_end', after: 'close' });
    for (const path of ['/first', '/second']) {
      const curl = await run('curl', ['-sS', '-o', '/dev/null', `http://127.0.0.1:${info.port}${path}`]);
      expect(curl.code, curl.stderr).toBe(0);
    }
    const conns = [];
    for (const i of [1, 0]) conns.push(await journal((await probe.serverConn(i)).connId));
    const har = connectionsToHar(conns);
    expectValid(har);
    expect(har.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual(['/first', '/second']);
    expect(new Set(har.log.entries.map((e) => e.connection)).size).toBe(2);
  });
});

describe('HAR of the engine client', () => {
  it('a client-role connection: the server is the remote end; a binary POST body is base64; an unanswered request gets status 0', async () => {
    probe = new EngineProbe();
    const info = await probe.startServer({ responder: { kind: 'canned', bytes: ascii('HTTP/1.1 204 No Content\r\n\r\n') }, answerWhen: 'request_end', after: 'keep_alive' });
    const client = await probe.call('client.connect', { host: '127.0.0.1', port: info.port });
    const post = Buffer.concat([Buffer.from('POST /up HTTP/1.1\r\nHost: up.test\r\nContent-Length: 3\r\n\r\n', 'latin1'), Buffer.from([0xff, 0x00, 0xfe])]);
    await probe.call('client.send', { connId: client.connId, bytes: new Uint8Array(post) });
    await probe.waitFor('the 204', async () => (await probe.events(client.connId)).some((e) => e.kind === 'data' && e.dir === 'in'));
    // A second request the server never answers: the client closes first.
    await probe.call('client.send', { connId: client.connId, bytes: ascii('GET /never HTTP/1.1\r\nHost: up.test\r\n') });
    await probe.call('client.close', { connId: client.connId });
    const { summary, events } = await journal(client.connId);
    expect(summary.role).toBe('client');
    const har = connectionToHar(summary, events);
    expectValid(har);
    const [first, second] = [entryOf(har, 0), entryOf(har, 1)];
    expect(first.request.url).toBe('http://up.test/up');
    expect(first.request.postData).toEqual({ mimeType: '', text: Buffer.from([0xff, 0x00, 0xfe]).toString('base64'), _encoding: 'base64', comment: 'text is base64: the body is not UTF-8 text' });
    expect(first.response.status).toBe(204);
    expect(first.serverIPAddress).toBe('127.0.0.1');
    expect(first.connection).toBe(String(summary.local.port));
    expect(second.request.comment).toBe('incomplete: the connection ended before the whole message');
    expect(second.response).toMatchObject({ status: 0, headersSize: -1, bodySize: -1 });
    expect(second.timings).toMatchObject({ wait: 0, receive: 0 });
  });
});

describe('the validator', () => {
  it('refuses what HAR 1.2 forbids, so a pass means something', () => {
    const entry = { startedDateTime: 'yesterday', time: 0, request: {}, response: {}, cache: {}, timings: { send: 0, wait: 0, receive: 0 } };
    expect(validateHar({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [entry] } })).toBe(false);
    const paths = (validateHar.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
    expect(paths).toContain('/log/entries/0/startedDateTime must match format "date-time"');
    expect(paths).toContain("/log/entries/0/request must have required property 'url'");
    expect(paths).toContain("/log/entries/0/response must have required property 'status'");
  });
});

describe('HAR timings', () => {
  it('are the journal times of the chunks that carried each message: send from first to last request chunk, wait to the answer, receive over it', async () => {
    probe = new EngineProbe();
    const info = await probe.startServer({ responder: { kind: 'canned', bytes: ascii('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok') }, answerWhen: 'request_end', after: 'close' });
    const client = await probe.call('client.connect', { host: '127.0.0.1', port: info.port });
    // The request in two chunks: its head first, the end of it once the server has journaled the first.
    await probe.call('client.send', { connId: client.connId, bytes: ascii('GET /slow HTTP/1.1\r\n') });
    const server = await probe.serverConn();
    await probe.waitFor('the first chunk at the server', async () => (await probe.events(server.connId)).some((e) => e.kind === 'data'));
    await probe.call('client.send', { connId: client.connId, bytes: ascii('Host: t\r\n\r\n') });
    const { summary, events } = await journal(server.connId);
    const har = connectionToHar(summary, events);
    expectValid(har);
    const chunks = events.filter((e) => e.kind === 'data');
    expect(chunks.map((e) => (e.kind === 'data' ? e.dir : ''))).toEqual(['in', 'in', 'out']);
    const [first, last, answer] = chunks as [JournalEvent, JournalEvent, JournalEvent];
    const e = entryOf(har, 0);
    const round = (v: number): number => Math.round(v * 1000) / 1000;
    expect(e.timings).toEqual({ blocked: -1, dns: -1, connect: -1, ssl: -1, send: round(last.t - first.t), wait: round(answer.t - last.t), receive: 0 });
    expect(e.startedDateTime).toBe(new Date(first.at).toISOString());
  });
});
