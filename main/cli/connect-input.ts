// stdin as `wirebench connect` sends it: chunks in, the bytes to send out. Lines are cut on bytes
// (LF, CRLF or a lone CR), never on decoded text, so that a line sent literally keeps every byte
// it had, UTF-8 or not (0x0A and 0x0D never occur inside a UTF-8 sequence). Whatever one chunk of
// stdin completes goes out as one send, as nc does: a request piped in whole reaches a server that
// reads once (lesson L1's recv) whole, rather than as one segment per line.
import { concatBytes } from '../../shared/bytes/bytes';
import { decodeEscapedBytes, decodeHex, ENDING_BYTES, type InputMistake } from '../../shared/client/typed-input';
import type { InputMode } from './connect-options';

/** Where the input could not be read: line and column counted from 1, as an editor shows them. */
export interface LineMistake {
  line: number;
  column: number;
  problem: InputMistake['problem'];
  /** The character at fault (for not_hex). */
  char: string;
}

export interface Encoded {
  /** What to send now; may be empty (nothing is sent then). */
  bytes: Uint8Array;
  /** A line that could not be read: nothing of it is in `bytes`, and nothing after it should be sent. */
  mistake: LineMistake | null;
}

const CR = 0x0d;
const LF = 0x0a;
const text = new TextDecoder();

export class InputEncoder {
  /** The start of a line whose break has not come yet. */
  private partial: Uint8Array = new Uint8Array(0);
  /** Lines read so far, for the mistake's line number. */
  private lines = 0;

  constructor(private readonly mode: InputMode) {}

  push(chunk: Uint8Array): Encoded {
    if (this.mode.kind === 'raw') return { bytes: chunk, mistake: null };
    const data = this.partial.length > 0 ? concatBytes([this.partial, chunk]) : chunk;
    const out: Uint8Array[] = [];
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      const b = data[i];
      if (b !== LF && b !== CR) continue;
      // A CR at the very end may be the first half of a CRLF: wait for the next chunk to tell.
      if (b === CR && i === data.length - 1) break;
      const mistake = this.line(data.subarray(start, i), out);
      if (mistake) return { bytes: concatBytes(out), mistake };
      if (b === CR && data[i + 1] === LF) i++;
      start = i + 1;
    }
    this.partial = data.slice(start);
    return { bytes: concatBytes(out), mistake: null };
  }

  /** The end of input: a last line without a line break still goes out, with the line ending. */
  end(): Encoded {
    if (this.mode.kind === 'raw') return { bytes: new Uint8Array(0), mistake: null };
    const rest = this.partial;
    this.partial = new Uint8Array(0);
    // A lone CR held back at the end was a line break after all.
    const last = rest.at(-1) === CR ? rest.subarray(0, -1) : rest;
    if (last.length === 0 && rest.length === 0) return { bytes: new Uint8Array(0), mistake: null };
    const out: Uint8Array[] = [];
    const mistake = this.line(last, out);
    return { bytes: concatBytes(out), mistake };
  }

  /** One line, without its line break: its bytes appended to `out`, or why it cannot be read. */
  private line(bytes: Uint8Array, out: Uint8Array[]): LineMistake | null {
    this.lines++;
    const mode = this.mode;
    if (mode.kind === 'raw') return null; // never: raw input is not cut into lines
    if (mode.kind === 'lines' && !mode.escapes) {
      out.push(bytes, ENDING_BYTES[mode.ending]);
      return null;
    }
    if (mode.kind === 'hex') {
      const line = text.decode(bytes);
      const encoded = decodeHex(line);
      if (!encoded.ok) return this.mistakeAt(line, encoded.mistake.at, encoded.mistake.problem);
      out.push(encoded.bytes);
      return null;
    }
    // Escapes are found byte by byte, so a byte that is not UTF-8 still goes out as it came.
    const encoded = decodeEscapedBytes(bytes);
    if (!encoded.ok) {
      const before = text.decode(bytes.subarray(0, encoded.mistake.at));
      return this.mistakeAt(before + text.decode(bytes.subarray(encoded.mistake.at)), before.length, encoded.mistake.problem);
    }
    out.push(encoded.bytes, ENDING_BYTES[mode.ending]);
    return null;
  }

  /** Columns count characters as a person sees them (code points), from 1. */
  private mistakeAt(line: string, at: number, problem: InputMistake['problem']): LineMistake {
    const column = [...line.slice(0, at)].length + 1;
    return { line: this.lines, column, problem, char: String.fromCodePoint(line.codePointAt(at) ?? 0x3f) };
  }
}
