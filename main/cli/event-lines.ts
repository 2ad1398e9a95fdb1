// serve's journal lines under load: the same requests and answers again and again, thousands a
// second. Making each sentence anew (the note's words, the payload's preview) was most of what
// printing cost (issue 19), so the last sentence of each note code, and of each direction's
// payload, is kept and said again while what it depends on is the same, in UTF-8 too, so that the
// writer copies it instead of encoding it again. The lines are exactly journal-lines.ts's eventLine.
import type { JournalEvent } from '../../shared/contract/contract';
import type { Translate } from './cli-context';
import { eventPrefix, eventText, PREVIEW_CHARS } from './journal-lines';
import type { EncodedLine } from './output-writer';

type NoteParams = Extract<JournalEvent, { kind: 'note' }>['params'];

interface Said {
  text: string;
  utf8: Uint8Array;
}

interface SaidNote extends Said {
  params: NoteParams;
}

interface SaidData extends Said {
  length: number;
  bytesLength: number;
  /** The bytes the sentence depends on: the preview's, at most 4 * previewChars + 4 (journal-lines.ts). */
  prefix: Uint8Array;
}

/** Sentences of other kinds (closed, FIN, ...) kept in UTF-8; past this many, forgotten and begun again. */
const MOST_OTHERS = 256;

export class EventLines {
  private readonly notes = new Map<string, SaidNote>();
  private dataIn: SaidData | null = null;
  private dataOut: SaidData | null = null;
  private readonly others = new Map<string, Uint8Array>();
  private prefixAt = Number.NaN;
  private prefixT = Number.NaN;
  private prefixConn = '';
  private prefixBytes: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly t: Translate,
    private readonly previewChars = PREVIEW_CHARS,
  ) {}

  /** The line journal-lines.ts's eventLine(t, event, previewChars) makes. */
  line(event: JournalEvent): string {
    return eventPrefix(event) + this.said(event).text;
  }

  /** The same line, for OutputWriter: its start and its words, in UTF-8. */
  encoded(event: JournalEvent): EncodedLine {
    return { head: this.prefix(event), utf8: this.said(event).utf8 };
  }

  /** eventPrefix in UTF-8, made once for the events of one instant on one connection (a request's five or so). */
  private prefix(event: JournalEvent): Uint8Array {
    if (event.at !== this.prefixAt || event.t !== this.prefixT || event.connId !== this.prefixConn) {
      this.prefixBytes = Buffer.from(eventPrefix(event), 'utf8');
      this.prefixAt = event.at;
      this.prefixT = event.t;
      this.prefixConn = event.connId;
    }
    return this.prefixBytes;
  }

  private said(event: JournalEvent): Said {
    if (event.kind === 'note') {
      const said = this.notes.get(event.code);
      if (said !== undefined && sameParams(said.params, event.params)) return said;
      const text = eventText(this.t, event, this.previewChars);
      const kept: SaidNote = { params: event.params, text, utf8: Buffer.from(text, 'utf8') };
      this.notes.set(event.code, kept);
      return kept;
    }
    if (event.kind === 'data' && event.bytes !== null) {
      const { bytes } = event;
      const said = event.dir === 'in' ? this.dataIn : this.dataOut;
      if (said !== null && said.length === event.length && said.bytesLength === bytes.length && startsWith(bytes, said.prefix)) return said;
      const text = eventText(this.t, event, this.previewChars);
      const prefix = bytes.slice(0, this.dependsOn(bytes));
      const kept: SaidData = { length: event.length, bytesLength: bytes.length, prefix, text, utf8: Buffer.from(text, 'utf8') };
      if (event.dir === 'in') this.dataIn = kept;
      else this.dataOut = kept;
      return kept;
    }
    const text = eventText(this.t, event, this.previewChars);
    let utf8 = this.others.get(text);
    if (utf8 === undefined) {
      if (this.others.size >= MOST_OTHERS) this.others.clear();
      utf8 = Buffer.from(text, 'utf8');
      this.others.set(text, utf8);
    }
    return { text, utf8 };
  }

  /**
   * How many of the first bytes the preview depends on: when the first previewChars are ASCII,
   * those alone (one character each); otherwise all that preview() tokenizes.
   */
  private dependsOn(bytes: Uint8Array): number {
    const shown = Math.min(bytes.length, this.previewChars);
    for (let i = 0; i < shown; i++) if ((bytes[i] as number) >= 0x80) return Math.min(bytes.length, 4 * this.previewChars + 4);
    return shown;
  }
}

function sameParams(a: NoteParams, b: NoteParams): boolean {
  if (a === b) return true;
  let count = 0;
  for (const key in a) {
    if (a[key] !== b[key]) return false;
    count++;
  }
  for (const key in b) if (--count < 0 || !(key in a)) return false;
  return count === 0;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}
