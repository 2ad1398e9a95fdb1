// `wirebench annotate [file|-]`: the HTTP annotator (shared/http/annotate/annotator.ts) on a capture from
// anywhere (a file saved from the workbench, `nc -l > capture`, tcpdump's payload), so what the
// workbench shows beside a connection can be seen in a terminal or checked by a script. The input
// is one direction of a connection, read as bytes and never decoded whole as text: a body that is
// not UTF-8 (an image, gzip) is annotated like any other. It is read a piece at a time and what each
// piece finishes is printed before the next is read (annotate-text.ts, annotate-json.ts), so 100 MB
// costs no more memory than 1 MB (issue 15, item 3: it took 5.7 GB and a V8 abort).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { utf8Encode } from '../../shared/bytes/bytes';
import type { OptionTable } from './cli-args';
import type { Subcommand } from './cli-context';
import { BatchWriter } from './annotate-output';
import { SpillFailed } from './annotate-spill';
import { annotateRecording, recordingKind } from './annotate-recording';
import { annotateStream } from './annotate-stream';

export const ANNOTATE_OPTIONS: OptionTable = {
  request: { type: 'boolean', description: 'cli.help.annotate.request' },
  response: { type: 'boolean', description: 'cli.help.annotate.response' },
  'no-fin': { type: 'boolean', description: 'cli.help.annotate.noFin' },
  json: { type: 'boolean', description: 'cli.help.annotate.json' },
};

/** Bytes read from a file at a time: each read is annotated, and what it finished printed, before the next. */
const READ_BYTES = 64 * 1024;

/**
 * Where the dump goes. CliContext's out() has no backpressure (it hands each line on and returns),
 * and the dump of 100 MB is gigabytes: the stream itself, so that a slow reader slows us down.
 */
const stdout = (): Writable => process.stdout;

export const annotateCommand: Subcommand = {
  summary: 'cli.help.summary.annotate',
  options: ANNOTATE_OPTIONS,
  arguments: { usage: 'cli.help.annotate.arguments', max: 1 },
  details: 'cli.help.annotateDetails',
  run: async (values, ctx, positionals) => {
    if (values.request === true && values.response === true) {
      ctx.err(ctx.t('cli.annotate.errors.together'));
      return 2;
    }
    const file = positionals[0] ?? '-';
    const recording = file === '-' ? null : await recordingKindOf(file);
    if (recording !== null) return annotateRecording(ctx, file, recording, new BatchWriter(stdout()), values.json === true);
    const input = file === '-' ? ctx.stdin() : createReadStream(file, { highWaterMark: READ_BYTES });
    // Someone who runs `wirebench annotate` alone would otherwise face a silent terminal.
    if (file === '-' && (input as Readable & { isTTY?: boolean }).isTTY === true) ctx.err(ctx.t('cli.annotate.fromTerminal'));
    const out = new BatchWriter(stdout());
    try {
      await annotateStream(ctx, piecesOf(input), out, {
        side: values.request === true ? 'request' : values.response === true ? 'response' : null,
        ended: values['no-fin'] !== true,
        json: values.json === true,
      });
    } catch (err) {
      if (err instanceof ReadFailed) {
        const errno = err.errno;
        ctx.err(file === '-' ? ctx.t('cli.annotate.errors.stdin', { errno }) : ctx.t('cli.annotate.errors.unreadable', { file, errno }));
      } else if (err instanceof SpillFailed) ctx.err(ctx.t('cli.annotate.errors.spill', { dir: err.dir, errno: err.errno }));
      else throw err;
      return 1;
    } finally {
      input.destroy();
    }
    // A reader that went away (`wirebench annotate big.bin | head`) is the ordinary end of a pipeline.
    if (out.failure === null || out.failure === 'EPIPE') return 0;
    ctx.err(ctx.t('cli.annotate.errors.output', { errno: out.failure }));
    return 1;
  },
};

/** A capture or a session file, by its first bytes; null for anything else (or a file that cannot be read: said later). */
async function recordingKindOf(file: string): Promise<'capture' | 'session' | null> {
  try {
    const handle = await open(file);
    try {
      const first = new Uint8Array(64);
      const { bytesRead } = await handle.read(first, 0, first.length, 0);
      return recordingKind(first.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/** A read of the input failed: its errno. */
class ReadFailed extends Error {
  constructor(readonly errno: string) {
    super(`read ${errno}`);
  }
}

/** The input's pieces as bytes (a stream set to an encoding gives strings); a failed read throws ReadFailed. */
async function* piecesOf(input: Readable): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) yield typeof chunk === 'string' ? utf8Encode(chunk) : chunk;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    throw new ReadFailed(typeof code === 'string' ? code : 'unknown');
  }
}
