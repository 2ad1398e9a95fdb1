// `npm run bench:annotate`: the HTTP annotator's throughput in MB/s on a 100 MB keep-alive
// stream (half requests, half responses: GETs with browser headers, POSTs with bodies, some
// chunked; pages, JSON, images, 304s, chunked answers), against Node's own HTTP parser (llhttp,
// driven directly through node's internal HTTPParser binding, as node:http does) on the same bytes
// in the same 64 KiB pieces, in the same run. Issue 19's targets, each a ratio of figures taken in
// the same round (llhttp, then ours, on the same stream), the median over the rounds:
//   - requests: ours (push + end) at least as fast as llhttp on the request stream;
//   - requests and responses, result() included: ours, push + end + result() on both streams, at
//     least as fast as llhttp on both;
//   - memory per span: what the last round's two annotations hold (heap after GC with them, less
//     heap after GC without them; with the ArrayBuffers' memory outside the heap counted too, since
//     the span table's columns live there), over their spans: no more than BASELINE_BYTES_PER_SPAN.
// Prints the figures, a table of the targets, and last the targets as one line for `npm run bench`
// (bench/targets.ts). Not a test: nothing here runs in `npm test`.
//   node --expose-gc --import tsx bench/annotate.ts [--mb 100] [--rounds 15] [--piece 65536] [--profile FILE]
// --profile FILE: only the annotator (push + end + result()), `rounds` times over both streams,
// with a CPU profile of just that (not of making the streams) written to FILE (open it in Chrome
// DevTools, Performance tab).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { Annotation, Side } from '../shared/http/annotate/annotation';
import { HttpAnnotator } from '../shared/http/annotate/annotator';
import { formatBytes, memoryNow } from './memory';
import { formatTargets, targetsLine, type TargetVerdict } from './targets';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '15' },
    piece: { type: 'string', default: '65536' },
    profile: { type: 'string' },
  },
});
const TOTAL = Number(values.mb) * 1e6;
const ROUNDS = Number(values.rounds);

/**
 * Bytes of heap per span that the two streams' annotations held before issue 19's work: the
 * annotator of commit de26ae1, measured by this bench as it is (default run, --expose-gc, the
 * same 458,793 spans) on 2026-12-07, three runs, 92.3 each time. The target: no more than this.
 */
const BASELINE_BYTES_PER_SPAN = 92.3;
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
  for (let round = 0; round < ROUNDS; round++) for (const side of ['request', 'response'] as const) ours(side, streams[side].pieces).result();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(values.profile, JSON.stringify(profile));
  console.log(`CPU profile of ${ROUNDS} annotator rounds (push + end + result()) written to ${values.profile}`);
  process.exit(0);
}

const SIDES = ['request', 'response'] as const;
/** One round's times in ms, per side: llhttp, ours (push + end), then ours' result(). */
interface Round {
  llhttp: Record<Side, number>;
  ours: Record<Side, number>;
  result: Record<Side, number>;
}
/** The last round's annotations, kept so that the memory figures include what they hold. */
let held: Annotation[] = [];

function round(): Round {
  const r: Round = { llhttp: { request: 0, response: 0 }, ours: { request: 0, response: 0 }, result: { request: 0, response: 0 } };
  held = [];
  // Side by side in each round: on a shared machine a round's runs see about the same load.
  for (const side of SIDES) {
    const { pieces, messages } = streams[side];
    const n = time(() => llhttp(side, pieces));
    if (n.value.messages !== messages) throw new Error(`llhttp read ${n.value.messages} of ${messages} ${side}s`);
    const a = time(() => ours(side, pieces));
    const annotation = time(() => a.value.result());
    if (annotation.value.messages.length !== messages || annotation.value.problems.length > 0) {
      throw new Error(`the annotator read ${annotation.value.messages.length} of ${messages} ${side}s`);
    }
    r.llhttp[side] = n.ms;
    r.ours[side] = a.ms;
    r.result[side] = annotation.ms;
    held.push(annotation.value);
  }
  return r;
}

round(); // warm-up: both parsers compiled before anything is timed
const rounds: Round[] = [];
for (let i = 0; i < ROUNDS; i++) rounds.push(round());

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 === 1 ? (s[s.length >> 1] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const bestOf = (pick: (r: Round) => number): number => Math.min(...rounds.map(pick));

for (const side of SIDES) {
  const { length, messages } = streams[side];
  const spans = held.find((a) => a.side === side)?.spans.length ?? 0;
  console.log(`\n${side}s (${formatBytes(length)}, ${messages} messages, ${spans.toLocaleString('en')} spans), best round:`);
  console.log(`  llhttp (node's HTTPParser)      ${mbps(length, bestOf((r) => r.llhttp[side]))}  (${bestOf((r) => r.llhttp[side]).toFixed(1)} ms)`);
  console.log(`  ours: push + end                ${mbps(length, bestOf((r) => r.ours[side]))}  (${bestOf((r) => r.ours[side]).toFixed(1)} ms)`);
  console.log(`  ours: then result() (a table)   ${bestOf((r) => r.result[side]).toFixed(1).padStart(7)} ms`);
}

// Per round, then the median: less at the mercy of one lucky or unlucky run than best rounds
// when other work shares the cores.
const both = (t: Record<Side, number>): number => t.request + t.response;
const ratio = {
  requests: rounds.map((r) => r.llhttp.request / r.ours.request),
  responses: rounds.map((r) => r.llhttp.response / r.ours.response),
  both: rounds.map((r) => both(r.llhttp) / both(r.ours)),
  bothWithResult: rounds.map((r) => both(r.llhttp) / (both(r.ours) + both(r.result))),
};
console.log(`\nratios (ours / llhttp, throughput, per round; the median, then each round's):`);
const show = (name: string, xs: number[]): void => console.log(`  ${name.padEnd(34)} ${median(xs).toFixed(2)} x  (${xs.map((x) => x.toFixed(2)).join(' ')})`);
show('requests', ratio.requests);
show('responses', ratio.responses);
show('both', ratio.both);
show('both, result() included', ratio.bothWithResult);

// What the annotations hold: the heap after GC with them, less the heap after GC without them
// (the same code compiled, the same streams held, so the difference is theirs alone). The span
// tables' typed arrays keep their bytes in ArrayBuffers outside the V8 heap: those count too
// (process.memoryUsage().arrayBuffers, read right after the same GC), or the figure would flatter them.
const spansHeld = held.reduce((n, a) => n + a.spans.length, 0);
const withThem = await memoryNow();
const buffersWithThem = process.memoryUsage().arrayBuffers;
held = [];
const withoutThem = await memoryNow();
const buffersWithoutThem = process.memoryUsage().arrayBuffers;
const heldBytes = withThem.heapUsed - withoutThem.heapUsed + (buffersWithThem - buffersWithoutThem);
const perSpan = heldBytes / spansHeld;
console.log(
  `\nmemory: the last round's two annotations (${spansHeld.toLocaleString('en')} spans) hold ${formatBytes(heldBytes)} ` +
    `(heap ${formatBytes(withThem.heapUsed - withoutThem.heapUsed)}, array buffers ${formatBytes(buffersWithThem - buffersWithoutThem)}), ` +
    `${perSpan.toFixed(1)} bytes per span (heap used ${formatBytes(withThem.heapUsed)} with them, rss ${formatBytes(withThem.rss)})` +
    `${withThem.afterGc ? ' (after GC)' : ' (run with --expose-gc for figures after GC: these are not)'}`,
);

const total = streams.request.length + streams.response.length;
const medianMs = (pick: (r: Round) => number): number => median(rounds.map(pick));
const verdicts: TargetVerdict[] = [
  {
    name: 'annotator / llhttp, requests',
    value: median(ratio.requests),
    unit: '×',
    goal: { atLeast: 1 },
    detail: `${mbps(streams.request.length, medianMs((r) => r.ours.request)).trim()} vs ${mbps(streams.request.length, medianMs((r) => r.llhttp.request)).trim()}`,
  },
  {
    name: 'annotator / llhttp, requests+responses incl. result()',
    value: median(ratio.bothWithResult),
    unit: '×',
    goal: { atLeast: 1 },
    detail: `${mbps(total, medianMs((r) => both(r.ours) + both(r.result))).trim()} vs ${mbps(total, medianMs((r) => both(r.llhttp))).trim()}`,
  },
  {
    name: 'annotator memory per span',
    value: perSpan,
    unit: ' B',
    goal: { atMost: BASELINE_BYTES_PER_SPAN },
    detail: `${spansHeld.toLocaleString('en')} spans; ${BASELINE_BYTES_PER_SPAN} B before issue 19's work`,
  },
];
console.log(`\ntargets (issue 19):\n${formatTargets(verdicts)}`);
console.log(targetsLine(verdicts));
