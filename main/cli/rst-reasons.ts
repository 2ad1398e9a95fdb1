// Why an RST came, for a terminal that prints a journal as its events arrive (`serve`): each
// connection's few facts (shared/teardown/rst-reason.ts), kept only until it closes, so that a server that
// has answered a million connections holds the facts of the open ones only.
import type { JournalEvent, Role } from '../../shared/contract/contract';
import { rstReasonKey, RstWitness } from '../../shared/teardown/rst-reason';

export class RstReasons {
  private readonly witnesses = new Map<string, RstWitness>();

  /** `role`: whose connections these are (a server's accepted ones, or a client's). */
  constructor(private readonly role: Role) {}

  /** Takes every event in order; returns the reason's catalog key when the event is the peer's RST. */
  see(event: JournalEvent): ReturnType<typeof rstReasonKey> | null {
    if (event.kind === 'closed') {
      this.witnesses.delete(event.connId);
      return null;
    }
    // Kept from the opening to the close only: the kernel's states still come after `closed`.
    if (event.kind === 'opened') this.witnesses.set(event.connId, new RstWitness());
    const rst = this.witnesses.get(event.connId)?.see(event);
    return rst ? rstReasonKey(this.role, rst.cause) : null;
  }

  /** Connections whose facts are kept now (open ones). */
  get size(): number {
    return this.witnesses.size;
  }
}
