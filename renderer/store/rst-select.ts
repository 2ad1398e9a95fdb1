// Why an RST reached a connection, as its summary says (the engine reads it from the journal with
// the rule of shared/teardown/rst-causes.ts): the one source every view uses (the console's status,
// the card, the journal), so that none tells it differently, watched or not.
import { rstReasonKey } from '../../shared/teardown/rst-reason';
import type { WirebenchState } from './state-types';

export type RstReasonKey = ReturnType<typeof rstReasonKey>;

/**
 * The catalog key of the reason an RST reached `connId`, or null if none did. A string (not an
 * object), so that a component re-renders only when it changes.
 */
export const selectRstReasonKey =
  (connId: string | null) =>
  (s: WirebenchState): RstReasonKey | null => {
    const conn = connId === null ? undefined : s.conns[connId];
    if (!conn?.reset || connId === null) return null;
    // From the summary, which every connection's is at hand (its events only where watched).
    return conn.rstCause === null ? null : rstReasonKey(conn.role, conn.rstCause);
  };
