// The engine's kernel-state sampler wired to its journal: which events start a watch, and how a
// state read from the kernel becomes a `tcp_state` event of its connection.
import { performance } from 'node:perf_hooks';
import type { JournalEvent } from '../../../shared/contract';
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
      record: (connId, state, timerMs) => {
        const opened = journal.opened(connId);
        if (!opened) return false;
        // `t` counts from the connection's opening, on the clock its `opened` event read (mono).
        const t = Math.max(0, performance.now() - opened.mono);
        journal.append(connId, { kind: 'tcp_state', state, timerMs: timerMs === null ? null : Math.round(timerMs), at: Date.now(), t });
        return true;
      },
    },
  });
  return {
    note: (connId, event) => {
      if (CLOSING_KINDS.has(event.kind)) watcher.closing(connId);
    },
    close: () => watcher.close(),
  };
}
