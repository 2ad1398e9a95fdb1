// `wirebench annotate [file|-]`: the HTTP annotator (shared/http-annotate.ts) on a capture from
// anywhere (a file saved from the workbench, `nc -l > capture`, tcpdump's payload), so what the
// workbench shows beside a connection can be seen in a terminal or checked by a script. The input
// is one direction of a connection, read as bytes and never decoded whole as text: a body that is
// not UTF-8 (an image, gzip) is annotated like any other.
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Side } from '../../shared/annotation';
import { concatBytes, utf8Encode } from '../../shared/bytes';
import { annotate } from '../../shared/http-annotate';
import type { OptionTable } from './cli-args';
import type { CliContext, Subcommand } from './cli-context';
import { annotationLines } from './annotate-lines';

export const ANNOTATE_OPTIONS: OptionTable = {
  request: { type: 'boolean', description: 'cli.help.annotate.request' },
  response: { type: 'boolean', description: 'cli.help.annotate.response' },
  'no-fin': { type: 'boolean', description: 'cli.help.annotate.noFin' },
  json: { type: 'boolean', description: 'cli.help.annotate.json' },
};

/** A status line starts so (RFC 9112 section 4); a request line starts with a method. */
const RESPONSE_START = utf8Encode('HTTP/');

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
    const read = file === '-' ? await readStdin(ctx) : await readNamed(file);
    if (!read.ok) {
      ctx.err(file === '-' ? ctx.t('cli.annotate.errors.stdin', { errno: read.errno }) : ctx.t('cli.annotate.errors.unreadable', { file, errno: read.errno }));
      return 1;
    }
    const { bytes } = read;

    let side: Side;
    if (values.request === true) side = 'request';
    else if (values.response === true) side = 'response';
    else {
      side = startsWith(bytes, RESPONSE_START) ? 'response' : 'request';
      ctx.err(ctx.t(`cli.annotate.guessed.${side}`));
    }

    // The end of the input is the end of the bytes that direction carried: the peer's FIN, which is
    // what completes a body that runs to the close (RFC 9112 section 6.3, rule 8).
    const annotation = annotate(bytes, side, { ended: values['no-fin'] !== true });
    if (values.json === true) ctx.out(JSON.stringify(annotation));
    else ctx.out(annotationLines(ctx.t, bytes, annotation).join('\n'));
    return 0;
  },
};

type Read = { ok: true; bytes: Uint8Array } | { ok: false; errno: string };

async function readNamed(file: string): Promise<Read> {
  try {
    const buffer = await readFile(file);
    // A plain view of the same memory: Buffer's own slice() shares where Uint8Array's copies.
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
  } catch (err) {
    return { ok: false, errno: errnoName(err) };
  }
}

async function readStdin(ctx: CliContext): Promise<Read> {
  const stream = ctx.stdin();
  // Someone who runs `wirebench annotate` alone would otherwise face a silent terminal.
  if ((stream as Readable & { isTTY?: boolean }).isTTY === true) ctx.err(ctx.t('cli.annotate.fromTerminal'));
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? utf8Encode(chunk) : chunk);
  } catch (err) {
    return { ok: false, errno: errnoName(err) };
  } finally {
    stream.destroy();
  }
  const all = concatBytes(chunks);
  return { ok: true, bytes: new Uint8Array(all.buffer, all.byteOffset, all.byteLength) };
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function errnoName(err: unknown): string {
  return (err as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
}
