// "Why is it waiting?" for one connection, kept up to date as its journal grows: the entry the
// renderer's hint and `wirebench connect` use. A watcher per connection holds its annotators, so
// each chunk is read once; the hint itself is worked out afresh from the journal each time.
import type { JournalEvent } from '../contract/contract';
import { clientHint } from './client-hint';
import { serverHint, type ServerSide } from './server-hint';
import { ConnWatch } from './stream-watch';
import type { WaitingHint } from './waiting-codes';

export type { ServerSide } from './server-hint';

/** Our server's end of a connection: what it waits for. */
export class ServerWaiting {
  private readonly watch = new ConnWatch('server');

  hint(events: readonly JournalEvent[], server: ServerSide): WaitingHint | null {
    return serverHint(events, this.watch.update(events).request, server);
  }
}

/** Our client's end; `peer` when the other end is our own server's connection (found by its addresses). */
export class ClientWaiting {
  private readonly watch = new ConnWatch('client');
  private readonly peer = new ServerWaiting();

  /** Reads what is new in our journal, without working out a hint (a caller that asks later keeps up cheaply). */
  read(events: readonly JournalEvent[]): void {
    this.watch.update(events);
  }

  hint(events: readonly JournalEvent[], peer?: { events: readonly JournalEvent[]; server: ServerSide }): WaitingHint | null {
    const { request, response } = this.watch.update(events);
    const server = peer ? this.peer.hint(peer.events, peer.server) : undefined;
    return clientHint({ events, request, response }, server);
  }
}
