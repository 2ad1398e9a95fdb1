// Which line of a lesson's program matches what happened on the wire: the server side's journal
// events, read in order, become the socket calls the lesson's Python server would have made.
// `opened` is accept() returning; a client that waits in the backlog is listen()'s (a sequential
// server's `queued`) until its `dequeued`; each chunk read is a recv() with the bytes it returned;
// the peer's FIN is the recv() that returns b''; each write is a sendall() (which one, by the
// request it answers); our FIN is shutdown(SHUT_WR) when the server half-closes, else the close()
// that sends it; `closed` is close().
import type { JournalEvent } from '../contract/contract';
import type { AfterAnswer } from '../server/settings';
import type { LessonProgram, ProgramCall, SendContext } from './lesson-types';

export interface TraceMark {
  connId: string;
  /** The event's seq in its connection's journal. */
  seq: number;
  call: ProgramCall;
  /** The program's line, from 1 (CodeMirror's numbering). */
  line: number;
  /** On the engine's one monotonic timeline (opened's `mono` plus `t`), to order connections' marks. */
  time: number;
  /** recv(): the bytes it returned (null once the journal's budget evicted them), and their count. */
  bytes?: Uint8Array | null;
  length?: number;
  /** recv() and sendall(): where their bytes start in that direction's stream (for the byte views). */
  offset?: number;
  /** recv() and sendall(): the request line they belong to, when one has arrived. */
  requestLine?: string | null;
}

/** The line (from 1) holding a call's anchor, or null if the program has no such line. */
export function lineOfCall(program: LessonProgram, call: ProgramCall): number | null {
  const anchor = program.anchors[call];
  if (anchor === undefined) return null;
  const lines = program.text.split('\n');
  const at = lines.findIndex((l) => l.includes(anchor));
  return at === -1 ? null : at + 1;
}

const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes.subarray(0, 2048));
const firstLine = (text: string): string | null => {
  const end = text.indexOf('\n');
  return end === -1 ? null : text.slice(0, end).replace(/\r$/, '');
};

/** One connection's events (server side, in seq order) as the program's calls. */
export function traceConnection(program: LessonProgram, after: AfterAnswer, events: readonly JournalEvent[]): TraceMark[] {
  const marks: TraceMark[] = [];
  const opened = events.find((e) => e.kind === 'opened');
  if (!opened || opened.role !== 'server') return marks;
  const queued = events.some((e) => e.kind === 'queued');
  const halfCloses = (after === 'half_close' || after === 'drip') && program.anchors.shutdown !== undefined;
  let request = '';
  let lastDir: 'in' | 'out' | null = null;
  let nth = 0;
  let statusLine: string | null = null;
  const carried = { in: 0, out: 0 };
  const mark = (e: JournalEvent, call: ProgramCall, extra: Partial<TraceMark> = {}): void => {
    const line = lineOfCall(program, call);
    if (line !== null) marks.push({ connId: e.connId, seq: e.seq, call, line, time: opened.mono + e.t, ...extra });
  };
  for (const e of events) {
    switch (e.kind) {
      case 'opened':
        // Queued: the handshake is done but nobody has called accept() for it yet.
        if (!queued) mark(e, 'accept');
        break;
      case 'queued':
        mark(e, 'listen');
        break;
      case 'dequeued':
        mark(e, 'accept');
        break;
      case 'data': {
        const text = e.bytes ? latin1(e.bytes) : '';
        if (e.dir === 'in') {
          if (lastDir === 'out') request = ''; // a next request on the same connection
          request += text;
          mark(e, 'recv', { bytes: e.bytes, length: e.length, offset: carried.in, requestLine: firstLine(request) });
        } else {
          if (lastDir !== 'out') {
            nth = 0;
            statusLine = firstLine(text) ?? (text === '' ? null : text);
          }
          const context: SendContext = { requestLine: firstLine(request), nth, statusLine };
          mark(e, program.sendLine?.(context) ?? 'send', { requestLine: context.requestLine, length: e.length, offset: carried.out });
          nth++;
        }
        lastDir = e.dir;
        carried[e.dir] += e.length;
        break;
      }
      case 'peer_fin':
        mark(e, 'eof');
        break;
      case 'fin_sent':
        mark(e, halfCloses ? 'shutdown' : 'close');
        break;
      case 'closed':
        // close() sent the FIN already (no shutdown line): one close, not two.
        if (marks.at(-1)?.call !== 'close') mark(e, 'close');
        break;
      default:
        break;
    }
  }
  return marks;
}

/** Every connection's marks on one timeline, oldest first. */
export function traceLesson(program: LessonProgram, after: AfterAnswer, journals: readonly (readonly JournalEvent[])[]): TraceMark[] {
  return journals.flatMap((events) => traceConnection(program, after, events)).sort((a, b) => a.time - b.time || a.seq - b.seq);
}
