// `npm run bench:annotate`: the HTTP annotator's throughput in MB/s on a 100 MB keep-alive
// stream (half requests, half responses: GETs with browser headers, POSTs with bodies, some
// chunked; pages, JSON, images, 304s, chunked answers), against Node's own HTTP parser (llhttp,
// driven directly through node's internal HTTPParser binding, as node:http does) on the same bytes
// in the same 64 KiB pieces, in the same run. Prints the ratios (target: ours >= 0.5 x llhttp),
// what the annotation holds, and heap/RSS. Not a test: nothing here runs in `npm test`.
//   node --expose-gc --import tsx bench/annotate.ts [--mb 100] [--rounds 3] [--piece 65536] [--profile FILE]
// --profile FILE: only the annotator, `rounds` times over both streams, with a CPU profile of just
// that (not of making the streams) written to FILE (open it in Chrome DevTools, Performance tab).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { Annotation, Side } from '../shared/http/annotate/annotation';
import { HttpAnnotator } from '../shared/http/annotate/annotator';
import { formatBytes, formatGrowth, memoryNow } from './memory';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '3' },
    piece: { type: 'string', default: '65536' },
    profile: { type: 'string' },
  },
});
const TOTAL = Number(values.mb) * 1e6;
const ROUNDS = Number(values.rounds);
const PIECE = Number(values.piece);

// A small deterministic generator, so every run measures the same stream.
let seed = 0x2545f491;
const rand = (n: number): number => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
};
const filler = (n: number): string => 'abcdefghijklmnopqrstuvwxyz0123456789 \r\n{}":,'.repeat(Math.ceil(n / 45)).slice(0, n);
const binary = (n: number): string => String.fromCharCode(...Array.from({ length: Math.min(n, 4096) }, () => rand(256))).repeat(Math.ceil(n / 4096)).slice(0, n);
const chunked = (body: string, size: number): string => {
  let out = '';
  for (let at = 0; at < body.length; at += size) {
    const part = body.slice(at, at + size);
    out += `${part.length.toString(16)}\r\n${part}\r\n`;
  }
  return `${out}0\r\n\r\n`;
};

const BROWSER =
  'Host: localhost:8080\r\nConnection: keep-alive\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36\r\n' +
  'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8\r\nAccept-Encoding: gzip, deflate, br\r\n' +
  'Accept-Language: en-US,en;q=0.9\r\nCookie: session=abc123def456; theme=dark; _ga=GA1.1.123456789.1700000000\r\n';

function request(): string {
  const r = rand(100);
  if (r < 65) return `GET /static/app.${rand(1000)}.js?v=${rand(99999)} HTTP/1.1\r\n${BROWSER}\r\n`;
  if (r < 85) {
    const body = filler(200 + rand(8000));
    return `POST /api/items HTTP/1.1\r\n${BROWSER}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
  }
  const body = binary(4000 + rand(60000));
  return `PUT /upload/${rand(1000)} HTTP/1.1\r\n${BROWSER}Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n${chunked(body, 8192)}`;
}

const SERVER = 'Date: Mon, 27 Jul 2009 12:28:53 GMT\r\nServer: wirebench-bench\r\nCache-Control: max-age=60\r\nVary: Accept-Encoding\r\n';
function response(): string {
  const r = rand(100);
  if (r < 40) {
    const body = filler(1000 + rand(30000));
    return `HTTP/1.1 200 OK\r\n${SERVER}Content-Type: text/html; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
  }
  if (r < 60) {
    const body = binary(5000 + rand(150000));
    return `HTTP/1.1 200 OK\r\n${SERVER}Content-Type: image/jpeg\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
  }
  if (r < 80) return `HTTP/1.1 304 Not Modified\r\n${SERVER}ETag: "${rand(1e9)}"\r\n\r\n`;
  const body = filler(2000 + rand(60000));
  return `HTTP/1.1 200 OK\r\n${SERVER}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunked(body, 4096 + rand(12288))}`;
}

/** One direction, about `bytes` long, as the pieces a socket would hand over. */
function stream(make: () => string, bytes: number): { pieces: Buffer[]; length: number; messages: number } {
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const m = make();
    parts.push(m);
    length += m.length;
  }
  const all = Buffer.from(parts.join(''), 'latin1');
  const pieces: Buffer[] = [];
  for (let at = 0; at < all.length; at += PIECE) pieces.push(all.subarray(at, at + PIECE));
  return { pieces, length: all.length, messages: parts.length };
}

// Node's parser, the way node:http drives it (lib/_http_common.js, lib/_http_server.js): internal,
// but present in every Node since 0.x; its callbacks are numbered slots on the parser object.
interface NodeParser {
  initialize(type: number, resource: object, maxHeaderSize?: number, lenient?: number): void;
  execute(data: Buffer): number | Error;
  finish(): number | Error | undefined;
  close(): void;
  [slot: number]: (...args: unknown[]) => unknown;
}
interface ParserClass {
  new (): NodeParser;
  REQUEST: number;
  RESPONSE: number;
  kOnHeaders: number;
  kOnHeadersComplete: number;
  kOnBody: number;
  kOnMessageComplete: number;
}
const { HTTPParser } = createRequire(import.meta.url)('_http_common') as { HTTPParser: ParserClass };

function llhttp(side: Side, pieces: readonly Buffer[]): { messages: number; body: number } {
  const parser = new HTTPParser();
  parser.initialize(side === 'request' ? HTTPParser.REQUEST : HTTPParser.RESPONSE, {}, 0, 0);
  let messages = 0;
  let body = 0;
  parser[HTTPParser.kOnHeaders] = () => undefined;
  parser[HTTPParser.kOnHeadersComplete] = () => 0;
  parser[HTTPParser.kOnBody] = (b: unknown) => void (body += (b as Buffer).length);
  parser[HTTPParser.kOnMessageComplete] = () => void messages++;
  for (const piece of pieces) {
    const r = parser.execute(piece);
    if (r instanceof Error) throw r;
  }
  parser.finish();
  parser.close();
  return { messages, body };
}

function ours(side: Side, pieces: readonly Buffer[]): HttpAnnotator {
  const annotator = new HttpAnnotator(side);
  for (const piece of pieces) annotator.push(piece);
  annotator.end();
  return annotator;
}

function time<T>(run: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = run();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

const mbps = (bytes: number, ms: number): string => `${(bytes / 1e6 / (ms / 1000)).toFixed(1).padStart(7)} MB/s`;

const streams = { request: stream(request, TOTAL / 2), response: stream(response, TOTAL / 2) };
console.log(
  `wirebench annotator benchmark: node ${process.version}, ${formatBytes(streams.request.length + streams.response.length)} ` +
    `(${streams.request.messages} requests in ${formatBytes(streams.request.length)}, ${streams.response.messages} responses in ${formatBytes(streams.response.length)}), ` +
    `${PIECE}-byte pieces, best of ${ROUNDS} rounds`,
);

if (values.profile !== undefined) {
  await memoryNow();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let round = 0; round < ROUNDS; round++) for (const side of ['request', 'response'] as const) ours(side, streams[side].pieces);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(values.profile, JSON.stringify(profile));
  console.log(`CPU profile of ${ROUNDS} annotator rounds written to ${values.profile}`);
  process.exit(0);
}

const best: Record<string, number> = {};
/** Each round's llhttp and ours times, side by side: on a shared machine a round's two runs see about the same load. */
const paired: Record<string, { llhttp: number; ours: number }[]> = { request: [], response: [] };
/** The last round's annotations, kept so that the memory figures include what they hold. */
const held: Annotation[] = [];
const before = await memoryNow();
for (const side of ['request', 'response'] as const) {
  const { pieces, length, messages } = streams[side];
  const node = time(() => llhttp(side, pieces));
  if (node.value.messages !== messages) throw new Error(`llhttp read ${node.value.messages} of ${messages} ${side}s`);
  for (let round = 0; round < ROUNDS; round++) {
    const n = time(() => llhttp(side, pieces));
    const a = time(() => ours(side, pieces));
    const r = time(() => a.value.result());
    const annotation = r.value;
    if (annotation.messages.length !== messages || annotation.problems.length > 0) throw new Error(`the annotator read ${annotation.messages.length} of ${messages} ${side}s`);
    best[`llhttp ${side}`] = Math.min(best[`llhttp ${side}`] ?? Infinity, n.ms);
    best[`ours ${side}`] = Math.min(best[`ours ${side}`] ?? Infinity, a.ms);
    best[`result ${side}`] = Math.min(best[`result ${side}`] ?? Infinity, r.ms);
    paired[side]?.push({ llhttp: n.ms, ours: a.ms });
    if (round === ROUNDS - 1) held.push(annotation);
  }
  const spans = held.at(-1)?.spans.length ?? 0;
  console.log(`\n${side}s (${formatBytes(length)}, ${messages} messages, ${spans.toLocaleString('en')} spans):`);
  console.log(`  llhttp (node's HTTPParser)      ${mbps(length, best[`llhttp ${side}`] ?? 0)}  (${(best[`llhttp ${side}`] ?? 0).toFixed(0)} ms)`);
  console.log(`  ours: push + end                ${mbps(length, best[`ours ${side}`] ?? 0)}  (${(best[`ours ${side}`] ?? 0).toFixed(0)} ms)`);
  console.log(`  ours: then result() (a copy)    ${(best[`result ${side}`] ?? 0).toFixed(0).padStart(7)} ms`);
}
const after = await memoryNow();

const total = streams.request.length + streams.response.length;
const sum = (who: string): number => (best[`${who} request`] ?? 0) + (best[`${who} response`] ?? 0);
console.log('\nratios (ours / llhttp, throughput, best round of each; target >= 0.50):');
for (const side of ['request', 'response'] as const) {
  console.log(`  ${`${side}s`.padEnd(10)} ${((best[`llhttp ${side}`] ?? 0) / (best[`ours ${side}`] ?? 1)).toFixed(2)} x`);
}
console.log(`  both       ${(sum('llhttp') / sum('ours')).toFixed(2)} x  (${mbps(total, sum('ours'))} vs ${mbps(total, sum('llhttp'))}; with result(): ${(sum('llhttp') / (sum('ours') + sum('result'))).toFixed(2)} x)`);
// The same ratio per round, then its median: less at the mercy of one lucky or unlucky run than
// the best rounds above when other work shares the cores.
const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 === 1 ? (s[s.length >> 1] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const rounds = paired.request?.map((q, i) => ({ q, p: paired.response?.[i] })) ?? [];
const perRound = rounds.map(({ q, p }) => (q.llhttp + (p?.llhttp ?? 0)) / (q.ours + (p?.ours ?? 0)));
console.log(`  both, median of the ${perRound.length} rounds' ratios: ${median(perRound).toFixed(2)} x (each round: ${perRound.map((x) => x.toFixed(2)).join(' ')})`);
console.log(
  `\nmemory, the last round's two annotations (${held.reduce((n, a) => n + a.spans.length, 0).toLocaleString('en')} spans) held: heap used ${formatBytes(after.heapUsed)} ` +
    `(${formatGrowth(after.heapUsed - before.heapUsed)} over the start, the input streams excluded), rss ${formatBytes(after.rss)}` +
    `${after.afterGc ? ' (after GC)' : ' (run with --expose-gc for figures after GC)'}`,
);
