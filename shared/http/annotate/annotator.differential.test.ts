// The annotator against Node's own HTTP parser (llhttp), over real sockets on 127.0.0.1:0: each
// well-formed case (shared/http/annotate/testing/corpus.ts) goes, in a few separate writes, to a node:http
// server (requests) or to node:http's client from a raw net server (responses), and what Node
// reports per message (start line, raw headers in order, body bytes, trailers) must be what the
// annotator reads from the same bytes. Then the annotator alone: fed in two pieces at every split
// point (and in the pieces Node got), it must give exactly the annotation it gives fed whole.
import { readFileSync } from 'node:fs';
import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Side } from './annotation';
import { annotate } from './annotator';
import { join, requestCorpus, responseCorpus, type ResponseCase } from './testing/corpus';
import { coverageError, feedPieces, methodsOption, parsedMessages, type ParsedMessage } from './testing/support';

const JPEG = new Uint8Array(readFileSync(new URL('../../../app/docroot/test.jpg', import.meta.url)));
const REQUESTS = requestCorpus();
const RESPONSES = responseCorpus(JPEG);
/** Cases in flight at once (each on its own connection). */
const PARALLEL = 16;

/** A small deterministic generator (mulberry32), so a failing case's pieces can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Up to three cut points, the same for case `seed` every run. */
function cutsFor(length: number, seed: number): number[] {
  const next = random(seed + 1);
  const count = Math.floor(next() * 4);
  return [...new Set(Array.from({ length: count }, () => 1 + Math.floor(next() * Math.max(1, length - 1))))].sort((a, b) => a - b);
}

/** Writes `bytes` in pieces cut at `cuts`, each its own write and (no Nagle, a pause between) its own segment. */
async function writePieces(socket: Socket, bytes: Uint8Array, cuts: readonly number[]): Promise<void> {
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut > at) socket.write(bytes.subarray(at, cut));
    at = cut;
    if (at < bytes.length) await new Promise((r) => setTimeout(r, 2));
  }
}

/** Node's rawHeaders / rawTrailers (name, value, name, value, ...) as pairs, in order. */
const pairs = (raw: readonly string[]): [string, string][] => raw.flatMap<[string, string]>((v, i) => (i % 2 === 0 ? [[v, raw[i + 1] ?? '']] : []));
const text = (chunks: readonly Buffer[]): string => Buffer.concat(chunks).toString('latin1');

/** What the annotator makes of a well-formed case, plus what is wrong with it as well-formed input. */
function ours(bytes: Uint8Array, side: Side, methods?: readonly string[]): { annotation: Annotation; messages: ParsedMessage[]; faults: string[] } {
  const annotation = annotate(bytes, side, methodsOption(methods));
  const faults = [coverageError(annotation, bytes.length), ...annotation.problems.filter((p) => p.severity === 'error').map((p) => `problem ${p.code} at ${p.offset}`)];
  return { annotation, messages: parsedMessages(annotation, bytes), faults: faults.filter((f): f is string => f !== null) };
}

/** Where Node's messages and ours first differ, in a line: a failure names the case and the byte that matters. */
function difference(node: readonly ParsedMessage[], mine: readonly ParsedMessage[]): string | null {
  if (node.length !== mine.length) return `node read ${node.length} messages, we read ${mine.length}`;
  for (const [i, n] of node.entries()) {
    const m = mine[i] as ParsedMessage;
    if (n.start !== m.start) return `message ${i}: start line ${JSON.stringify(n.start)} vs ours ${JSON.stringify(m.start)}`;
    for (const key of ['headers', 'trailers'] as const) {
      if (JSON.stringify(n[key]) !== JSON.stringify(m[key])) return `message ${i}: ${key} ${JSON.stringify(n[key])} vs ours ${JSON.stringify(m[key])}`;
    }
    if (n.body !== m.body) {
      let at = 0;
      while (n.body[at] === m.body[at]) at++;
      return `message ${i}: body of ${n.body.length} bytes vs ours ${m.body.length}, first difference at ${at}: ${JSON.stringify(n.body.slice(at, at + 20))} vs ${JSON.stringify(m.body.slice(at, at + 20))}`;
    }
  }
  return null;
}

async function inBatches<T>(items: readonly T[], run: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL) await Promise.all(items.slice(i, i + PARALLEL).map((item, k) => run(item, i + k)));
}

interface Seen {
  messages: ParsedMessage[];
  errors: string[];
  changed: () => void;
}

describe('requests: the annotator agrees with a node:http server', () => {
  let server: Server;
  const byPort = new Map<number, Seen>();

  beforeAll(async () => {
    server = createServer({ keepAlive: true }, (req: IncomingMessage, res) => {
      const seen = byPort.get(req.socket.remotePort ?? -1);
      const body: Buffer[] = [];
      req.on('data', (b: Buffer) => body.push(b));
      req.on('end', () => {
        seen?.messages.push({ start: `${req.method} ${req.url} HTTP/${req.httpVersion}`, headers: pairs(req.rawHeaders), trailers: pairs(req.rawTrailers), body: text(body), complete: true });
        seen?.changed();
        res.end();
      });
    });
    server.on('clientError', (err: Error & { code?: string }, socket: Socket) => {
      byPort.get(socket.remotePort ?? -1)?.errors.push(`${err.code ?? ''} ${err.message}`);
      socket.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** Node's messages for `bytes` sent in pieces; done when it has as many as we found (or 1 s passed). */
  async function nodeReads(bytes: Uint8Array, cuts: number[], expected: number): Promise<Seen> {
    const socket = connect({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', noDelay: true });
    socket.resume();
    await new Promise((r) => socket.once('connect', r));
    let wake = (): void => {};
    const seen: Seen = { messages: [], errors: [], changed: () => wake() };
    byPort.set(socket.localPort ?? -1, seen);
    const settled = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      wake = () => seen.messages.length >= expected && (clearTimeout(timer), setTimeout(resolve, 5));
    });
    await writePieces(socket, bytes, cuts);
    await settled;
    socket.destroy();
    byPort.delete(socket.localPort ?? -1);
    return seen;
  }

  it(`has at least 200 cases (${REQUESTS.length})`, () => expect(REQUESTS.length).toBeGreaterThanOrEqual(200));

  it('reads every case as Node does: messages, request lines, raw headers, bodies, trailers', async () => {
    const mismatches: string[] = [];
    await inBatches(REQUESTS, async (c, i) => {
      const cuts = cutsFor(c.bytes.length, i);
      const mine = ours(c.bytes, 'request');
      const node = await nodeReads(c.bytes, cuts, mine.messages.length);
      const split = JSON.stringify(feedPieces(c.bytes, 'request', cuts)) === JSON.stringify(mine.annotation);
      const differs = difference(node.messages, mine.messages);
      const faults = [...mine.faults, ...node.errors.map((e) => `node: ${e}`), ...(split ? [] : [`split at ${cuts.join(',')} differs`]), ...(differs ? [differs] : [])];
      if (faults.length > 0) mismatches.push(`${c.name}: ${faults.join('; ')}`);
    });
    expect(mismatches).toEqual([]);
  });
});

describe('responses: the annotator agrees with the node:http client', () => {
  let server: NetServer;

  beforeAll(async () => {
    // Answers exchange k of case `/case/<i>` when the client's k-th request head is in; the last answer ends the connection.
    server = createNetServer({ noDelay: true }, (socket) => {
      let got = '';
      let answered = 0;
      let busy = Promise.resolve();
      socket.on('data', (b: Buffer) => {
        got += b.toString('latin1');
        const index = Number(/^[A-Z]+ \/case\/(\d+) /.exec(got)?.[1] ?? -1);
        const c = RESPONSES[index];
        for (let heads = got.split('\r\n\r\n').length - 1; c && answered < heads && answered < c.exchanges.length; answered++) {
          const k = answered;
          const bytes = (c.exchanges[k] as ResponseCase['exchanges'][number]).bytes;
          busy = busy.then(async () => {
            await writePieces(socket, bytes, cutsFor(bytes.length, index * 31 + k));
            if (k === c.exchanges.length - 1) socket.end();
          });
        }
      });
      socket.on('error', () => socket.destroy());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** Node's client: the case's requests one after another on one kept-alive connection, every 1xx and final response it reports. */
  async function nodeReads(c: ResponseCase, index: number): Promise<{ messages: ParsedMessage[]; errors: string[] }> {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const messages: ParsedMessage[] = [];
    const errors: string[] = [];
    const port = (server.address() as AddressInfo).port;
    for (const exchange of c.exchanges) {
      await new Promise<void>((resolve) => {
        const req = request({ agent, host: '127.0.0.1', port, method: exchange.method, path: `/case/${index}` }, (res) => {
          const body: Buffer[] = [];
          res.on('data', (b: Buffer) => body.push(b));
          res.on('end', () => {
            messages.push({ start: `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}`, headers: pairs(res.rawHeaders), trailers: pairs(res.rawTrailers), body: text(body), complete: true });
            resolve();
          });
          res.on('error', (err) => (errors.push(err.message), resolve()));
        });
        req.on('information', (info) => {
          messages.push({ start: `HTTP/${info.httpVersion} ${info.statusCode} ${info.statusMessage}`, headers: pairs(info.rawHeaders), trailers: [], body: '', complete: true });
        });
        req.on('error', (err) => (errors.push(err.message), resolve()));
        req.end();
      });
    }
    agent.destroy();
    return { messages, errors };
  }

  it(`has at least 100 cases (${RESPONSES.length}; ${REQUESTS.length + RESPONSES.length} with the requests)`, () => {
    expect(RESPONSES.length).toBeGreaterThanOrEqual(100);
    expect(REQUESTS.length + RESPONSES.length).toBeGreaterThanOrEqual(200);
  });

  it('reads every case as Node does: messages (1xx included), status lines, raw headers, bodies, trailers', async () => {
    const mismatches: string[] = [];
    await inBatches(RESPONSES, async (c, i) => {
      const bytes = join(c.exchanges.map((e) => e.bytes));
      const methods = c.exchanges.map((e) => e.method);
      const mine = ours(bytes, 'response', methods);
      const node = await nodeReads(c, i);
      // The pieces the server wrote, as offsets into the whole stream.
      let base = 0;
      const cuts = c.exchanges.flatMap((e, k) => {
        const at = base;
        base += e.bytes.length;
        return [...(k > 0 ? [at] : []), ...cutsFor(e.bytes.length, i * 31 + k).map((cut) => at + cut)];
      });
      const split = JSON.stringify(feedPieces(bytes, 'response', cuts, methodsOption(methods))) === JSON.stringify(mine.annotation);
      const differs = difference(node.messages, mine.messages);
      const faults = [...mine.faults, ...node.errors.map((e) => `node: ${e}`), ...(split ? [] : [`split at ${cuts.join(',')} differs`]), ...(differs ? [differs] : [])];
      if (faults.length > 0) mismatches.push(`${c.name}: ${faults.join('; ')}`);
    });
    expect(mismatches).toEqual([]);
  });
});

describe('every split point gives the whole-feed annotation', () => {
  /** Every cut in the first 2 KiB (heads, chunk lines), then every 61st byte of a long body. */
  const splitPoints = (length: number): number[] => Array.from({ length: length + 1 }, (_, i) => i).filter((i) => i <= 2048 || i % 61 === 0 || i === length);
  // The hand-written cases (lessons, RFC examples, their keep-alive and pipelined runs); the generated
  // ones are split where Node's pieces were, above, and anywhere by the property tests.
  const hand = (name: string): boolean => /^(L\d|RFC)/.test(name);
  const cases = [
    ...REQUESTS.filter((c) => hand(c.name)).map((c) => ({ name: c.name, bytes: c.bytes, side: 'request' as const, methods: undefined })),
    ...RESPONSES.filter((c) => hand(c.name)).map((c) => ({ name: c.name, bytes: join(c.exchanges.map((e) => e.bytes)), side: 'response' as const, methods: c.exchanges.map((e) => e.method) })),
  ];

  it(`for the ${cases.length} lessons and RFC examples, with and without the FIN`, () => {
    const failures: string[] = [];
    for (const c of cases) {
      const options = methodsOption(c.methods);
      for (const ended of [true, false]) {
        const whole = JSON.stringify(feedPieces(c.bytes, c.side, [], options, ended));
        for (const at of splitPoints(c.bytes.length)) {
          if (JSON.stringify(feedPieces(c.bytes, c.side, [at], options, ended)) !== whole) failures.push(`${c.name} (${ended ? 'ended' : 'open'}) split at ${at}`);
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('byte by byte, for the lessons', () => {
    for (const c of cases.filter((k) => /^L\d/.test(k.name))) {
      const cuts = Array.from({ length: c.bytes.length }, (_, i) => i);
      const options = methodsOption(c.methods);
      expect(JSON.stringify(feedPieces(c.bytes, c.side, cuts, options)), c.name).toBe(JSON.stringify(feedPieces(c.bytes, c.side, [], options)));
    }
  });
});
