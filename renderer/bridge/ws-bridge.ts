// The browser transport: one WebSocket to the web host's door, carrying the envelopes of
// shared/contract/wire-codec.ts. Invokes wait by id for their result. A WebSocket can drop (the host
// restarted, the laptop slept): then every invoke still waiting resolves to a `disconnected` error
// (its fate is unknown, and a promise that never settles would freeze the button that awaits it),
// the link goes `down`, and the bridge reconnects with exponential backoff. Events missed while
// down are not replayed; whoever watches the link re-fetches `journal.snapshot` when it is `up`.
// Types only from the contract: its zod schemas stay out of the page's bundle (main validates).
import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload, Result } from '../../shared/contract/contract';
import { decodeWire, encodeWire, type WireInvoke } from '../../shared/contract/wire-codec';
import type { LinkedBridge, LinkState } from './bridge-types';

/** The part of the WebSocket API used here; the browser's and the `ws` package's both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  send: (data: string) => void;
  close: () => void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WsBridgeOptions {
  url: string;
  /** Defaults to the browser's WebSocket. */
  connect?: WebSocketFactory;
  /** First retry delay; doubles per failed attempt up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface WsBridge extends LinkedBridge {
  /** Closes the socket for good: no reconnect. */
  dispose: () => void;
}

const OPEN = 1; // WebSocket.OPEN, the same number in every implementation

type Pending = { name: CommandName; resolve: (result: Result<never>) => void };
type AnyHandler = (payload: unknown) => void;

export function createWsBridge(options: WsBridgeOptions): WsBridge {
  const connect = options.connect ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  const initialBackoff = options.initialBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 5000;

  let socket: WebSocketLike | null = null;
  let state: LinkState = 'connecting';
  let backoff = initialBackoff;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** Envelopes written while the socket was still opening; sent on open, failed on close. */
  let outbox: string[] = [];
  const handlers = new Map<EventName, Set<AnyHandler>>();
  const linkHandlers = new Set<(state: LinkState) => void>();

  const setState = (next: LinkState): void => {
    if (next === state) return;
    state = next;
    for (const h of linkHandlers) h(next);
  };

  const failPending = (): void => {
    const waiting = [...pending.values()];
    pending.clear();
    outbox = [];
    for (const p of waiting) p.resolve(disconnected(p.name));
  };

  const onMessage = (data: unknown): void => {
    if (typeof data !== 'string') return; // the door only speaks JSON text
    let message: unknown;
    try {
      message = decodeWire(data);
    } catch {
      return;
    }
    if (message === null || typeof message !== 'object') return;
    const m = message as Record<string, unknown>;
    if (m.type === 'result' && typeof m.id === 'number') {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      p.resolve(m.result as Result<never>);
    } else if (m.type === 'event' && typeof m.name === 'string') {
      // Only names someone subscribed to (all typed EventNames) find handlers; others are dropped.
      for (const h of handlers.get(m.name as EventName) ?? []) h(m.payload);
    }
  };

  const open = (): void => {
    retryTimer = null;
    if (disposed) return;
    let ws: WebSocketLike;
    try {
      ws = connect(options.url);
    } catch {
      scheduleRetry();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      backoff = initialBackoff;
      for (const text of outbox) ws.send(text);
      outbox = [];
      setState('up');
    };
    ws.onmessage = (event) => onMessage(event.data);
    ws.onerror = () => {}; // a close event always follows; that is where we act
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failPending();
      if (disposed) return;
      setState('down');
      scheduleRetry();
    };
  };

  const scheduleRetry = (): void => {
    if (disposed || retryTimer) return;
    retryTimer = setTimeout(open, backoff);
    backoff = Math.min(backoff * 2, maxBackoff);
  };

  open();

  return {
    host: 'web',
    invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>> {
      const ws = socket;
      if (!ws) return Promise.resolve(disconnected(name));
      const id = nextId++;
      const envelope: WireInvoke = { type: 'invoke', id, name, input };
      const text = encodeWire(envelope);
      return new Promise((resolve) => {
        pending.set(id, { name, resolve });
        if (ws.readyState === OPEN) ws.send(text);
        else outbox.push(text);
      });
    },
    on<N extends EventName>(name: N, handler: (payload: EventPayload<N>) => void): () => void {
      const set = handlers.get(name) ?? new Set<AnyHandler>();
      handlers.set(name, set);
      const h = handler as AnyHandler;
      set.add(h);
      return () => set.delete(h);
    },
    onLink(handler) {
      linkHandlers.add(handler);
      handler(state);
      return () => linkHandlers.delete(handler);
    },
    dispose() {
      disposed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const ws = socket;
      socket = null;
      failPending();
      ws?.close();
    },
  };
}

function disconnected(name: CommandName): Result<never> {
  return { ok: false, error: { code: 'disconnected', params: { command: name } } };
}
