// Canned responses, one per lesson (see LESSONS.md), as the exact bytes a server sends. They are
// bytes, not strings, because a response may be malformed on purpose (bare LF line ends, a missing
// blank line) and the point of the workbench is to show precisely what went on the wire.
// Pure: no Node, no DOM, so the engine and the renderer's response editor share the same bytes.
import type { Route } from './server-settings';

/** Stable identifiers: a UI finds each preset's label in the i18n catalog under `presets.<name>`. */
export const PRESET_NAMES = ['l1-hello-world', 'l2-hello-bare-lf'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface ResponsePreset {
  readonly name: PresetName;
  /** The lesson it reproduces, as LESSONS.md numbers them. */
  readonly lesson: 'L1' | 'L2';
  /** Exactly what goes on the wire, sent in one write. */
  readonly bytes: Uint8Array;
}

// Every byte is ASCII, so encoding the string gives the wire bytes one for one.
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * L1: the simplest web server. CRLF line ends (RFC 9112 section 2.2), a Content-Type, the blank
 * line, and an HTML body that itself ends in CRLF CRLF. There is no Content-Length: the client
 * learns the body is complete only from the server's FIN (RFC 9112 section 6.3, rule 8), which is
 * why the lesson follows its one `sendall` with shutdown(SHUT_WR).
 */
export const L1_HELLO_WORLD: ResponsePreset = {
  name: 'l1-hello-world',
  lesson: 'L1',
  bytes: ascii(
    'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>Hello World</body></html>\r\n\r\n',
  ),
};

/**
 * L2: the server a learner talks to with telnet. A status line, no headers, and bare LF where
 * HTTP wants CRLF (RFC 9112 section 2.2 lets recipients accept a bare LF, which is why browsers and
 * curl still show it): malformed on purpose, and sent byte for byte. No Content-Length either: the
 * server's close marks the end of the body.
 */
export const L2_HELLO_BARE_LF: ResponsePreset = {
  name: 'l2-hello-bare-lf',
  lesson: 'L2',
  bytes: ascii('HTTP/1.1 200 OK\n\nHello, World!'),
};

export const PRESETS: readonly ResponsePreset[] = [L1_HELLO_WORLD, L2_HELLO_BARE_LF];

/** The server's answer until the user picks another. */
export const DEFAULT_PRESET: ResponsePreset = L1_HELLO_WORLD;

// L3: different answers for different paths. The page is ASCII, so its length in characters is its
// length in bytes, and Content-Length is right by construction.
const L3_PAGE =
  '<html><body><h1>Lesson L3</h1><p>This page is text. The picture below is a second request.</p>' +
  '<img src="test.jpg"></body></html>\r\n';

/**
 * Lesson L3's server as a routes table: `GET /` answers an HTML page that refers to test.jpg, so
 * the browser makes a second request, `GET /test.jpg`, answered with the sample root's image as
 * `image/jpg` (the lesson's own, not the registered image/jpeg: the header says what the body is,
 * and browsers accept it). Anything else gets 404.
 */
export const L3_ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/',
    response: {
      kind: 'bytes',
      bytes: ascii(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${L3_PAGE.length}\r\n\r\n${L3_PAGE}`),
    },
  },
  { method: 'GET', path: '/test.jpg', response: { kind: 'file', path: 'test.jpg', contentType: 'image/jpg' } },
];
