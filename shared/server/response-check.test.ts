// The response editor's check over the presets and a few cases beside them: which problems, at
// which bytes, which fixes, and what each fix makes of the bytes, compared byte for byte.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  BROKEN_CONTENT_LENGTH_LONG,
  BROKEN_CONTENT_LENGTH_SHORT,
  BROKEN_NO_BLANK_LINE,
  BROKEN_NO_STATUS_LINE,
  GZIP_TEXT,
  HTTP_GZIP,
  L2_HELLO_BARE_LF,
  L3_IMAGE,
  PRESETS,
  sampleResponse,
  type BytesPresetName,
} from './presets';
import { createI18n } from '../i18n/catalog';
import { applyEdits, checkResponse, convertLineEndings, lineEndings } from './response-check';
import { FIX_CODES } from './response-fixes';

const JPEG = new Uint8Array(readFileSync(new URL('../../app/docroot/test.jpg', import.meta.url)));
const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const textOf = (bytes: Uint8Array): string => String.fromCharCode(...bytes);
/** L3's own image answer's head, from the lesson's Python triple-quoted string: it starts with a line break. */
const L3_HEAD = '\nHTTP/1.x 200 OK  \nContent-Type: image/jpg\n\n';
const problemsOf = (bytes: Uint8Array) => checkResponse(bytes).problems.map((p) => [p.code, p.offset, p.length]);

describe('checkResponse on the broken presets', () => {
  it.each<[string, Uint8Array, [string, number, number][]]>([
    // The body's line, read as a field line without a colon; then the FIN before any blank line.
    ['broken-no-blank-line', BROKEN_NO_BLANK_LINE.bytes, [['field_no_colon', 63, 13], ['missing_blank_line', 76, 0]]],
    // 13 of 20 bytes, then the close: the problem sits at the end, where the missing bytes were due.
    ['broken-content-length-long', BROKEN_CONTENT_LENGTH_LONG.bytes, [['content_length_short', 78, 0]]],
    // "Hello" is the body; ", World!" (8 bytes) follows it and is no response.
    ['broken-content-length-short', BROKEN_CONTENT_LENGTH_SHORT.bytes, [['bytes_after_body', 69, 8]]],
    // The first line, its CRLF included: a field, not a status line.
    ['broken-no-status-line', BROKEN_NO_STATUS_LINE.bytes, [['bad_start_line', 0, 26]]],
  ])('%s', (_name, bytes, expected) => {
    expect(problemsOf(bytes)).toEqual(expected);
  });

  it('finds nothing wrong with the well-formed presets, the gzip one among them', () => {
    const fine: BytesPresetName[] = ['l3-page', 'l4-not-found', 'http-keep-alive', 'http-chunked', 'http-gzip', 'http-redirect', 'http-server-error'];
    for (const name of fine) expect([name, problemsOf(PRESETS.find((p) => p.name === name)?.bytes ?? new Uint8Array())]).toEqual([name, []]);
    // L1 and L2 end their body by closing: worth knowing, not wrong; L2's bare LFs are.
    expect(checkResponse(PRESETS[0]?.bytes ?? new Uint8Array()).problems.map((p) => p.code)).toEqual(['body_until_close']);
    expect(checkResponse(L2_HELLO_BARE_LF.bytes).problems.map((p) => p.code)).toEqual(['bare_lf', 'body_until_close']);
  });

  it('tells L3’s own image answer for what it is: an empty line first, HTTP/1.x, spaces after the reason, bare LFs', () => {
    const image = sampleResponse(L3_IMAGE, JPEG);
    expect(problemsOf(image)).toEqual([
      ['empty_line_before_status', 0, 1],
      ['bad_http_version', 1, 8],
      ['reason_trailing_space', 16, 2],
      ['bare_lf', 18, 1],
      ['body_until_close', 1, 18],
    ]);
    // The empty line is not a bare LF of its own: the LF to CRLF fix leaves it alone.
    const crlf = checkResponse(image).fixes.find((f) => f.code === 'bare_lf_to_crlf');
    expect(crlf?.edits.map((e) => e.from)).toEqual([18, 42, 43]);
  });

  it('offers no fix for a response that needs none, and never changes the bytes it checks', () => {
    for (const preset of PRESETS) {
      const copy = new Uint8Array(preset.bytes);
      const check = checkResponse(preset.bytes);
      expect(preset.bytes).toEqual(copy);
      if (check.problems.every((p) => p.severity === 'info')) expect(check.fixes).toEqual([]);
    }
  });
});

describe('fixes', () => {
  it.each<[string, Uint8Array, string, Record<string, string | number>, string, string[]]>([
    ['no blank line', BROKEN_NO_BLANK_LINE.bytes, 'add_blank_line', {}, 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!', []],
    ['too long', BROKEN_CONTENT_LENGTH_LONG.bytes, 'set_content_length', { value: 13 }, 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!', []],
    ['too short', BROKEN_CONTENT_LENGTH_SHORT.bytes, 'set_content_length', { value: 13 }, 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!', []],
    ['no status line', BROKEN_NO_STATUS_LINE.bytes, 'add_status_line', { line: 'HTTP/1.1 200 OK' }, 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!', []],
    ['L2 bare LF', L2_HELLO_BARE_LF.bytes, 'bare_lf_to_crlf', { count: 2 }, 'HTTP/1.1 200 OK\r\n\r\nHello, World!', ['body_until_close']],
    // A body alone, as HTTP/0.9 sent it: the status line and the blank line go in front.
    ['a bare body', bytesOf('Hello, World!'), 'add_status_line', { line: 'HTTP/1.1 200 OK' }, 'HTTP/1.1 200 OK\r\n\r\nHello, World!', ['body_until_close']],
    ['no reason phrase', bytesOf('HTTP/1.1 404\r\nContent-Length: 2\r\n\r\nno'), 'add_reason_phrase', { reason: 'Not Found' }, 'HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno', []],
    ['a number that is not one', bytesOf('HTTP/1.1 200 OK\r\nContent-Length: five\r\n\r\nhello'), 'set_content_length', { value: 5 }, 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello', []],
    // The last line cut off before its line end: it gets one, then the blank line.
    ['a head cut short', bytesOf('HTTP/1.1 200 OK\r\nContent-Length: 0'), 'add_blank_line', {}, 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', []],
    // A bare-LF head keeps its style: the blank line is a bare LF too (and still told as one).
    ['a bare-LF head', bytesOf('HTTP/1.1 204 No Content\nServer: x\n'), 'add_blank_line', {}, 'HTTP/1.1 204 No Content\nServer: x\n\n', ['bare_lf']],
    // Chunked: the size lines and terminators are protocol lines; the LF inside the data is content.
    [
      'bare LFs around chunk data',
      bytesOf('HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n5\nhe\nlo\n0\n\n'),
      'bare_lf_to_crlf',
      { count: 7 },
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhe\nlo\r\n0\r\n\r\n',
      [],
    ],
    // L3's image answer, fixed one step at a time as a learner would: the empty line, the version,
    // the spaces after the reason, the bare LFs; what is left is the body read to the close.
    ['an empty line first', bytesOf(L3_HEAD), 'remove_empty_line', { count: 1 }, L3_HEAD.slice(1), ['bad_http_version', 'reason_trailing_space', 'bare_lf', 'body_until_close']],
    ['HTTP/1.x', bytesOf(L3_HEAD.slice(1)), 'set_http_version', { version: 'HTTP/1.1' }, L3_HEAD.slice(1).replace('1.x', '1.1'), ['reason_trailing_space', 'bare_lf', 'body_until_close']],
    ['spaces after the reason', bytesOf('HTTP/1.1 200 OK  \nContent-Type: image/jpg\n\n'), 'trim_reason', { count: 2 }, 'HTTP/1.1 200 OK\nContent-Type: image/jpg\n\n', ['bare_lf', 'body_until_close']],
    ['two empty lines first', bytesOf('\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n'), 'remove_empty_line', { count: 2 }, 'HTTP/1.1 204 No Content\r\n\r\n', []],
    // A CRLF typed after a complete body: remove it, or count it in Content-Length.
    ['a CRLF after the body', bytesOf('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHello\r\n'), 'remove_bytes_after_body', { count: 2 }, 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHello', []],
    ['a CRLF after the body, counted', bytesOf('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHello\r\n'), 'set_content_length', { value: 7 }, 'HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nHello\r\n', []],
    ['text after the body', BROKEN_CONTENT_LENGTH_SHORT.bytes, 'remove_bytes_after_body', { count: 8 }, 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nHello', []],
  ])('%s: %s', (_name, bytes, code, params, fixed, after) => {
    const check = checkResponse(bytes);
    const fix = check.fixes.find((f) => f.code === code);
    expect(fix).toMatchObject({ code, params });
    const problem = check.problems[fix?.problem ?? -1];
    expect(problem).toBeDefined();
    const result = applyEdits(bytes, fix?.edits ?? []);
    expect(textOf(result)).toBe(fixed);
    const left = checkResponse(result).problems.map((p) => p.code);
    expect(left).not.toContain(problem?.code);
    expect(left).toEqual(after);
  });

  it('has words for every fix: one sentence, or plural forms for those that count', () => {
    const i18n = createI18n();
    const missing = FIX_CODES.filter((code) => !i18n.exists(`ui.fixes.${code}`) && !i18n.exists(`ui.fixes.${code}_other`));
    expect(missing).toEqual([]);
    expect(i18n.t('ui.fixes.remove_empty_line', { count: 2 })).toBe('Remove the 2 empty lines before the status line');
    expect(i18n.t('ui.fixes.set_http_version', { version: 'HTTP/1.1' })).toBe('Make the version HTTP/1.1');
  });

  it('applies edits in any order against the original offsets, and refuses overlapping ones', () => {
    const bytes = bytesOf('abcdef');
    const edits = [
      { from: 4, to: 6, insert: bytesOf('EF') },
      { from: 0, to: 0, insert: bytesOf('>') },
      { from: 1, to: 2, insert: new Uint8Array() },
    ];
    expect(textOf(applyEdits(bytes, edits))).toBe('>acdEF');
    expect(() => applyEdits(bytes, [{ from: 0, to: 3, insert: new Uint8Array() }, { from: 2, to: 4, insert: new Uint8Array() }])).toThrow(RangeError);
  });
});

describe('line endings', () => {
  it.each(PRESETS.map((p) => [p.name, p.bytes] as const))('%s: its line ends, and it converts back and forth exactly', (name, bytes) => {
    const ends = lineEndings(bytes);
    expect(ends).toBe(name === 'l2-hello-bare-lf' ? 'lf' : 'crlf');
    const same = ends === 'lf' ? 'lf' : 'crlf';
    const other = same === 'lf' ? 'crlf' : 'lf';
    expect(convertLineEndings(bytes, same)).toEqual(bytes);
    const converted = convertLineEndings(bytes, other);
    expect(lineEndings(converted)).toBe(other);
    expect(convertLineEndings(converted, same)).toEqual(bytes);
  });

  it('leaves a binary body alone: the image and the gzip member keep every byte', () => {
    const image = sampleResponse(L3_IMAGE, JPEG);
    expect(lineEndings(image)).toBe('lf');
    const crlf = convertLineEndings(image, 'crlf');
    expect(crlf.length).toBe(image.length + 4); // the empty line, the status line, the field and the blank line
    expect(crlf.subarray(crlf.length - JPEG.length)).toEqual(JPEG);
    expect(convertLineEndings(crlf, 'lf')).toEqual(image);
    const gzip = convertLineEndings(HTTP_GZIP.bytes, 'lf');
    expect(gunzipSync(gzip.subarray(gzip.indexOf(0x1f))).toString()).toBe(GZIP_TEXT);
  });

  it('tells mixed from none, and converts only line ends (a lone CR stays)', () => {
    const mixed = bytesOf('HTTP/1.1 200 OK\r\nContent-Type: text/plain\n\none\r\ntwo\nthree\rfour');
    expect(lineEndings(mixed)).toBe('mixed');
    expect(textOf(convertLineEndings(mixed, 'crlf'))).toBe('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\none\r\ntwo\r\nthree\rfour');
    expect(textOf(convertLineEndings(mixed, 'lf'))).toBe('HTTP/1.1 200 OK\nContent-Type: text/plain\n\none\ntwo\nthree\rfour');
    expect(lineEndings(bytesOf('HTTP/1.1 200 OK'))).toBe('none');
    expect(lineEndings(new Uint8Array())).toBe('none');
  });
});

describe('the gzip preset', () => {
  it('is a gzip member of GZIP_TEXT that zlib and DecompressionStream both read', async () => {
    const body = HTTP_GZIP.bytes.subarray(HTTP_GZIP.bytes.length - 38);
    expect(gunzipSync(body).toString()).toBe(GZIP_TEXT);
    const stream = new Blob([body]).stream().pipeThrough(new DecompressionStream('gzip'));
    expect(await new Response(stream).text()).toBe(GZIP_TEXT);
    const { annotation } = checkResponse(HTTP_GZIP.bytes);
    expect(annotation.messages[0]).toMatchObject({ contentEncoding: 'gzip', declaredLength: 38, bodyLength: 38, complete: true });
  });
});
