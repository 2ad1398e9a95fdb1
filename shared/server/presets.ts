// Canned responses, one click each: the lessons' (see LESSONS.md), the HTTP features lesson L4 names,
// and broken ones, as the exact bytes a server sends. They are bytes, not strings, because a response
// may be malformed on purpose (bare LF line ends, a missing blank line) and the point of the
// workbench is to show precisely what went on the wire.
// Pure: no Node, no DOM, so the engine, the CLI and the renderer's response editor share the same
// bytes. A UI finds each preset's words in the catalog under `ui.presets.<name>` (label, teaches).
import { concatBytes } from '../bytes/bytes';
import type { AfterAnswer, AnswerWhen, ResponderConfig, Route } from './settings';

/** Presets that are exact bytes: what `wirebench serve --preset` and the canned responder take. */
export const PRESET_NAMES = [
  'l1-hello-world',
  'l2-hello-bare-lf',
  'l3-page',
  'l4-not-found',
  'http-keep-alive',
  'http-chunked',
  'http-gzip',
  'http-redirect',
  'http-server-error',
  'broken-no-blank-line',
  'broken-content-length-long',
  'broken-content-length-short',
  'broken-no-status-line',
] as const;
export type BytesPresetName = (typeof PRESET_NAMES)[number];
/** A preset whose body is a file of the sample document root, whose bytes only a host can read. */
export type SamplePresetName = 'l3-image';
/** A preset that is a whole routes table: applying it switches the server to the routes responder. */
export type RoutesPresetName = 'l3-page-and-image' | 'l3-form';
export type PresetName = BytesPresetName | SamplePresetName | RoutesPresetName;

/** How the UI groups them: a lesson's own answer, an HTTP feature, or a mistake to look at. */
export type PresetGroup = 'lesson' | 'http' | 'broken';

interface PresetBase {
  readonly group: PresetGroup;
  /** The lesson it reproduces, as LESSONS.md numbers them. */
  readonly lesson?: 'L1' | 'L2' | 'L3' | 'L4';
  /** What the server does once it has sent it, as the lesson's server does (ServerSettings.after). */
  readonly after: AfterAnswer;
  /** When the server must answer for the preset to work (ServerSettings.answerWhen); absent: any. */
  readonly answerWhen?: AnswerWhen;
}

export interface ResponsePreset extends PresetBase {
  readonly kind: 'bytes';
  readonly name: BytesPresetName;
  /** Exactly what goes on the wire, sent in one write. */
  readonly bytes: Uint8Array;
}

export interface SamplePreset extends PresetBase {
  readonly kind: 'sample';
  readonly name: SamplePresetName;
  /** The exact bytes before the file (ASCII): the lesson's own head, broken as it is. */
  readonly head: string;
  /** The body is this file of the sample document root (app/docroot), of this Content-Type. */
  readonly body: { readonly sample: 'test.jpg'; readonly type: string };
}

export interface RoutesPreset extends PresetBase {
  readonly kind: 'routes';
  readonly name: RoutesPresetName;
  readonly routes: Route[];
}

export type Preset = ResponsePreset | SamplePreset | RoutesPreset;

// Every byte of these texts is ASCII, so encoding a string gives the wire bytes one for one, and a
// text's length in characters is its length in bytes (what Content-Length counts).
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

const bytesPreset = (name: BytesPresetName, group: PresetGroup, after: AfterAnswer, text: string, lesson?: 'L1' | 'L2' | 'L3' | 'L4'): ResponsePreset => ({
  kind: 'bytes',
  name,
  group,
  after,
  bytes: ascii(text),
  ...(lesson ? { lesson } : {}),
});

/** A well-formed head with CRLF line ends (RFC 9112 section 2.1), the blank line included. */
const head = (statusLine: string, fields: readonly string[]): string => `${statusLine}\r\n${fields.map((f) => `${f}\r\n`).join('')}\r\n`;

/**
 * L1: the simplest web server. CRLF line ends (RFC 9112 section 2.2), a Content-Type, the blank
 * line, and an HTML body that itself ends in CRLF CRLF. There is no Content-Length: the client
 * learns the body is complete only from the server's FIN (RFC 9112 section 6.3, rule 8), which is
 * why the lesson follows its one `sendall` with shutdown(SHUT_WR).
 */
export const L1_HELLO_WORLD: ResponsePreset = bytesPreset(
  'l1-hello-world',
  'lesson',
  'half_close',
  'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>Hello World</body></html>\r\n\r\n',
  'L1',
);

/**
 * L2: the server a learner talks to with telnet. A status line, no headers, and bare LF where
 * HTTP wants CRLF (RFC 9112 section 2.2 lets recipients accept a bare LF, which is why browsers and
 * curl still show it): malformed on purpose, and sent byte for byte. No Content-Length either: the
 * server's close marks the end of the body.
 */
export const L2_HELLO_BARE_LF: ResponsePreset = bytesPreset('l2-hello-bare-lf', 'lesson', 'close', 'HTTP/1.1 200 OK\n\nHello, World!', 'L2');

// L3: different answers for different paths.
const L3_PAGE =
  '<html><body><h1>Lesson L3</h1><p>This page is text. The picture below is a second request.</p>' +
  '<img src="test.jpg"></body></html>\r\n';
const L3_PAGE_RESPONSE = head('HTTP/1.1 200 OK', ['Content-Type: text/html', `Content-Length: ${L3_PAGE.length}`]) + L3_PAGE;

/**
 * L3's page alone. Served as the canned response it answers every path, so the browser's second
 * request (`GET /test.jpg`) gets this page again and the image stays broken: the routes preset
 * below answers each path its own way.
 */
export const L3_PAGE_PRESET: ResponsePreset = bytesPreset('l3-page', 'lesson', 'close', L3_PAGE_RESPONSE, 'L3');

/**
 * L3's image answer as the lesson's server sends it: head bytes here, body the sample root's
 * test.jpg, joined by sampleResponse() once a host has read the file. The lesson builds the head
 * from a Python triple-quoted string that opens with a line break, so the answer starts with an
 * empty line (RFC 9112 section 2.2 lets a server skip those before a request, never a client
 * before a response), then `HTTP/1.x` (not a version: section 2.3 wants a digit, a dot, a digit),
 * two spaces after the reason, bare LF line ends, and no Content-Length: the close ends the body.
 * Broken on purpose, as the lesson's is; the routes table (L3_ROUTES) serves it well-formed.
 */
export const L3_IMAGE: SamplePreset = {
  kind: 'sample',
  name: 'l3-image',
  group: 'lesson',
  lesson: 'L3',
  after: 'close',
  head: '\nHTTP/1.x 200 OK  \nContent-Type: image/jpg\n\n',
  body: { sample: 'test.jpg', type: 'image/jpg' },
};

/**
 * Lesson L3's server as a routes table: `GET /` answers an HTML page that refers to test.jpg, so
 * the browser makes a second request, `GET /test.jpg`, answered with the sample root's image as
 * `image/jpg` (the lesson's own, not the registered image/jpeg: the header says what the body is,
 * and browsers accept it). Anything else gets 404.
 */
export const L3_ROUTES: Route[] = [
  { method: 'GET', path: '/', response: { kind: 'bytes', bytes: ascii(L3_PAGE_RESPONSE) } },
  { method: 'GET', path: '/test.jpg', response: { kind: 'file', path: 'test.jpg', contentType: 'image/jpg' } },
];

export const L3_PAGE_AND_IMAGE: RoutesPreset = {
  kind: 'routes',
  name: 'l3-page-and-image',
  group: 'lesson',
  lesson: 'L3',
  after: 'close',
  routes: L3_ROUTES,
};

// L3's page with a form: the same page and picture, and a small form that posts to /submit. The
// browser sends the form's fields as the body of a POST after the blank line (lesson L3: "a POST
// carries a body"), and the echo_page route answers with that very request as a page.
const L3_FORM_PAGE =
  '<html><body><h1>Lesson L3</h1><p>This page is text. The picture below is a second request.</p>' +
  '<img src="test.jpg">' +
  '<form method="post" action="/submit"><p><label>First name: <input type="text" name="firstname"></label> ' +
  '<input type="submit" value="Submit"></p></form></body></html>\r\n';

/**
 * Lesson L3's whole server in one table: GET / the page with its image and form, GET /test.jpg the
 * image (image/jpg, as L3_ROUTES), POST /submit the request the server received shown as a page.
 * Anything else gets 404.
 */
export const L3_FORM_ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/',
    response: { kind: 'bytes', bytes: ascii(head('HTTP/1.1 200 OK', ['Content-Type: text/html', `Content-Length: ${L3_FORM_PAGE.length}`]) + L3_FORM_PAGE) },
  },
  { method: 'GET', path: '/test.jpg', response: { kind: 'file', path: 'test.jpg', contentType: 'image/jpg' } },
  { method: 'POST', path: '/submit', response: { kind: 'echo_page' } },
];

/**
 * The form's server. It answers at the end of the request, not on the first chunk: a browser may
 * send a POST's head and its body in separate writes, and the page must show the body too.
 */
export const L3_FORM: RoutesPreset = {
  kind: 'routes',
  name: 'l3-form',
  group: 'lesson',
  lesson: 'L3',
  after: 'close',
  answerWhen: 'request_end',
  routes: L3_FORM_ROUTES,
};

const NOT_FOUND_BODY = '404 Not Found: no file at that path.\r\n';

/** L4's static server when the file is missing: 404 and a short text, then close. */
export const L4_NOT_FOUND = bytesPreset(
  'l4-not-found',
  'lesson',
  'close',
  head('HTTP/1.1 404 Not Found', ['Content-Type: text/plain', `Content-Length: ${NOT_FOUND_BODY.length}`]) + NOT_FOUND_BODY,
  'L4',
);

// HTTP features lesson L4 names: each a well-formed response whose body says how its end is known.
const KEEP_ALIVE_BODY = 'The connection stays open for the next request.\r\n';
const SERVER_ERROR_BODY = '500 Internal Server Error: the server failed, not the request.\r\n';
const REDIRECT_BODY = 'Found at https://example.com/\r\n';

/**
 * Content-Length frames the body (RFC 9112 section 6.3, rule 6), so the server need not close to
 * end it: the client reads exactly that many bytes and may send its next request on the same
 * connection (section 9.3; `Connection: keep-alive` is HTTP/1.0's way to ask, harmless in 1.1).
 */
export const HTTP_KEEP_ALIVE = bytesPreset(
  'http-keep-alive',
  'http',
  'keep_alive',
  head('HTTP/1.1 200 OK', ['Content-Type: text/plain', `Content-Length: ${KEEP_ALIVE_BODY.length}`, 'Connection: keep-alive']) + KEEP_ALIVE_BODY,
);

/** Length-prefixed chunks (RFC 9112 section 7.1): sizes in hex, each chunk's data then CRLF, a zero-size last chunk, the blank line. */
export const HTTP_CHUNKED = bytesPreset(
  'http-chunked',
  'http',
  'keep_alive',
  head('HTTP/1.1 200 OK', ['Content-Type: text/plain', 'Transfer-Encoding: chunked']) + '7\r\nHello, \r\n6\r\nWorld!\r\n0\r\n\r\n',
);

/**
 * The gzip member (RFC 1952) of GZIP_TEXT, computed once with Node 20:
 *   zlib.gzipSync(Buffer.from(GZIP_TEXT), { level: 9 })
 * which writes mtime 0, XFL 2 (best compression) and OS 3 (Unix), so the bytes never change. The
 * repeated words compress to back-references: 42 bytes of text become 38 with the 18-byte gzip
 * frame around them. A literal here because shared/ has no zlib; the tests decode it three ways.
 */
export const GZIP_TEXT = 'Hello, World! Hello, World! Hello, World!\n';
const GZIP_BYTES = new Uint8Array([
  0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0xd7, 0x51, 0x08, 0xcf, 0x2f,
  0xca, 0x49, 0x51, 0x54, 0xf0, 0xc0, 0xcd, 0xe3, 0x02, 0x00, 0x6a, 0x0b, 0x73, 0xa0, 0x2a, 0x00, 0x00, 0x00,
]);

/** Content-Encoding: gzip (RFC 9110 section 8.4): the body is the compressed bytes, and Content-Length counts those. */
export const HTTP_GZIP: ResponsePreset = {
  kind: 'bytes',
  name: 'http-gzip',
  group: 'http',
  after: 'close',
  bytes: concatBytes([
    ascii(head('HTTP/1.1 200 OK', ['Content-Type: text/plain; charset=utf-8', 'Content-Encoding: gzip', `Content-Length: ${GZIP_BYTES.length}`])),
    GZIP_BYTES,
  ]),
};

/**
 * 302 Found with a Location (RFC 9110 section 15.4.3); the short note is what the RFC suggests for
 * clients that do not follow. 302, not 301: browsers cache a 301, and a learner who changes the
 * preset would still be sent away. The target is off this server because the canned responder
 * answers every path alike: a Location here would redirect the browser to the same redirect.
 */
export const HTTP_REDIRECT = bytesPreset(
  'http-redirect',
  'http',
  'close',
  head('HTTP/1.1 302 Found', ['Location: https://example.com/', 'Content-Type: text/plain', `Content-Length: ${REDIRECT_BODY.length}`]) + REDIRECT_BODY,
);

export const HTTP_SERVER_ERROR = bytesPreset(
  'http-server-error',
  'http',
  'close',
  head('HTTP/1.1 500 Internal Server Error', ['Content-Type: text/plain', `Content-Length: ${SERVER_ERROR_BODY.length}`]) + SERVER_ERROR_BODY,
);

// Broken on purpose: what each one does to curl and browsers is the lesson. All close after
// sending, so a body that is too short for its Content-Length ends in a visible cut.

/** The head never ends: the body's line reads as one more header line, without a colon. */
export const BROKEN_NO_BLANK_LINE = bytesPreset(
  'broken-no-blank-line',
  'broken',
  'close',
  'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\nHello, World!',
);

/** Content-Length promises 20 bytes, 13 come, then the FIN: curl reports the 7 missing (exit 18). */
export const BROKEN_CONTENT_LENGTH_LONG = bytesPreset(
  'broken-content-length-long',
  'broken',
  'close',
  head('HTTP/1.1 200 OK', ['Content-Type: text/plain', 'Content-Length: 20']) + 'Hello, World!',
);

/** Content-Length says 5 of the 13 bytes: the client stops at "Hello" and the rest is not a response. */
export const BROKEN_CONTENT_LENGTH_SHORT = bytesPreset(
  'broken-content-length-short',
  'broken',
  'close',
  head('HTTP/1.1 200 OK', ['Content-Type: text/plain', 'Content-Length: 5']) + 'Hello, World!',
);

/** Headers and a body with no status line: HTTP/0.9-like bytes that curl refuses unless told --http0.9. */
export const BROKEN_NO_STATUS_LINE = bytesPreset(
  'broken-no-status-line',
  'broken',
  'close',
  'Content-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!',
);

/** The presets that are exact bytes, in the order a menu lists them. */
export const PRESETS: readonly ResponsePreset[] = [
  L1_HELLO_WORLD,
  L2_HELLO_BARE_LF,
  L3_PAGE_PRESET,
  L4_NOT_FOUND,
  HTTP_KEEP_ALIVE,
  HTTP_CHUNKED,
  HTTP_GZIP,
  HTTP_REDIRECT,
  HTTP_SERVER_ERROR,
  BROKEN_NO_BLANK_LINE,
  BROKEN_CONTENT_LENGTH_LONG,
  BROKEN_CONTENT_LENGTH_SHORT,
  BROKEN_NO_STATUS_LINE,
];

/** Every preset, the image and the routes tables with L3's page, in the order a menu lists them. */
export const ALL_PRESETS: readonly Preset[] = [...PRESETS.slice(0, 3), L3_IMAGE, L3_PAGE_AND_IMAGE, L3_FORM, ...PRESETS.slice(3)];

/** The server's answer until the user picks another. */
export const DEFAULT_PRESET: ResponsePreset = L1_HELLO_WORLD;

/** A sample preset's head: the bytes before its file, exactly as the lesson sends them. */
export function sampleHead(preset: SamplePreset): Uint8Array {
  return ascii(preset.head);
}

/** A sample preset's whole response: its head, then the file's bytes unchanged. */
export function sampleResponse(preset: SamplePreset, file: Uint8Array): Uint8Array {
  return concatBytes([sampleHead(preset), file]);
}

/**
 * What answers when the preset is applied: the canned bytes, or for the routes table the routes
 * responder. A sample preset needs its file's bytes (read by the host); without them, undefined.
 */
export function presetResponder(preset: Preset, sampleFile?: Uint8Array): ResponderConfig | undefined {
  switch (preset.kind) {
    case 'bytes':
      return { kind: 'canned', bytes: preset.bytes };
    case 'sample':
      return sampleFile ? { kind: 'canned', bytes: sampleResponse(preset, sampleFile) } : undefined;
    case 'routes':
      return { kind: 'routes', routes: preset.routes };
  }
}
