// The WebSocket door: the same contract as Electron's IPC, for a browser. Each text message is one
// envelope of shared/contract/wire-codec.ts. `invoke` goes through the one dispatch wrapper (which checks the
// name and parses the input) and is answered by a `result` with the same id; every engine event is
// forwarded as an `event` to every open socket, as that page's session (main/host/host-session.ts)
// shows it: each socket is a page of its own, watching its own connections' events. Nothing a page sends can crash the host: bad JSON,
// wrong envelopes, binary frames and oversized messages are refused or ignored.
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import { decodeWireChecked, encodeWire, MAX_WIRE_DEPTH, type WireDecodeFailure, type WireEvent, type WireResult } from '../../shared/contract/wire-codec';
import type { Dispatch } from '../host/dispatch';
import type { HostSession } from '../host/host-session';
import type { GuardVerdict, UpgradeRequestLike } from './upgrade-guard';

export interface WsDoorOptions {
  server: Server;
  guard: (req: UpgradeRequestLike) => GuardVerdict;
  /** A session for each page that connects (hostSessions): its dispatch and its events. */
  openSession: () => HostSession;
  /** Larger messages are refused (close code 1009); a request never needs more than a paste. */
  maxPayloadBytes?: number;
  /** A page that stops reading is closed once this much is queued for it, not buffered forever. */
  maxBufferedBytes?: number;
  /** Told of a failure no command result could carry, instead of it ending the process. */
  onInternalError?: (err: unknown) => void;
}

export interface WsDoor {
  readonly clientCount: () => number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_PAYLOAD = 16 * 1024 * 1024;
const DEFAULT_MAX_BUFFERED = 64 * 1024 * 1024;

const InvokeEnvelope = z.object({
  type: z.literal('invoke'),
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  name: z.string().max(200),
  input: z.unknown(),
});

export function attachWsDoor(options: WsDoorOptions): WsDoor {
  const maxBuffered = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD,
    perMessageDeflate: false, // loopback traffic: compression only costs CPU (and zip-bomb risk)
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy()); // a peer resetting mid-handshake is not our crash
    const verdict = options.guard({ url: req.url, headers: req.headers });
    if (!verdict.ok) {
      refuse(socket, verdict.status);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  options.server.on('upgrade', onUpgrade);

  const unsubscribes = new Set<() => void>();
  wss.on('connection', (ws: WebSocket) => {
    const session = options.openSession();
    ws.on('error', () => ws.terminate()); // invalid frames, oversized messages: drop that page only
    ws.on('message', (data, isBinary) => {
      if (isBinary) return; // envelopes are JSON text; binary frames mean a confused client
      // dispatch answers every failure itself; this catch is for what is left (a send that
      // throws): one message must never end the process with an unhandled rejection.
      answer(dataToString(data), (envelope) => sendBounded(ws, () => encodeWire(envelope), maxBuffered), session.dispatch).catch((err: unknown) =>
        options.onInternalError?.(err),
      );
    });
    // Encoded per page: each page's deltas carry the events of its own watched connections.
    const unsubscribe = session.onEvent((name, payload) => {
      const envelope: WireEvent = { type: 'event', name, payload };
      sendBounded(ws, () => encodeWire(envelope), maxBuffered);
    });
    unsubscribes.add(unsubscribe);
    ws.on('close', () => {
      unsubscribe();
      unsubscribes.delete(unsubscribe);
    });
  });

  return {
    clientCount: () => wss.clients.size,
    close: () =>
      new Promise<void>((done) => {
        for (const unsubscribe of unsubscribes) unsubscribe();
        unsubscribes.clear();
        options.server.off('upgrade', onUpgrade);
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => done());
      }),
  };
}

/** Sends one envelope to one page, or nothing once that page's door is being closed. */
type Send = (envelope: WireResult) => void;

/**
 * One bound for everything sent on a door, results and events alike: a page that stops reading
 * (a frozen tab, a script that only writes) is closed with a reason once this much waits for it,
 * rather than held in the host's memory. It can reconnect and ask for journal.snapshot. `text` is
 * the envelope, encoded only if it is to be sent: encoding a large result for a page that is being
 * closed cost seconds of the host's time for nothing.
 */
function sendBounded(ws: WebSocket, text: string | (() => string), maxBuffered: number): void {
  if (ws.readyState !== WebSocket.OPEN) return;
  const encoded = ws.bufferedAmount > maxBuffered ? '' : typeof text === 'string' ? text : text();
  if (ws.bufferedAmount + encoded.length > maxBuffered || encoded === '') {
    // 1008 (policy violation, RFC 6455 7.4.1) with the reason; a peer that reads nothing will
    // not read the close frame either, so the socket goes once the frame had its chance.
    ws.close(1008, 'the page stopped reading');
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
    return;
  }
  ws.send(encoded);
}

const CLOSE_GRACE_MS = 10_000;

async function answer(text: string, send: Send, dispatch: Dispatch): Promise<void> {
  const decoded = decodeWireChecked(text);
  if (!decoded.ok) {
    // Not JSON: there is no id to answer to. Too deep, or bytes that are not base64: say so.
    const id = idOf(decoded.plain);
    if (id !== null && decoded.why !== 'not_json') replyBadInput(send, id, nameOf(decoded.plain), `(message): ${DECODE_ISSUES[decoded.why]}`);
    return;
  }
  const message = decoded.value;
  const parsed = InvokeEnvelope.safeParse(message);
  if (!parsed.success) {
    const id = idOf(message);
    if (id === null) return;
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(envelope)'}: ${i.message}`).join('; ');
    replyBadInput(send, id, nameOf(message), issues);
    return;
  }
  const { id, name, input } = parsed.data;
  const result = await dispatch(name, input);
  send({ type: 'result', id, result });
}

/** What a message that could not be decoded did wrong, as bad_input's `issues`. */
const DECODE_ISSUES: Record<Exclude<WireDecodeFailure, 'not_json'>, string> = {
  too_deep: `nested deeper than ${MAX_WIRE_DEPTH} levels`,
  bad_base64: 'a $b64 value is not base64',
};

function replyBadInput(send: Send, id: number, command: string, issues: string): void {
  send({ type: 'result', id, result: { ok: false, error: { code: 'bad_input', params: { command, issues } } } });
}

function idOf(message: unknown): number | null {
  if (message === null || typeof message !== 'object') return null;
  const id = (message as Record<string, unknown>).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

function nameOf(message: unknown): string {
  const name = (message as Record<string, unknown>).name;
  return typeof name === 'string' ? name.slice(0, 80) : '';
}

function dataToString(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** Answer the upgrade with a plain HTTP status and hang up (no WebSocket is ever opened). */
function refuse(socket: Duplex, status: number): void {
  const reason = STATUS_CODES[status] ?? 'Refused';
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
