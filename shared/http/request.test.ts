import { describe, expect, it } from 'vitest';
import { frameRequest, headerValue, parseRequestHead, wantsKeepAlive, type Framing, type FramingProgress, type RequestHead } from './request';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

function complete(text: string | Uint8Array): { length: number; head: RequestHead } {
  const framing = frameRequest(typeof text === 'string' ? bytes(text) : text);
  if (framing.state !== 'complete') throw new Error(`expected complete, got ${JSON.stringify(framing)}`);
  return framing;
}

function invalidReason(text: string): string {
  const framing = frameRequest(bytes(text));
  return framing.state === 'invalid' ? framing.reason : `not invalid: ${framing.state}`;
}

/** Feeds `message` to frameRequest as a growing buffer, in pieces of the given sizes, resuming each time. */
function feed(message: Uint8Array, pieces: number[]): Framing[] {
  const answers: Framing[] = [];
  let resume: FramingProgress | undefined;
  let end = 0;
  for (const size of pieces) {
    end = Math.min(message.length, end + size);
    // A fresh copy each time, as a caller that concatenates chunks would have.
    const framing = frameRequest(message.slice(0, end), resume === undefined ? {} : { resume });
    answers.push(framing);
    resume = framing.state === 'incomplete' ? framing.resume : undefined;
  }
  return answers;
}

const GET = 'GET /index.html?x=1 HTTP/1.1\r\nHost: 127.0.0.1:9000\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n';
const POST_LENGTH = 'POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nname=romeo!';
const POST_CHUNKED =
  'POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n' +
  '5;name=value\r\nhello\r\n' +
  '7 ; ext ; other="quoted"\r\n, world\r\n' +
  'A\r\n0123456789\r\n' +
  '0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n';

describe('frameRequest: the head', () => {
  it('frames a CRLF request with its request line and headers, names and order as sent', () => {
    const { length, head } = complete(GET);
    expect(length).toBe(GET.length);
    expect(head).toEqual({
      method: 'GET',
      target: '/index.html?x=1',
      version: 'HTTP/1.1',
      headers: [
        ['Host', '127.0.0.1:9000'],
        ['User-Agent', 'curl/8.5.0'],
        ['Accept', '*/*'],
      ],
      headLength: GET.length,
    });
  });

  it('accepts bare LF line ends (RFC 9112 section 2.2), as typed into nc', () => {
    const { length, head } = complete('GET /hello HTTP/1.1\nHost: x\n\n');
    expect(length).toBe(29);
    expect(head.headers).toEqual([['Host', 'x']]);
  });

  it('keeps an absolute-form target as sent (lesson L1 client)', () => {
    const { head } = complete('GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n');
    expect(head.target).toBe('http://127.0.0.1/romeo.txt');
    expect(head.version).toBe('HTTP/1.0');
  });

  it('trims optional whitespace around field values and keeps obs-text bytes as Latin-1', () => {
    const { head } = complete('GET / HTTP/1.1\r\nX-A:\t  spaced out \t\r\nX-B:\r\nX-C: caf\xe9\r\n\r\n');
    expect(head.headers).toEqual([
      ['X-A', 'spaced out'],
      ['X-B', ''],
      ['X-C', 'café'],
    ]);
  });

  it('ignores empty lines before the request line, and counts them in headLength', () => {
    const { length, head } = complete('\r\n\nGET / HTTP/1.1\r\n\r\n');
    expect(head.method).toBe('GET');
    expect(head.headLength).toBe(21);
    expect(length).toBe(21);
  });

  it('frames an HTTP/0.9 simple request as its line alone, with no version', () => {
    const { length, head } = complete('GET /hello\r\nanything after');
    expect(length).toBe(12);
    expect(head).toMatchObject({ method: 'GET', target: '/hello', version: '', headers: [] });
  });

  it('is incomplete without the blank line', () => {
    expect(frameRequest(bytes('GET / HTTP/1.1\r\nHost: a\r\n')).state).toBe('incomplete');
    expect(frameRequest(bytes('')).state).toBe('incomplete');
  });
});

describe('frameRequest: the body', () => {
  it('reads a Content-Length body, and is incomplete until all of it is in', () => {
    expect(complete(POST_LENGTH).length).toBe(POST_LENGTH.length);
    expect(frameRequest(bytes(POST_LENGTH.slice(0, -1))).state).toBe('incomplete');
  });

  it('accepts repeated Content-Length values that agree', () => {
    const text = 'POST / HTTP/1.1\r\nContent-Length: 3, 003\r\nContent-Length: 3\r\n\r\nabc';
    expect(complete(text).length).toBe(text.length);
  });

  it('reads a chunked body with extensions and trailers, to the final CRLF', () => {
    const { length, head } = complete(POST_CHUNKED);
    expect(length).toBe(POST_CHUNKED.length);
    expect(head.headLength).toBe(POST_CHUNKED.indexOf('5;name'));
    expect(frameRequest(bytes(POST_CHUNKED.slice(0, -2))).state).toBe('incomplete');
  });

  it('reads a chunked body with bare LF lines and no trailers', () => {
    const text = 'POST / HTTP/1.1\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n';
    expect(complete(text).length).toBe(text.length);
  });

  it('lets chunked win over Content-Length (RFC 9112 section 6.3, rule 3)', () => {
    const text = 'POST / HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n';
    expect(complete(text).length).toBe(text.length);
  });

  it('never reads a request without a length to EOF: no body', () => {
    const text = 'POST / HTTP/1.1\r\nHost: a\r\n\r\n';
    expect(complete(text + 'this is the next request').length).toBe(text.length);
  });

  it('frames only the first of pipelined requests; length slices it off', () => {
    const all = bytes(POST_LENGTH + POST_CHUNKED + GET);
    const lengths: number[] = [];
    let rest = all;
    for (let i = 0; i < 3; i++) {
      const { length } = complete(rest);
      lengths.push(length);
      rest = rest.subarray(length);
    }
    expect(lengths).toEqual([POST_LENGTH.length, POST_CHUNKED.length, GET.length]);
    expect(rest.length).toBe(0);
  });
});

describe('frameRequest on a growing buffer', () => {
  const messages = [GET, POST_LENGTH, POST_CHUNKED, 'GET /a HTTP/1.0\n\n', '\r\nGET /b\r\n'];

  it.each(messages.map((m) => [JSON.stringify(m.slice(0, 24)), m]))(
    'is incomplete at every split point and complete at the end: %s',
    (_name, message) => {
      const whole = bytes(message);
      // Every prefix on its own (no resume) ...
      for (let cut = 0; cut < whole.length; cut++) {
        expect(frameRequest(whole.slice(0, cut)).state, `cut at ${cut}`).toBe('incomplete');
      }
      // ... and one byte at a time with resume.
      const answers = feed(whole, new Array<number>(whole.length).fill(1));
      expect(answers.slice(0, -1).every((a) => a.state === 'incomplete')).toBe(true);
      expect(answers.at(-1)).toMatchObject({ state: 'complete', length: whole.length });
    },
  );

  it('gives the same answer resumed as fresh, whatever the piece sizes', () => {
    const message = bytes(POST_CHUNKED + GET);
    const expected = frameRequest(message);
    for (const size of [2, 3, 5, 7, 11, 64]) {
      const answers = feed(message, new Array<number>(Math.ceil(message.length / size) + 1).fill(size));
      expect(answers.at(-1)).toEqual(expected);
    }
  });

  it('starts over when handed a resume from a longer buffer', () => {
    const first = frameRequest(bytes(GET.slice(0, 60)));
    if (first.state !== 'incomplete') throw new Error('expected incomplete');
    const short = 'GET / HTTP/1.1\r\n\r\n';
    expect(frameRequest(bytes(short), { resume: first.resume })).toMatchObject({ state: 'complete', length: short.length });
  });

  it('stays linear: a 64 KiB head of short lines fed one byte at a time is refused quickly', () => {
    // Rescanning from the start each time would parse about 2^28 header lines here: many seconds.
    const line = bytes('GET / HTTP/1.1\r\n' + 'X: y\r\n'.repeat(12_000));
    const started = performance.now();
    let resume: FramingProgress | undefined;
    let last: Framing | undefined;
    for (let end = 1; end <= line.length; end++) {
      last = frameRequest(line.subarray(0, end), resume === undefined ? {} : { resume });
      if (last.state !== 'incomplete') break;
      resume = last.resume;
    }
    expect(last).toEqual({ state: 'invalid', reason: 'head_too_large', head: null });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('stays linear in a chunked body of 10,000 chunks fed one byte at a time', () => {
    const message = bytes('POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n' + '1;e=v\r\na\r\n'.repeat(10_000) + '0\r\n\r\n');
    const started = performance.now();
    let resume: FramingProgress | undefined;
    let last: Framing | undefined;
    for (let end = 1; end <= message.length; end++) {
      last = frameRequest(message.subarray(0, end), resume === undefined ? {} : { resume });
      if (last.state !== 'incomplete') break;
      resume = last.resume;
    }
    expect(last).toMatchObject({ state: 'complete', length: message.length });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a method of 64 KiB sent one byte at a time without rescanning it', () => {
    const line = bytes('A'.repeat(70_000));
    const started = performance.now();
    let resume: FramingProgress | undefined;
    let last: Framing | undefined;
    for (let end = 1; end <= line.length; end++) {
      last = frameRequest(line.subarray(0, end), resume === undefined ? {} : { resume });
      if (last.state !== 'incomplete') break;
      resume = last.resume;
    }
    expect(last).toMatchObject({ state: 'invalid', reason: 'head_too_large' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('frameRequest: what cannot be framed', () => {
  it('refuses a 1 MB request line after reading only the head limit', () => {
    const huge = bytes('GET /' + 'x'.repeat(1_000_000) + ' HTTP/1.1\r\n\r\n');
    expect(frameRequest(huge)).toEqual({ state: 'invalid', reason: 'head_too_large', head: null });
    expect(frameRequest(huge, { maxHeadBytes: 2_000_000 }).state).toBe('complete');
  });

  it('counts the limit on the whole head, blank line included', () => {
    const text = 'GET / HTTP/1.1\r\nHost: a\r\n\r\n';
    expect(frameRequest(bytes(text), { maxHeadBytes: text.length }).state).toBe('complete');
    expect(frameRequest(bytes(text), { maxHeadBytes: text.length - 1 }).state).toBe('invalid');
  });

  it.each([
    ['garbage words', 'hello there\r\n\r\n'],
    ['two spaces', 'GET  / HTTP/1.1\r\n\r\n'],
    ['a trailing space', 'GET / HTTP/1.1 \r\n\r\n'],
    ['a lower-case version', 'GET / http/1.1\r\n\r\n'],
    ['a bad version', 'GET / HTTP/1\r\n\r\n'],
    ['a two-word line that is not GET', 'POST /x\r\n\r\n'],
    ['a control character in the target', 'GET /a\x01b HTTP/1.1\r\n\r\n'],
    ['a TAB in the target (RFC 9112 section 3.2)', 'GET /a\tb HTTP/1.1\r\n\r\n'],
    ['a TAB for the target', 'OPTIONS \t HTTP/1.1\r\n\r\n'],
    ['a bare CR in the line', 'GET /a\rb HTTP/1.1\r\n\r\n'],
  ])('refuses a request line with %s', (_name, text) => {
    expect(invalidReason(text)).toBe('bad_request_line');
  });

  it('refuses bytes that cannot start a request before any line end arrives', () => {
    // The first bytes of a TLS ClientHello, sent by `curl https://` to a plain-HTTP port.
    expect(frameRequest(Uint8Array.of(0x16, 0x03, 0x01, 0x02, 0x00))).toEqual({ state: 'invalid', reason: 'bad_request_line', head: null });
    expect(frameRequest(bytes(' GET'))).toMatchObject({ state: 'invalid', reason: 'bad_request_line' });
    expect(frameRequest(bytes('GE')).state).toBe('incomplete');
    expect(frameRequest(bytes('\r')).state).toBe('incomplete');
  });

  it.each([
    ['a space before the colon (RFC 9112 5.1)', 'Host : a'],
    ['obsolete line folding (5.2)', 'X-A: one\r\n two'],
    ['no colon', 'JustAName'],
    ['an empty name', ': value'],
    ['a NUL in the value', 'X-A: a\x00b'],
    ['a bare CR in the value', 'X-A: a\rb'],
  ])('refuses a header with %s', (_name, field) => {
    expect(invalidReason(`GET / HTTP/1.1\r\n${field}\r\n\r\n`)).toBe('bad_header');
  });

  it.each([
    ['not digits', 'abc'],
    ['negative', '-1'],
    ['a plus sign', '+5'],
    ['an exponent', '1e3'],
    ['empty', ''],
    ['too many digits', '1234567890123456'],
    ['only commas', ' , '],
    ['followed by a non-breaking space (not OWS)', '3\xa0'],
  ])('refuses a Content-Length that is %s, keeping the head', (_name, value) => {
    const framing = frameRequest(bytes(`POST / HTTP/1.1\r\nContent-Length: ${value}\r\n\r\nabc`));
    expect(framing).toMatchObject({ state: 'invalid', reason: 'bad_content_length', head: { method: 'POST' } });
  });

  it('refuses Content-Length values that disagree, in one field or two (RFC 9112 section 6.3 rule 5)', () => {
    expect(invalidReason('POST / HTTP/1.1\r\nContent-Length: 3, 4\r\n\r\nabcd')).toBe('conflicting_content_length');
    expect(invalidReason('POST / HTTP/1.1\r\nContent-Length: 3\r\ncontent-length: 4\r\n\r\nabcd')).toBe('conflicting_content_length');
  });

  // The verdicts are shared/http/framing.ts's, the codes the annotator reports for the same bytes.
  it.each([
    ['gzip', 'unsupported_transfer_encoding'],
    ['chunked, gzip', 'unsupported_transfer_encoding'],
    ['', 'unsupported_transfer_encoding'],
    ['chunked x', 'unsupported_transfer_encoding'],
    ['chunked, chunked', 'repeated_chunked'],
    ['chunked;x=1', 'chunked_with_parameters'],
    ['chunked ; q="a,b"', 'chunked_with_parameters'],
  ])('refuses Transfer-Encoding: %j as %s', (value, reason) => {
    expect(invalidReason(`POST / HTTP/1.1\r\nTransfer-Encoding: ${value}\r\n\r\n0\r\n\r\n`)).toBe(reason);
  });

  it('refuses Transfer-Encoding on an HTTP/1.0 request, even with Content-Length (RFC 9112 section 6.1)', () => {
    expect(invalidReason('POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n')).toBe('transfer_encoding_http10');
    expect(invalidReason('POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n')).toBe('transfer_encoding_http10');
  });

  it.each([['gzip, chunked'], [', chunked'], ['chunked ,'], ['Chunked'], ['gzip;level=1, chunked']])('frames Transfer-Encoding: %j as chunked', (value) => {
    const framing = frameRequest(bytes(`POST / HTTP/1.1\r\nTransfer-Encoding: ${value}\r\n\r\n3\r\nabc\r\n0\r\n\r\nGET`));
    expect(framing).toMatchObject({ state: 'complete', length: framing.state === 'complete' ? framing.head.headLength + 13 : -1 });
  });

  it.each([
    ['no digits', 'xyz\r\n', 'bad_chunk_size'],
    ['an extension without ";"', '5 x\r\nhello\r\n0\r\n\r\n', 'bad_chunk_size'],
    ['a negative size', '-5\r\n', 'bad_chunk_size'],
    ['a size beyond 2^52', 'fffffffffffffff\r\n', 'bad_chunk_size'],
    ['a size line longer than 4 KiB', '5;' + 'e'.repeat(5000), 'bad_chunk_size'],
    ['data longer than its size', '3\r\nabcd\r\n0\r\n\r\n', 'bad_chunk_end'],
    ['a CR not followed by LF after the data', '3\r\nabc\rX', 'bad_chunk_end'],
    ['a malformed trailer', '0\r\nnot a field\r\n\r\n', 'bad_trailer'],
  ])('refuses a chunked body with %s', (_name, body, reason) => {
    expect(invalidReason(`POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n${body}`)).toBe(reason);
  });
});

describe('parseRequestHead', () => {
  it('parses a whole head and ignores the body framing', () => {
    expect(parseRequestHead(bytes('POST / HTTP/1.1\r\nContent-Length: 99\r\n\r\nab'))).toMatchObject({ method: 'POST', headLength: 39 });
  });

  it('is null for a partial head or garbage', () => {
    expect(parseRequestHead(bytes('GET / HTTP/1.1\r\nHost: a\r\n'))).toBeNull();
    expect(parseRequestHead(bytes('\x00\x01\x02\r\n\r\n'))).toBeNull();
  });
});

describe('wantsKeepAlive (RFC 9112 section 9.3)', () => {
  const head = (version: string, ...headers: string[]): RequestHead =>
    complete(`GET / ${version}\r\n${headers.map((h) => h + '\r\n').join('')}\r\n`).head;

  it('keeps HTTP/1.1 by default, unless Connection: close', () => {
    expect(wantsKeepAlive(head('HTTP/1.1'))).toBe(true);
    expect(wantsKeepAlive(head('HTTP/1.1', 'Connection: close'))).toBe(false);
    expect(wantsKeepAlive(head('HTTP/1.1', 'Connection: Upgrade, CLOSE'))).toBe(false);
    expect(wantsKeepAlive(head('HTTP/1.1', 'Connection: keep-alive', 'connection: close'))).toBe(false);
  });

  it('keeps HTTP/1.0 only with Connection: keep-alive', () => {
    expect(wantsKeepAlive(head('HTTP/1.0'))).toBe(false);
    expect(wantsKeepAlive(head('HTTP/1.0', 'Connection: Keep-Alive'))).toBe(true);
    expect(wantsKeepAlive(head('HTTP/1.0', 'Connection: keep-alive, close'))).toBe(false);
  });

  it('never keeps an HTTP/0.9 request', () => {
    expect(wantsKeepAlive(complete('GET /\r\n').head)).toBe(false);
  });
});

describe('headerValue', () => {
  it('finds the first header of that name, whatever its case', () => {
    const { head } = complete('GET / HTTP/1.1\r\nX-One: a\r\nx-one: b\r\nHOST: h\r\n\r\n');
    expect(headerValue(head, 'x-ONE')).toBe('a');
    expect(headerValue(head, 'host')).toBe('h');
    expect(headerValue(head, 'missing')).toBeUndefined();
  });
});
