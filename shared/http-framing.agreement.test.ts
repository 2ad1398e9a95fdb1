// The engine's framer and the annotator read the same request bytes into the same messages, with
// the same verdicts (DESIGN.md, "What a teaching tool owes: the truth"; issue 14 item 5).
import { describe, expect, it } from 'vitest';
import { latin1Bytes } from './http-annotate.test-support';
import { annotatorFrames, engineFrames } from './http-framing.test-support';

const NEXT = 'GET /next HTTP/1.1\r\nHost: a\r\n\r\n';

describe('the engine and the annotator agree on Transfer-Encoding lists (issue 14 item 5)', () => {
  it.each([
    ['chunked, chunked (chunked at most once: RFC 9112 section 6.1)', 'chunked, chunked'],
    ['chunked;x=1 (chunked takes no parameters: RFC 9112 section 7.1)', 'chunked;x=1'],
  ])('%s', (_name, value) => {
    const bytes = latin1Bytes(`POST /a HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ${value}\r\n\r\n3\r\nabc\r\n0\r\n\r\n${NEXT}`);
    const engine = engineFrames(bytes);
    expect(annotatorFrames(bytes)).toEqual(engine);
    expect(engine).toEqual([{ verdict: 'invalid', codes: [expect.any(String)] }]);
  });
});
