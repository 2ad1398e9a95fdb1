// A recording's servers as they stood at the replay's position. A session file keeps its servers as
// they were when saved, counters and accept() queue included; replayed from the start, a
// sequential server's queue would show from the first step whoever waited at the save, or show
// nobody who waited earlier. So the counters are counted again from the events revealed so far
// (opened, queued, dequeued, closed and the first answer, as main/engine/accept-queue.ts counts
// them), and once everything is revealed the saved servers are shown exactly as saved.
import type { JournalEvent, ServerInfo } from '../../shared/contract/contract';
import type { SessionFile } from '../../shared/session/session-file';

type Standing = 'open' | 'queued' | 'closed';

interface Counted {
  accepted: number;
  /** Those that got their first answer (the engine counts a connection served then). */
  served: Set<string>;
  /** Its server's connections seen so far, in the order they opened. */
  standing: Map<string, Standing>;
}

export class ReplayedServers {
  /** The server each server-side connection of the session belongs to. */
  private readonly serverOf = new Map<string, string>();
  private readonly counted = new Map<string, Counted>();

  constructor(private readonly session: SessionFile) {
    for (const { summary } of session.connections) {
      if (summary.role === 'server' && summary.serverId !== null) this.serverOf.set(summary.connId, summary.serverId);
    }
    for (const server of session.servers) this.counted.set(server.serverId, { accepted: 0, served: new Set(), standing: new Map() });
  }

  /** Counts events newly revealed (in the replay's order); true if a server's counters changed. */
  add(events: readonly JournalEvent[]): boolean {
    let changed = false;
    for (const event of events) {
      const serverId = this.serverOf.get(event.connId);
      const counted = serverId === undefined ? undefined : this.counted.get(serverId);
      if (!counted) continue;
      if (event.kind === 'opened') {
        counted.accepted++;
        counted.standing.set(event.connId, 'open');
      } else if (event.kind === 'queued') counted.standing.set(event.connId, 'queued');
      else if (event.kind === 'dequeued') counted.standing.set(event.connId, 'open');
      else if (event.kind === 'closed') counted.standing.set(event.connId, 'closed');
      else if (event.kind === 'data' && event.dir === 'out' && !counted.served.has(event.connId)) counted.served.add(event.connId);
      else continue;
      changed = true;
    }
    return changed;
  }

  /** The servers at this point of the replay; `whole`: everything revealed, the servers as saved. */
  servers(whole: boolean): ServerInfo[] {
    if (whole) return this.session.servers;
    return this.session.servers.map((server) => {
      const counted = this.counted.get(server.serverId);
      if (!counted) return server;
      const at = (s: Standing): string[] => [...counted.standing].filter(([, x]) => x === s).map(([id]) => id);
      return { ...server, stats: { accepted: counted.accepted, open: at('open').length, queued: at('queued'), served: counted.served.size } };
    });
  }
}
