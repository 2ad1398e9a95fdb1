// serve's journal lines under load: the same requests and answers again and again, thousands a
// second. Making each sentence anew (the note's words, the payload's preview) was most of what
// printing cost (issue 19), so the last sentence of each note code, and of each direction's
// payload, is kept and said again while what it depends on is the same. The lines are exactly
// journal-lines.ts's eventLine.
import type { JournalEvent } from '../../shared/contract/contract';
import type { Translate } from './cli-context';
import { eventPrefix, eventText, PREVIEW_CHARS } from './journal-lines';

type NoteParams = Extract<JournalEvent, { kind: 'note' }>['params'];

interface SaidNote {
  params: NoteParams;
  text: string;
}

interface SaidData {
  length: number;
  bytesLength: number;
  /** The bytes the sentence depends on: the preview's, at most 4 * previewChars + 4 (journal-lines.ts). */
  prefix: Uint8Array;
  text: string;
}

export class EventLines {
  private readonly notes = new Map<string, SaidNote>();
  private dataIn: SaidData | null = null;
  private dataOut: SaidData | null = null;

  constructor(
    private readonly t: Translate,
    private readonly previewChars = PREVIEW_CHARS,
  ) {}

  /** The line journal-lines.ts's eventLine(t, event, previewChars) makes. */
  line(event: JournalEvent): string {
    return eventPrefix(event) + this.text(event);
  }

  private text(event: JournalEvent): string {
    if (event.kind === 'note') {
      const said = this.notes.get(event.code);
      if (said !== undefined && sameParams(said.params, event.params)) return said.text;
      const text = eventText(this.t, event, this.previewChars);
      this.notes.set(event.code, { params: event.params, text });
      return text;
    }
    if (event.kind === 'data' && event.bytes !== null) {
      const { bytes } = event;
      const said = event.dir === 'in' ? this.dataIn : this.dataOut;
      if (said !== null && said.length === event.length && said.bytesLength === bytes.length && startsWith(bytes, said.prefix)) return said.text;
      const text = eventText(this.t, event, this.previewChars);
      const kept: SaidData = { length: event.length, bytesLength: bytes.length, prefix: bytes.slice(0, this.dependsOn(bytes)), text };
      if (event.dir === 'in') this.dataIn = kept;
      else this.dataOut = kept;
      return text;
    }
    return eventText(this.t, event, this.previewChars);
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
