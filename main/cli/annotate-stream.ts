// The annotator run over a stream of pieces, printing what each piece finishes before the next is
// read (annotate-text.ts, annotate-json.ts): what `wirebench annotate` does with a file or stdin, and
// with each direction of each connection of a capture or a session (annotate-recording.ts).
import { tmpdir } from 'node:os';
import type { Side } from '../../shared/http/annotate/annotation';
import { utf8Encode } from '../../shared/bytes/bytes';
import { HttpAnnotator } from '../../shared/http/annotate/annotator';
import type { CliContext } from './cli-context';
import { SPAN_PREVIEW_CHARS } from './annotate-lines';
import { JsonDump } from './annotate-json';
import type { BatchWriter } from './annotate-output';
import { TextDump } from './annotate-text';

/** A status line starts so (RFC 9112 section 4); a request line starts with a method. */
const RESPONSE_START = utf8Encode('HTTP/');

export interface Choices {
  /** null: guessed from the first bytes. */
  side: Side | null;
  ended: boolean;
  json: boolean;
  /** What is held before the dump streams (annotate-text.ts HOLD); smaller in tests. */
  hold?: number;
  messageHold?: number;
}

/**
 * Reads the input a piece at a time into the annotator and prints what each piece finished, so
 * that what is held never grows with the input. The side is guessed from the first bytes.
 */
export async function annotateStream(ctx: Pick<CliContext, 't' | 'err'> & Partial<Pick<CliContext, 'language'>>, pieces: AsyncIterator<Uint8Array> | Iterator<Uint8Array>, out: BatchWriter, choices: Choices): Promise<void> {
  const first: Uint8Array[] = [];
  let firstLength = 0;
  let done = false;
  while (!done && firstLength < RESPONSE_START.length) {
    const next = await pieces.next();
    if (next.done === true) done = true;
    else {
      first.push(next.value);
      firstLength += next.value.length;
    }
  }
  let side = choices.side;
  if (side === null) {
    side = startsWith(first, RESPONSE_START) ? 'response' : 'request';
    ctx.err(ctx.t(`cli.annotate.guessed.${side}`));
  }

  const annotator = new HttpAnnotator(side);
  const options = { side, ended: choices.ended, tmp: tmpdir(), hold: choices.hold, messageHold: choices.messageHold };
  const text = choices.json ? null : new TextDump(ctx.t, out, annotator, { ...options, previewChars: SPAN_PREVIEW_CHARS, language: ctx.language });
  const dump = text ?? new JsonDump(out, annotator, options);
  let offset = 0;
  const feed = async (piece: Uint8Array): Promise<void> => {
    text?.input(offset, piece);
    annotator.push(piece);
    offset += piece.length;
    await dump.part(annotator.takeFinished());
  };
  try {
    for (const piece of first) await feed(piece);
    while (!done && out.failure === null) {
      const next = await pieces.next();
      if (next.done === true) done = true;
      else await feed(next.value);
    }
    if (out.failure !== null) return;
    // The end of the input is the end of the bytes that direction carried: the peer's FIN, which is
    // what completes a body that runs to the close (RFC 9112 section 6.3, rule 8).
    if (choices.ended) annotator.end();
    await dump.part(annotator.takeRest());
    await dump.finish();
    await out.flushed();
  } finally {
    dump.close();
  }
}

/** Whether the pieces, joined, start with `prefix`. */
function startsWith(pieces: readonly Uint8Array[], prefix: Uint8Array): boolean {
  let i = 0;
  for (const piece of pieces) {
    for (const b of piece) {
      if (i === prefix.length) return true;
      if (b !== prefix[i++]) return false;
    }
  }
  return i === prefix.length;
}
