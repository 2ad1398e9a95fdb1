// Well-formed HTTP/1.1 traffic for the differential test (and the property tests' seeds): the
// lessons' exact bytes (LESSONS.md, shared/server/presets.ts), examples after RFC 9110 / RFC 9112, and requests
// and responses generated systematically: methods x targets x header sets x body framings, all
// CRLF. Nothing malformed: these are the bytes on which the annotator must agree with llhttp.
// A request case is what a client writes on one connection (one or more pipelined requests); a
// response case is what a server writes, exchange by exchange, each answering one request.
import { L1_HELLO_WORLD, L3_ROUTES } from '../../../server/presets';
import { latin1Bytes, latin1Text } from './support';

export interface RequestCase {
  name: string;
  bytes: Uint8Array;
}

export interface Exchange {
  /** The request's method: a HEAD's answer has no body (RFC 9112 section 6.3 rule 1). */
  method: string;
  /** The answer: interim (1xx) responses, then the final one. */
  bytes: Uint8Array;
}

export interface ResponseCase {
  name: string;
  exchanges: Exchange[];
}

const crlf = (...lines: string[]): string => lines.map((l) => `${l}\r\n`).join('');

// A body with every byte value in it (CR, LF, NUL, 0x80-0xFF): body bytes are never lines.
const BINARY = latin1Text(Uint8Array.from({ length: 256 }, (_, i) => (i * 7 + 3) & 0xff));
const FORM = 'name=romeo&city=rome';

/** Body framings, as the header lines they need and the bytes after the blank line. */
const FRAMINGS: readonly { name: string; chunked: boolean; head: string[]; body: string }[] = [
  { name: 'none', chunked: false, head: [], body: '' },
  { name: 'cl-0', chunked: false, head: ['Content-Length: 0'], body: '' },
  { name: 'cl-form', chunked: false, head: ['Content-Type: application/x-www-form-urlencoded', `Content-Length: ${FORM.length}`], body: FORM },
  { name: 'cl-binary', chunked: false, head: ['Content-Type: application/octet-stream', `Content-Length: ${BINARY.length}`], body: BINARY },
  {
    name: 'chunked',
    chunked: true,
    head: ['Transfer-Encoding: chunked'],
    body: `5\r\nhello\r\n7\r\n, world\r\n${(BINARY.length).toString(16)}\r\n${BINARY}\r\n0\r\n\r\n`,
  },
  {
    name: 'chunked-ext-trailers',
    chunked: true,
    head: ['Transfer-Encoding: chunked', 'Trailer: X-Checksum, X-Other'],
    body: '5;name=value\r\nhello\r\nA;a=1;b="two"\r\n0123456789\r\n0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n',
  },
];

const REQUEST_HEADERS: readonly { name: string; lines: string[] }[] = [
  { name: 'host', lines: ['Host: 127.0.0.1:9000'] },
  { name: 'curl', lines: ['Host: localhost:8888', 'User-Agent: curl/8.5.0', 'Accept: */*'] },
  {
    name: 'browser',
    lines: [
      'Host: localhost:7788',
      'Connection: keep-alive',
      'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
      'Accept-Encoding: gzip, deflate, br',
      'Accept-Language: en-US,en;q=0.9',
      'Cookie: session=abc123; theme=dark',
    ],
  },
  // OWS is optional around a value (RFC 9112 section 5.1): none, tabs, runs; empty values; repeats.
  { name: 'spacing', lines: ['Host:127.0.0.1', 'X-Tab:\tv\t', 'X-Empty:', 'X-Spaces:   a  b   ', 'X-Dup: 1', 'x-dup: 2'] },
];

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'] as const;
const TARGETS = ['/', '/a/b.html?q=now&x=%20y#', 'http://127.0.0.1/romeo.txt'] as const;

/** Every method x target x header set x framing, one request per case (HTTP/1.0 now and then). */
function generatedRequests(): RequestCase[] {
  const out: RequestCase[] = [];
  for (const method of METHODS) {
    for (const target of TARGETS) {
      for (const headers of REQUEST_HEADERS) {
        for (const framing of FRAMINGS) {
          // Chunked is HTTP/1.1 only (RFC 9112 section 6.1); an HTTP/1.0 request closes the connection.
          const version = !framing.chunked && out.length % 5 === 4 ? 'HTTP/1.0' : 'HTTP/1.1';
          const text = crlf(`${method} ${target} ${version}`, ...headers.lines, ...framing.head, '') + framing.body;
          out.push({ name: `${method} ${target} ${version} ${headers.name} ${framing.name}`, bytes: latin1Bytes(text) });
        }
      }
    }
  }
  return out;
}

/** The lessons' requests and RFC examples, and keep-alive sequences of pipelined requests. */
function handRequests(generated: readonly RequestCase[]): RequestCase[] {
  const cases: [string, string][] = [
    ['L1 client: absolute-form, HTTP/1.0, no headers', 'GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n'],
    ['L1 browser: the favicon nobody asked for', crlf('GET /favicon.ico HTTP/1.1', 'Host: localhost:9000', 'Connection: keep-alive', 'Accept: image/avif,image/webp,*/*', 'Referer: http://localhost:9000/', '')],
    ['L3: GET / then GET /test.jpg', crlf('GET / HTTP/1.1', 'Host: localhost:8888', '') + crlf('GET /test.jpg HTTP/1.1', 'Host: localhost:8888', 'Referer: http://localhost:8888/', '')],
    ['L3: a POST carries a form after the blank line', crlf('POST /form HTTP/1.1', 'Host: localhost:8888', 'Content-Type: application/x-www-form-urlencoded', `Content-Length: ${FORM.length}`, '') + FORM],
    ['L4: index.html with Host', crlf('GET /index.html HTTP/1.1', 'Host: localhost:7788', 'Accept-Encoding: gzip', '')],
    ['RFC 9110 section 1.2: GET /hello.txt', crlf('GET /hello.txt HTTP/1.1', 'User-Agent: curl/7.64.1', 'Host: www.example.com', 'Accept-Language: en, mi', '')],
    ['RFC 9112 section 3.2.1: origin-form', crlf('GET /where?q=now HTTP/1.1', 'Host: www.example.org', '')],
    ['RFC 9112 section 3.2.2: absolute-form', crlf('GET http://www.example.org/pub/WWW/TheProject.html HTTP/1.1', 'Host: www.example.org', '')],
    ['RFC 9112 section 3.2.4: asterisk-form', crlf('OPTIONS * HTTP/1.1', 'Host: www.example.org:8001', '')],
    ['RFC 9110 section 5.5: obs-text in a field value (Latin-1 bytes)', crlf('GET /caf%C3%A9 HTTP/1.1', 'Host: a', 'X-Latin1: caf\xe9 \xff', '')],
    ['RFC 9112 section 2.2: empty lines before the request line', '\r\n\r\n' + crlf('GET / HTTP/1.1', 'Host: a', '')],
    ['RFC 9112 section 7.1: chunked with a trailer field', crlf('POST /upload HTTP/1.1', 'Host: example.com', 'Transfer-Encoding: chunked', 'Trailer: Expires', '') + '1a\r\nabcdefghijklmnopqrstuvwxyz\r\n10\r\n1234567890abcdef\r\n0\r\nExpires: Wed, 21 Oct 2015 07:28:00 GMT\r\n\r\n'],
    ['RFC 9112 section 7.1: chunk sizes in upper and lower case, leading zeros', crlf('PUT /x HTTP/1.1', 'Host: a', 'Transfer-Encoding: chunked', '') + '0000A\r\n0123456789\r\nb\r\nabcdefghijk\r\n000\r\n\r\n'],
    ['RFC 9112 section 9.3: three pipelined requests', crlf('GET /1 HTTP/1.1', 'Host: a', '') + crlf('GET /2 HTTP/1.1', 'Host: a', '') + crlf('GET /3 HTTP/1.1', 'Host: a', '')],
    ['RFC 9112 section 9.3: pipelined with bodies', crlf('POST /a HTTP/1.1', 'Host: a', 'Content-Length: 3', '') + 'abc' + crlf('PUT /b HTTP/1.1', 'Host: a', 'Transfer-Encoding: chunked', '') + '3\r\nxyz\r\n0\r\n\r\n' + crlf('DELETE /c HTTP/1.1', 'Host: a', '')],
  ];
  const out: RequestCase[] = cases.map(([name, text]) => ({ name, bytes: latin1Bytes(text) }));
  // Keep-alive: runs of three generated HTTP/1.1 requests in one write, as a pipelining client sends them.
  const persistent = generated.filter((c) => c.name.includes('HTTP/1.1'));
  for (let i = 0; i + 2 < persistent.length && out.length < 80; i += 7) {
    const run = persistent.slice(i, i + 3);
    out.push({ name: `pipelined: ${run.map((c) => c.name).join(' | ')}`, bytes: join(run.map((c) => c.bytes)) });
  }
  return out;
}

export function requestCorpus(): RequestCase[] {
  const generated = generatedRequests();
  return [...handRequests(generated), ...generated];
}

const STATUSES = ['200 OK', '201 Created', '301 Moved Permanently', '404 Not Found', '500 Internal Server Error'] as const;
const RESPONSE_HEADERS: readonly { name: string; lines: string[] }[] = [
  { name: 'bare', lines: [] },
  {
    name: 'server',
    lines: ['Date: Mon, 27 Jul 2009 12:28:53 GMT', 'Server: Apache', 'Content-Type: text/html; charset=utf-8', 'Cache-Control: no-cache', 'Set-Cookie: a=1; Path=/', 'Set-Cookie: b=2; HttpOnly'],
  },
  { name: 'spacing', lines: ['Location:/elsewhere', 'X-Tab:\tv\t', 'X-Empty:', 'X-Spaces:   a  b   '] },
];

/** Every status x header set x framing; the close-framed ones end their connection. */
function generatedResponses(): ResponseCase[] {
  const out: ResponseCase[] = [];
  for (const status of STATUSES) {
    for (const headers of RESPONSE_HEADERS) {
      for (const framing of [...FRAMINGS.slice(1), FRAMINGS[0]]) {
        if (!framing) continue;
        // No Content-Length and not chunked: the body ends with the close (RFC 9112 section 6.3 rule 8).
        const body = framing.name === 'none' ? 'until the close\r\n' : framing.body;
        const text = crlf(`HTTP/1.1 ${status}`, ...headers.lines, ...framing.head, '') + body;
        out.push({ name: `${status} ${headers.name} ${framing.name}`, exchanges: [{ method: 'GET', bytes: latin1Bytes(text) }] });
      }
    }
  }
  return out;
}

/** The lessons' responses (the image as the engine sends it), RFC examples, interim and bodiless answers, keep-alive runs. */
function handResponses(jpeg: Uint8Array, generated: readonly ResponseCase[]): ResponseCase[] {
  const ex = (method: string, text: string | Uint8Array): Exchange => ({ method, bytes: typeof text === 'string' ? latin1Bytes(text) : text });
  const one = (name: string, method: string, text: string | Uint8Array): ResponseCase => ({ name, exchanges: [ex(method, text)] });
  const l3Page = L3_ROUTES[0]?.response;
  const page = l3Page?.kind === 'bytes' ? l3Page.bytes : new Uint8Array();
  const image = join([latin1Bytes(crlf('HTTP/1.1 200 OK', 'Content-Type: image/jpg', `Content-Length: ${jpeg.length}`, '')), jpeg]);
  const notFound = crlf('HTTP/1.1 404 Not Found', 'Content-Type: text/plain; charset=utf-8', 'Content-Length: 14', '') + '404 Not Found\n';
  const hello = crlf('HTTP/1.1 200 OK', 'Date: Mon, 27 Jul 2009 12:28:53 GMT', 'Server: Apache', 'Last-Modified: Wed, 22 Jul 2009 19:15:56 GMT', 'ETag: "34aa387-d-1568eb00"', 'Accept-Ranges: bytes', 'Content-Length: 51', 'Vary: Accept-Encoding', 'Content-Type: text/plain', '') + 'Hello World! My content includes a trailing CRLF.\r\n';
  const partial = crlf('HTTP/1.1 206 Partial Content', 'Date: Wed, 15 Nov 1995 06:25:24 GMT', 'Last-Modified: Wed, 15 Nov 1995 04:58:08 GMT', 'Content-Range: bytes 21010-47021/47022', 'Content-Length: 26012', 'Content-Type: image/gif', '') + BINARY.repeat(102).slice(0, 26012);
  // "Hello" gzipped (RFC 1952), sent as two chunks: the client sees the coded bytes, not the text.
  const gz = '\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xf3H\xcd\xc9\xc9\x07\x00\x82\x89\xd1\xf7\x05\x00\x00\x00';
  const gzipChunked = crlf('HTTP/1.1 200 OK', 'Content-Type: text/html', 'Content-Encoding: gzip', 'Transfer-Encoding: chunked', 'Connection: keep-alive', '') + `14\r\n${gz.slice(0, 20)}\r\n${(gz.length - 20).toString(16)}\r\n${gz.slice(20)}\r\n0\r\n\r\n`;
  const out: ResponseCase[] = [
    one('L1: text/html, no Content-Length, the FIN ends it', 'GET', L1_HELLO_WORLD.bytes),
    one('L3: the HTML page that refers to test.jpg', 'GET', page),
    one('L3: the image, image/jpg, its exact bytes', 'GET', image),
    { name: 'L3: page then image on one connection', exchanges: [ex('GET', page), ex('GET', image)] },
    one('L4: 404 Not Found with a short text', 'GET', notFound),
    one('L4: gzip content, chunked, keep-alive', 'GET', gzipChunked),
    { name: 'L4: index.html, then 404, keep-alive', exchanges: [ex('GET', page), ex('GET', notFound), ex('GET', notFound)] },
    one('RFC 9110 section 1.2: hello.txt', 'GET', hello),
    one('RFC 9110 section 15.3.7: 206 Partial Content', 'GET', partial),
    one('RFC 9110 section 9.3.2: HEAD gets the headers, Content-Length included, no body', 'HEAD', crlf('HTTP/1.1 200 OK', 'Content-Type: text/plain', 'Content-Length: 51', '')),
    { name: 'RFC 9110 section 9.3.2: HEAD then GET', exchanges: [ex('HEAD', crlf('HTTP/1.1 200 OK', 'Content-Length: 51', '')), ex('GET', hello)] },
    one('RFC 9110 section 15.2.1: 100 Continue, then 200', 'POST', crlf('HTTP/1.1 100 Continue', '') + crlf('HTTP/1.1 200 OK', 'Content-Length: 2', '') + 'ok'),
    one('RFC 8297: 103 Early Hints, then 200', 'GET', crlf('HTTP/1.1 103 Early Hints', 'Link: </style.css>; rel=preload; as=style', '') + crlf('HTTP/1.1 200 OK', 'Content-Length: 0', '')),
    one('RFC 9110 section 15.3.5: 204 No Content', 'DELETE', crlf('HTTP/1.1 204 No Content', 'Date: Mon, 27 Jul 2009 12:28:53 GMT', '')),
    one('RFC 9110 section 15.4.5: 304 Not Modified', 'GET', crlf('HTTP/1.1 304 Not Modified', 'ETag: "xyzzy"', 'Cache-Control: max-age=60', '')),
    one('RFC 9110 section 15.4.2: 301 with Location', 'GET', crlf('HTTP/1.1 301 Moved Permanently', 'Location: http://www.example.org/index.asp', 'Content-Length: 0', '')),
    one('RFC 9112 section 7.1: chunked with a trailer', 'GET', crlf('HTTP/1.1 200 OK', 'Content-Type: text/plain', 'Transfer-Encoding: chunked', 'Trailer: Expires', '') + '7\r\nMozilla\r\n11\r\nDeveloper Network\r\n0\r\nExpires: Wed, 21 Oct 2015 07:28:00 GMT\r\n\r\n'),
    one('RFC 9112 section 6.3: HTTP/1.0, the close ends the body', 'GET', crlf('HTTP/1.0 200 OK', 'Content-Type: text/plain', '') + 'read until the close'),
    one('RFC 9110 section 5.5: obs-text in a field value and the reason', 'GET', crlf('HTTP/1.1 200 D\xe9j\xe0 vu', 'X-Latin1: caf\xe9', 'Content-Length: 2', '') + 'ok'),
    one('RFC 9112 section 4: an empty reason phrase', 'GET', crlf('HTTP/1.1 200 ', 'Content-Length: 2', '') + 'ok'),
    {
      name: 'RFC 9112 section 9.3: 204, 304, 100 then 201, a chunked HEAD answer, keep-alive',
      exchanges: [ex('DELETE', crlf('HTTP/1.1 204 No Content', '')), ex('GET', crlf('HTTP/1.1 304 Not Modified', 'ETag: "a"', '')), ex('PUT', crlf('HTTP/1.1 100 Continue', '') + crlf('HTTP/1.1 201 Created', 'Content-Length: 0', '')), ex('HEAD', crlf('HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', ''))],
    },
  ];
  // Keep-alive: runs of three generated responses that end themselves (the last one may be close-framed).
  for (let i = 0; i + 2 < generated.length; i += 4) {
    const run = generated.slice(i, i + 3).filter((c, k) => k === 2 || !c.name.endsWith(' none'));
    out.push({ name: `keep-alive: ${run.map((c) => c.name).join(' | ')}`, exchanges: run.flatMap((c) => c.exchanges) });
  }
  return out;
}

/** `jpeg`: the sample root's test.jpg (lesson L3), which the differential test reads from app/docroot. */
export function responseCorpus(jpeg: Uint8Array): ResponseCase[] {
  const generated = generatedResponses();
  return [...handResponses(jpeg, generated), ...generated];
}

export function join(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
