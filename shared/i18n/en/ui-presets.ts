// English words of the canned-response presets (shared/server/presets.ts: a label and the one thing each
// teaches) and of the response editor's one-click fixes (shared/server/response-fixes.ts: ui.fixes.<code>).
import type { FixWords, PresetWords } from '../preset-words';

export const presets = {
  'l1-hello-world': {
    label: 'L1: Hello World, then FIN',
    teaches: 'No Content-Length: the browser knows the page is complete only when the server half-closes (its FIN).',
  },
  'l2-hello-bare-lf': {
    label: 'L2: Hello, World! with bare LF, no headers',
    teaches: 'A status line, no headers and bare LF line ends: malformed, yet browsers and curl still show it.',
  },
  'l3-page': {
    label: 'L3: the HTML page',
    teaches: 'Content-Type: text/html makes it a page; its <img src="test.jpg"> makes the browser ask a second time.',
  },
  'l3-image': {
    label: 'L3: the image, the lesson’s own bytes',
    teaches:
      'The header says what the body is (Content-Type: image/jpg), but the lesson’s answer starts with an empty line and says HTTP/1.x: Chromium still shows the image, curl refuses it.',
  },
  'l3-page-and-image': {
    label: 'L3: page and image (routes)',
    teaches: 'Different answers for different paths: GET / gets the page, GET /test.jpg the image. Switches the server to routes.',
  },
  'l3-form': {
    label: 'L3: page, image and a form (routes)',
    teaches:
      'A POST carries a body after the blank line: submit the form and the server answers with the very request it received, shown as a page. Switches the server to routes.',
  },
  'l4-not-found': {
    label: 'L4: 404 Not Found',
    teaches: 'A 4xx status is the client’s error: the file asked for does not exist, and a short text says so.',
  },
  'http-keep-alive': {
    label: 'Keep-alive with Content-Length',
    teaches: 'Content-Length ends the body, so the connection can stay open for the next request.',
  },
  'http-chunked': {
    label: 'Chunked body',
    teaches: 'Transfer-Encoding: chunked sends the body in pieces, each after its size in hex, ending with a zero-size chunk.',
  },
  'http-gzip': {
    label: 'Gzip-encoded body',
    teaches: 'Content-Encoding: gzip: the body on the wire is compressed, and the client unpacks it before showing it.',
  },
  'http-redirect': {
    label: '302 Found (redirect)',
    teaches: 'A 3xx status sends the client elsewhere: the Location header says where.',
  },
  'http-server-error': {
    label: '500 Internal Server Error',
    teaches: 'A 5xx status is the server’s error, not the client’s: the request may have been fine.',
  },
  'broken-no-blank-line': {
    label: 'Broken: no blank line',
    teaches: 'Without the blank line the head never ends: the body is read as one more header line.',
  },
  'broken-content-length-long': {
    label: 'Broken: Content-Length too long',
    teaches: 'The header promises more bytes than come: the client waits for them, then reports the transfer cut short.',
  },
  'broken-content-length-short': {
    label: 'Broken: Content-Length too short',
    teaches: 'The header promises fewer bytes than are sent: the client stops there and the rest is lost.',
  },
  'broken-no-status-line': {
    label: 'Broken: no status line',
    teaches: 'Without a status line the bytes are not HTTP/1.x: curl refuses them unless told --http0.9.',
  },
} satisfies PresetWords;

export const fixes = {
  set_content_length: 'Set Content-Length to {{value}}, the body’s actual length',
  add_blank_line: 'Add the blank line that ends the head',
  bare_lf_to_crlf_one: 'Make the bare LF in the head a CRLF',
  bare_lf_to_crlf_other: 'Make the {{count}} bare LFs in the head CRLF',
  add_reason_phrase: 'Add the reason phrase “{{reason}}”',
  add_status_line: 'Add a status line: {{line}}',
  remove_empty_line_one: 'Remove the empty line before the status line',
  remove_empty_line_other: 'Remove the {{count}} empty lines before the status line',
  set_http_version: 'Make the version {{version}}',
  trim_reason: 'Remove the whitespace after the reason phrase',
  remove_bytes_after_body_one: 'Remove the byte after the body',
  remove_bytes_after_body_other: 'Remove the {{count}} bytes after the body',
} satisfies FixWords<'one' | 'other'>;
