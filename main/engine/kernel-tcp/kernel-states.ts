// The engine's kernel-state sampler wired to its journal: which events start a watch, and how a
// state read from the kernel becomes a `tcp_state` event of its connection.
import { performance } from 'node:perf_hooks';
import type { JournalEvent } from '../../../shared/contract/contract';
import type { Journal } from '../journal';
import { readSocketCount, readSocketTables } from './proc-net-tcp';
import { TcpStateWatcher } from './tcp-state-watcher';

/** The events after which a connection's state moves towards CLOSED: from the first, it is watched. */
const CLOSING_KINDS: ReadonlySet<JournalEvent['kind']> = new Set(['fin_sent', 'peer_fin', 'rst_sent', 'error', 'closed']);

export interface KernelStates {
  /** Told every journal event (the journal's listener): cheap for all but the closing ones. */
  note(connId: string, event: JournalEvent): void;
  close(): void;
}

/**
 * A sampler for this journal, or null where the kernel's table is not ours to read: only Linux has
 * /proc/net/tcp (elsewhere the renderer infers the states from the events, and says so).
 */
export function kernelStates(journal: Journal, platform: NodeJS.Platform = process.platform): KernelStates | null {
  if (platform !== 'linux') return null;
  const watcher = new TcpStateWatcher({
    read: () => readSocketTables(),
    count: () => readSocketCount(),
    journal: {
      ends: (connId) => journal.summary(connId),
      record: (connId, state, timerMs, previous) => {
        const opened = journal.opened(connId);
        if (!opened) return false;
        // `t` counts from the connection's opening, on the clock its `opened` event read (mono).
        const t = Math.max(0, performance.now() - opened.mono);
        const at = Date.now();
        if (state === 'CLOSED' && (previous === 'CLOSE_WAIT' || previous === null) && resetUnheard(journal, connId)) {
          journal.append(connId, { kind: 'rst_received', how: 'kernel', at, t });
        }
        journal.append(connId, { kind: 'tcp_state', state, timerMs: timerMs === null ? null : Math.round(timerMs), at, t });
        return true;
      },
    },
  });
  return {
    note: (connId, event) => {
      if (CLOSING_KINDS.has(event.kind)) watcher.closing(connId);
      else if (event.kind === 'data' && event.dir === 'out') watcher.wrote(connId);
    },
    close: () => watcher.close(),
  };
}

/**
 * A socket that leaves CLOSE_WAIT for CLOSED without our FIN went from CLOSE_WAIT straight to
 * CLOSED: only an RST does that (RFC 9293 section 3.10.7.4: in CLOSE_WAIT, an RST "enters the
 * CLOSED state"); our own close would have sent a FIN first (LAST_ACK). So this is the peer's RST,
 * unless the journal already shows the connection reset (rst_received from a read or write, or our
 * rst_sent), or our FIN or close: the states are read every few ms, and our LAST_ACK can be missed.
 * Node does not know yet: it stopped reading at the peer's FIN and tries no write, so this is the
 * only way the learner hears of it before the next write fails with EPIPE.
 *
 * The same holds when the first read already finds the socket gone (previous null): a watch starts
 * at a closing event, and every one of ours (FIN, RST, close) is excluded, so it started at the
 * peer's FIN, after which the socket stays in CLOSE_WAIT until we act. It happens when an RST
 * arrives with the peer's last bytes unread: libuv reads the bytes, sees POLLHUP, and reports an
 * end of stream (Node's 'end', journaled as peer_fin) instead of ECONNRESET.
 */
function resetUnheard(journal: Journal, connId: string): boolean {
  const s = journal.summary(connId);
  return s !== undefined && !s.finSent && !s.reset && !s.closed;
}
