// The two readers of lines side by side (shared/http/annotate/quick-lines.ts, text-lines.ts), each
// with its own line reader, span store and message model, after the same lines before: a usual
// line is read by QuickLines, and gives exactly the spans, message and problems TextLines gives
// it; any other line QuickLines leaves untouched (false, nothing consumed) for TextLines.
import { describe, expect, it } from 'vitest';
import type { Side } from './annotation';
import { Cursor } from './cursor';
import { LineReader, NEXT_LINE } from './line-reader';
import { MessageModel } from './message-model';
import { QuickLines } from './quick-lines';
import { SpanStore } from './spans';
import { TextLines } from './text-lines';
import { latin1Bytes } from './testing/support';

class Parts {
  readonly lines = new LineReader();
  readonly spans = new SpanStore();
  readonly model: MessageModel;
  readonly cursor: Cursor;
  readonly quick: QuickLines;
  readonly text: TextLines;

  constructor(side: Side) {
    this.model = new MessageModel(side);
    this.cursor = new Cursor(this.lines, this.spans, this.model);
    this.quick = new QuickLines(this.lines, this.cursor, this.model);
    this.text = new TextLines(this.lines, this.cursor, this.model);
  }

  /** Reads every whole line of `text` as text (the lines before: no body among them). */
  readText(text: string): void {
    const lines = this.lines;
    lines.feed(latin1Bytes(text));
    while (lines.nextPiece()) {
      while (lines.nextLine(false) === NEXT_LINE.line) this.text.line(lines.data, lines.start, lines.contentEnd, lines.lineEnd - lines.contentEnd);
    }
    lines.keep();
  }

  /** Offers `line` to QuickLines alone: whether it read it. */
  readQuick(line: string): boolean {
    const lines = this.lines;
    lines.feed(latin1Bytes(line));
    lines.nextPiece();
    const read = this.quick.read(lines.data, lines.start, lines.end);
    lines.keep();
    return read;
  }

  /** What the parts hold: the same for both readers, or one of them read a line differently. */
  state(): unknown {
    const { model } = this;
    return { spans: this.spans.toTable().toArray(), messages: model.copyMessages(), problems: model.copyProblems(), phase: model.phase, foldable: model.foldable, offset: this.lines.offset, waiting: this.lines.length };
  }
}

/** The lines before, for each phase a line may be read in. */
const BEFORE = {
  requestStart: ['request', ''],
  requestAgain: ['request', 'GET /a HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\n'],
  responseStart: ['response', ''],
  responseAgain: ['response', 'HTTP/1.1 304 Not Modified\r\nETag: "1"\r\n\r\n'],
  head: ['request', 'GET / HTTP/1.1\r\n'],
  headAgain: ['request', 'GET / HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\nGET / HTTP/1.1\r\n'],
  headAfterFolding: ['request', 'GET / HTTP/1.1\r\nX: a\r\n b\r\n'],
  chunkSize: ['response', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'],
  trailers: ['response', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n'],
} as const satisfies Record<string, readonly [Side, string]>;

const USUAL: [keyof typeof BEFORE, string][] = [
  ['requestStart', 'GET / HTTP/1.1\r\n'],
  ['requestStart', 'POST  /a?b=c  HTTP/1.0\n'],
  ['requestStart', 'M-SEARCH * HTTP/1.1\r\n'],
  ['requestStart', 'GET /caf\xe9 HTTP/1.1\r\n'],
  ['requestAgain', 'GET /a HTTP/1.1\r\n'],
  ['requestAgain', 'GET /b HTTP/1.1\r\n'],
  ['responseStart', 'HTTP/1.1 200 OK\r\n'],
  ['responseStart', 'HTTP/1.1 404 \r\n'],
  ['responseStart', 'HTTP/1.0   500 Internal Server Error\n'],
  ['responseStart', 'HTTP/1.1 200 caf\xe9\r\n'],
  ['responseAgain', 'HTTP/1.1 304 Not Modified\r\n'],
  ['head', 'Host: a\r\n'],
  ['head', 'X-Empty:\r\n'],
  ['head', 'X:   spaced  value\t \r\n'],
  ['head', 'Accept: */*\n'],
  ['headAgain', 'Host: a\r\n'],
  ['headAgain', 'Accept: text/html\r\n'],
  ['headAgain', 'Accept: */*\r\n'],
  ['headAfterFolding', 'Y: c\r\n'],
  ['chunkSize', '1a\r\n'],
  ['chunkSize', '0\n'],
  ['chunkSize', 'FFFFFFFFFFFFF\r\n'],
  ['trailers', 'Checksum: abc\r\n'],
  // The CR LF that ends a head or a trailer section (a bare LF one is left to TextLines).
  ['headAgain', '\r\n'],
  ['trailers', '\r\n'],
];

/** Keep-alive heads, each read line by line by QuickLines alone: a line the message before had is taken as it was read (SeenLines). */
const AGAIN: string[][] = [
  ['GET /a HTTP/1.1\r\n', 'Host: a\r\n', 'Accept: */*\r\n', '\r\n', 'GET /b HTTP/1.1\r\n', 'Host: a\r\n', 'Accept: */*\r\n', '\r\n'],
  ['GET /a HTTP/1.1\r\n', 'Host: a\n', 'X:  b \t\r\n', '\r\n', 'GET /b HTTP/1.1\r\n', 'Host: a\n', 'X:  b \t\r\n', '\r\n'],
  ['GET /a HTTP/1.1\r\n', 'Host: a\r\n', 'X: b\r\n', '\r\n', 'GET /b HTTP/1.1\r\n', 'X: b\r\n', 'Host: a\r\n', 'Host: a\r\n', '\r\n'],
  ['GET /a HTTP/1.1\r\n', 'Content-Length: 0\r\n', '\r\n', 'GET /b HTTP/1.1\r\n', 'Content-Length: 0\r\n', 'Content-Length: 0\r\n', '\r\n'],
];

const UNUSUAL: [keyof typeof BEFORE, string][] = [
  ['requestStart', 'GET / HTTP/1.1 \r\n'],
  ['requestStart', 'GET / HTTP/1.1'],
  ['requestStart', '\r\n'],
  ['responseStart', 'HTTP/1.1 200 OK \r\n'],
  ['responseStart', 'HTTP/1.1 200\r\n'],
  ['responseStart', 'HTTP/1.x 200 OK\r\n'],
  ['responseStart', 'HTTP/1.1 200 O\rK\r\n'],
  ['head', ' folded\r\n'],
  ['head', 'Host : a\r\n'],
  ['head', 'Host: a'],
  ['head', 'Host: a\r'],
  ['head', '\n'],
  ['head', 'X: \x80\r\n'],
  ['head', 'X: a\x01b\r\n'],
  ['head', 'no colon\r\n'],
  ['chunkSize', '1a;ext=1\r\n'],
  ['chunkSize', '1a \r\n'],
  ['chunkSize', '10000000000000\r\n'],
  ['chunkSize', 'zz\r\n'],
  ['trailers', '\n'],
];

const show = (line: string): string => JSON.stringify(line);

describe('QuickLines', () => {
  it.each(USUAL)('reads a usual line (after %s) as TextLines does: %j', (before, line) => {
    const [side, text] = BEFORE[before];
    const quick = new Parts(side);
    const slow = new Parts(side);
    quick.readText(text);
    slow.readText(text);
    expect(quick.readQuick(line), `QuickLines reads ${show(line)}`).toBe(true);
    slow.readText(line);
    expect(quick.state()).toEqual(slow.state());
  });

  it.each(AGAIN)('reads a head like the one before as TextLines does (%j, ...)', (...lines) => {
    const quick = new Parts('request');
    const slow = new Parts('request');
    for (const line of lines) {
      expect(quick.readQuick(line), `QuickLines reads ${show(line)}`).toBe(true);
      slow.readText(line);
      expect(quick.state()).toEqual(slow.state());
    }
  });

  it.each(UNUSUAL)('leaves any other line (after %s) untouched: %j', (before, line) => {
    const [side, text] = BEFORE[before];
    const parts = new Parts(side);
    parts.readText(text);
    const untouched = parts.state();
    expect(parts.readQuick(line), `QuickLines leaves ${show(line)}`).toBe(false);
    expect(parts.state()).toEqual({ ...(untouched as object), waiting: line.length });
  });
});
