// `wirebench annotate FILE` where FILE is a capture (pcap or pcapng, from tcpdump, dumpcap or
// Wireshark) or a session file (--record's, or the app's): every TCP connection in it, each
// direction annotated on its own (the client's bytes as requests, the server's as responses), under
// a heading that says which connection and which way. A capture is reassembled first
// (shared/capture-reading); bytes it does not hold are said, never guessed.
import { readFile } from 'node:fs/promises';
import type { ErrorInfo, JournalEvent } from '../../shared/contract/contract';
import { errorSentenceKey } from '../../shared/i18n/error-key';
import { looksLikeCapture } from '../../shared/capture-reading/capture-container';
import { captureToSession } from '../../shared/capture-reading/capture-to-session';
import { decodeSession, SESSION_FORMAT, type SessionFile } from '../../shared/session/session-file';
import type { CliContext } from './cli-context';
import type { BatchWriter } from './annotate-output';
import { annotateStream } from './annotate-stream';

const SESSION_START = `{"format":"${SESSION_FORMAT}"`;

/** What the file's first bytes say it is: a capture, a session file, or neither (plain bytes of one direction). */
export function recordingKind(first: Uint8Array): 'capture' | 'session' | null {
  if (looksLikeCapture(first)) return 'capture';
  const text = new TextDecoder('latin1').decode(first.subarray(0, SESSION_START.length));
  return text === SESSION_START ? 'session' : null;
}

type Reading = { ok: true; session: SessionFile; notes: string[] } | { ok: false; error: ErrorInfo };

async function read(ctx: Pick<CliContext, 't' | 'version'>, file: string, kind: 'capture' | 'session'): Promise<Reading> {
  const bytes = new Uint8Array(await readFile(file));
  if (kind === 'session') {
    const decoded = decodeSession(new TextDecoder().decode(bytes), file);
    return decoded.ok ? { ok: true, session: decoded.session, notes: [] } : { ok: false, error: decoded.error };
  }
  const opened = captureToSession(bytes, file, ctx.version);
  if (!opened.ok) return { ok: false, error: opened.error };
  const { capture } = opened;
  const notes = [
    ctx.t('cli.annotate.recording.capture', { file, container: capture.container, count: capture.session.connections.length, skipped: capture.skippedPackets }),
    ...(capture.truncated ? [ctx.t('cli.annotate.recording.truncated', { file })] : []),
    ...capture.gaps.map((gap) => ctx.t(`cli.annotate.recording.gap.${gap.dir}`, { connId: gap.connId, offset: gap.offset, count: gap.length })),
  ];
  return { ok: true, session: capture.session, notes };
}

/** Annotates every connection of the capture or session in `file`; the exit code. */
export async function annotateRecording(ctx: CliContext, file: string, kind: 'capture' | 'session', out: BatchWriter, json: boolean): Promise<number> {
  const reading = await read(ctx, file, kind);
  if (!reading.ok) {
    ctx.err(ctx.t(errorSentenceKey(reading.error), reading.error.params));
    return 1;
  }
  for (const note of reading.notes) ctx.err(note);
  for (const { summary, events } of reading.session.connections) {
    // Our side's role decides which way is the client's: a server's `in` is the client's requests.
    const [client, server] = summary.role === 'server' ? [summary.remote, summary.local] : [summary.local, summary.remote];
    const requestsDir = summary.role === 'server' ? 'in' : 'out';
    for (const side of ['request', 'response'] as const) {
      const dir = side === 'request' ? requestsDir : requestsDir === 'in' ? 'out' : 'in';
      const [from, to] = side === 'request' ? [client, server] : [server, client];
      const heading = { connId: summary.connId, from: `${from.address}:${from.port}`, to: `${to.address}:${to.port}`, side: ctx.t(`cli.annotate.side.${side}`) };
      if (json) out.line(JSON.stringify({ kind: 'stream', ...heading, side }));
      else out.line(ctx.t('cli.annotate.recording.heading', heading));
      await annotateStream(ctx, chunks(events, dir), out, { side: side, ended: finished(events, dir), json });
      if (out.failure !== null) return out.failure === 'EPIPE' ? 0 : 1;
    }
  }
  await out.flushed();
  return 0;
}

function* chunks(events: readonly JournalEvent[], dir: 'in' | 'out'): Generator<Uint8Array> {
  for (const e of events) if (e.kind === 'data' && e.dir === dir && e.bytes) yield e.bytes;
}

/** Whether that direction ended with its sender's FIN (or a reset): then what runs to the close is complete. */
function finished(events: readonly JournalEvent[], dir: 'in' | 'out'): boolean {
  const fin = dir === 'in' ? 'peer_fin' : 'fin_sent';
  return events.some((e) => e.kind === fin || e.kind === 'rst_sent' || e.kind === 'rst_received' || e.kind === 'closed');
}
