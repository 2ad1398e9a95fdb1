// Why an RST reached one of our sockets, as the four causes a journal can prove (the reasoning is
// in rst-reason.ts). A file of its own, with no imports, so that the contract can carry a
// connection's cause in its summary without an import circle (rst-reason.ts reads the contract's
// event types).

/**
 * - sent_after_fin: the peer's FIN came, then we sent bytes, and its kernel answered them with
 *   RST: it had closed its socket (lesson L2's server after its answer), not only half-closed;
 * - after_fin: the peer's FIN came and then its RST, though we sent nothing after the FIN: it
 *   closed with bytes of ours unread, or aborted its socket;
 * - mid_exchange: no FIN first, but some of the peer's bytes had come: it aborted its socket
 *   (SO_LINGER 0), or closed it with bytes of ours unread;
 * - before_data: no FIN and not one byte from the peer before its RST.
 */
export const RST_CAUSES = ['sent_after_fin', 'after_fin', 'mid_exchange', 'before_data'] as const;
export type RstCause = (typeof RST_CAUSES)[number];

/** What a journal had proved when the RST came: the one rule every reader of it applies. */
export interface RstFacts {
  peerFin: boolean;
  /** We sent bytes after the peer's FIN. */
  sentAfterFin: boolean;
  /** At least one byte of the peer's had come. */
  received: boolean;
}

export function rstCauseOf(facts: RstFacts): RstCause {
  if (facts.sentAfterFin) return 'sent_after_fin';
  if (facts.peerFin) return 'after_fin';
  return facts.received ? 'mid_exchange' : 'before_data';
}
