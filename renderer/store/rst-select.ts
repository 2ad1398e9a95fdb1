// Why an RST reached a connection, read from its journal in the store (shared/teardown/rst-reason.ts): the
// one derivation every view uses (the console's status, the card, the journal), so that none
// tells it differently.
import { rstReasonKey, rstReceivedIn } from '../../shared/teardown/rst-reason';
import type { WirebenchState } from './state-types';

export type RstReasonKey = ReturnType<typeof rstReasonKey>;

/**
 * The catalog key of the reason an RST reached `connId`, or null if none did. A string (not an
 * object), so that a component re-renders only when it changes; the scan runs only for a
 * connection whose summary says it was reset, and stops at the RST.
 */
export const selectRstReasonKey =
  (connId: string | null) =>
  (s: WirebenchState): RstReasonKey | null => {
    const conn = connId === null ? undefined : s.conns[connId];
    if (!conn?.reset || connId === null) return null;
    const found = rstReceivedIn(s.journals[connId]?.events ?? []);
    return found ? rstReasonKey(conn.role, found.cause) : null;
  };
