// HttpAnnotator.progress(): what the next bytes of a stream must be, read as they arrive (the
// waiting hints of shared/waiting/ rely on it), and reading it never changes the annotation.
import { describe, expect, it } from 'vitest';
import { HttpAnnotator } from './annotator';
import type { Side } from './annotation';
import { latin1Bytes } from './testing/support';

/** The annotator after `pieces` were pushed one by one, and each piece's progress. */
function fed(side: Side, pieces: string[]): { annotator: HttpAnnotator; steps: ReturnType<HttpAnnotator['progress']>[] } {
  const annotator = new HttpAnnotator(side);
  const steps = pieces.map((piece) => {
    annotator.push(latin1Bytes(piece));
    return annotator.progress();
  });
  return { annotator, steps };
}

describe('HttpAnnotator.progress', () => {
  it('a request line typed without its blank line is a head still arriving', () => {
    const { steps } = fed('request', ['GET / HT', 'TP/1.1\r\n', 'Host: x\r\n', '\r\n']);
    expect(steps.map((s) => [s.phase, s.pendingBytes])).toEqual([
      ['start', 8],
      ['head', 0],
      ['head', 0],
      ['start', 0],
    ]);
    expect(steps[1]?.message).toMatchObject({ index: 0, method: 'GET' });
    expect(steps[3]?.message).toBeNull();
    expect(steps[3]?.messages).toBe(1);
  });

  it('counts down the body bytes Content-Length still owes', () => {
    const { steps } = fed('request', ['POST /f HTTP/1.1\r\nContent-Length: 10\r\n\r\n', 'name=', 'alice']);
    expect(steps.map((s) => [s.phase, s.bytesDue])).toEqual([
      ['body_length', 10],
      ['body_length', 5],
      ['start', 0],
    ]);
    expect(steps[0]?.message?.framing).toBe('length');
  });

  it('a chunked body waits for a chunk-size line, then its data, then the CRLF after it', () => {
    const { steps } = fed('request', ['POST /u HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n', '5\r\nhel', 'lo', '\r\n', '0\r\n', '\r\n']);
    expect(steps.map((s) => [s.phase, s.bytesDue])).toEqual([
      ['chunk_size', 0],
      ['chunk_data', 2],
      ['chunk_end', 0],
      ['chunk_size', 0],
      ['trailers', 0],
      ['start', 0],
    ]);
  });

  it('a response with neither Content-Length nor chunking is read until the close', () => {
    const { annotator, steps } = fed('response', ['HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n', '<html>']);
    expect(steps.map((s) => s.phase)).toEqual(['body_close', 'body_close']);
    expect(steps[0]?.message).toMatchObject({ status: 200, framing: 'close' });
    annotator.end();
    expect(annotator.progress()).toMatchObject({ ended: true });
  });

  it('reading it changes nothing the annotator hands out', () => {
    const pieces = ['POST /u HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r', '\nhello\r\n0\r\n\r\nGET / HTTP/1.1\r\n'];
    const looked = fed('request', pieces).annotator;
    const plain = new HttpAnnotator('request');
    for (const piece of pieces) plain.push(latin1Bytes(piece));
    expect(looked.result()).toEqual(plain.result());
  });
});
