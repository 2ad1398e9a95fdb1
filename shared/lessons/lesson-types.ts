// What a guided lesson is, as data: how the workbench is set up for it, the lesson's program as the
// lesson writes it (Python, the app's own text), which of its lines stand for which socket call,
// and the steps the learner walks through. Pure: no DOM, no Node; the renderer words it from the
// catalog (ui.lessons.<id>...), and the program text is code, never translated.
import type { ServerSettings } from '../server/settings';

export const LESSON_IDS = ['l1', 'l2', 'l3', 'l4'] as const;
export type LessonId = (typeof LESSON_IDS)[number];

/**
 * The socket calls a program's lines stand for, the ones the wire shows:
 * - listen: `listen(n)`, lit while a client waits in its backlog (a `queued` event);
 * - accept: `accept()` returned (the server side of a connection `opened`, or `dequeued`);
 * - recv: a read returned bytes (`data` in), the bytes shown beside it;
 * - eof: a read returned b'' (the peer's FIN, `peer_fin`);
 * - send, sendHead, sendBody, sendEchoHead, sendEchoBody, sendOther: `sendall()` (`data` out): the
 *   one answer, a head and its body in a second send, a page made from the request (L3's form),
 *   another answer (a 404); which one by the request and the status (see sendLine);
 * - shutdown: `shutdown(SHUT_WR)`, our FIN while we still read (`fin_sent` with after=half_close);
 * - close: `close()` (`closed`; or the FIN a close sends, `fin_sent` when there is no shutdown line).
 */
export const PROGRAM_CALLS = [
  'listen',
  'accept',
  'recv',
  'eof',
  'send',
  'sendHead',
  'sendBody',
  'sendEchoHead',
  'sendEchoBody',
  'sendOther',
  'shutdown',
  'close',
] as const;
export type ProgramCall = (typeof PROGRAM_CALLS)[number];

/** Which sendall() a `data` out event is, from the request it answers and its place in the answer. */
export interface SendContext {
  /** The request line received before it (latin-1 text, no line end), or null if none came. */
  requestLine: string | null;
  /** 0 for the answer's first write, 1 for the next (a head then its body: two sends). */
  nth: number;
  /** The answer's first line, from its first write (latin-1, no line end), or null. */
  statusLine: string | null;
}

export interface LessonProgram {
  /** The file name the learner would save it as. */
  file: string;
  /** The whole program, lines separated by \n. */
  text: string;
  /** For each call the program makes, a piece of text found on exactly one line (its anchor). */
  anchors: Partial<Record<ProgramCall, string>>;
  /** Which send anchor a `data` out event lights (default: 'send'). */
  sendLine?: (context: SendContext) => ProgramCall;
}

/** The client console as the lesson wants it: where it connects, and the request ready to send. */
export interface ClientSetup {
  /** As the console's target field takes it: `127.0.0.1 9000`. */
  target: string;
  /** The request as the console's input holds it: lines separated by \n, an empty last line for the blank line. */
  draft: string;
  ending: 'crlf' | 'lf' | 'none';
  finalEnding: boolean;
}

export interface ServerSetup {
  host: string;
  port: number;
  backlog: number;
  settings: ServerSettings;
}

/** Where a step points once it has happened: which side's connection, and which journal view. */
export interface StepFocus {
  side: 'server' | 'client';
  view: 'bytes' | 'diagram' | 'events';
}

/** What, on the lesson's server connections, shows a step has happened. */
export type StepDone =
  | { kind: 'call'; call: ProgramCall; count?: number }
  | { kind: 'request'; path: string };

export interface LessonStep {
  /** Its words are ui.lessons.<lesson>.steps.<id>.{title, do, question, choices.<c>, reveal}. */
  id: string;
  /** The choices offered as predictions, in order; `answer` is the right one. */
  choices: readonly string[];
  answer: string;
  /** Reached once this has happened (checked on the lesson's server connections). */
  done: StepDone;
  focus: StepFocus;
}

export interface Lesson {
  id: LessonId;
  /** As LESSONS.md numbers it. */
  label: 'L1' | 'L2' | 'L3' | 'L4';
  server: ServerSetup;
  /**
   * A second server to compare with, started beside the lesson's own on the next port up: L4's
   * concurrent version of its sequential server, so both can be tried side by side.
   */
  twin?: ServerSetup;
  /** The client console's setup for the lesson's server on this port. */
  client: (port: number) => ClientSetup;
  /** The lesson's program that Wirebench's server plays, on this port: its lines light up as the bytes move. */
  program: (port: number) => LessonProgram;
  /** The program a learner runs against Wirebench's server on this port ("run your own"). */
  peer: (port: number) => LessonProgram;
  /** A browser can be pointed at it (it answers HTTP a browser shows). */
  browser: boolean;
  steps: readonly LessonStep[];
}
