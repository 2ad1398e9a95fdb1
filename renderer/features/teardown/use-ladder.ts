// The selected connection's diagram model, live: its journal, and when the other end is ours too
// (our client talking to our server), that end's journal as well, each fetched when the renderer's
// copy is missing events; buildLadder reruns whenever either journal grows.
import { useMemo } from 'react';
import type { ConnSummary, JournalEvent } from '../../../shared/contract/contract';
import { buildLadder, findPeerConnection } from '../../../shared/teardown/ladder-model';
import type { LadderModel } from '../../../shared/teardown/ladder-types';
import { selectConn, selectConnsNewestFirst } from '../../store/connections-slice';
import { useWirebench } from '../../store/store-context';
import { useJournal } from '../../journal/use-journal';
import { fromFirstMoment } from './ladder-layout';

export interface Ladder {
  conn: ConnSummary | undefined;
  model: LadderModel | null;
  /** Both journals, to look events up by their ref (ours first). */
  journals: readonly (readonly JournalEvent[] | undefined)[];
  loading: boolean;
}

export function useLadder(connId: string | null): Ladder {
  const conn = useWirebench(selectConn(connId));
  // Newest first: an ephemeral port is reused in time, and an old connection of the same two
  // ports is not this one's other end.
  const peerId = useWirebench((s) => (conn ? findPeerConnection(conn, selectConnsNewestFirst(s)) : null));
  const journal = useJournal(connId);
  const peer = useJournal(peerId);
  const events = journal?.events;
  const peerEvents = peer?.events;
  const model = useMemo(() => {
    const built = events ? buildLadder(events, peerEvents ?? null) : null;
    return built && fromFirstMoment(built);
  }, [events, peerEvents]);
  const journals = useMemo(() => [events, peerEvents], [events, peerEvents]);
  return { conn, model, journals, loading: journal === undefined || journal.loading || journal.needsFetch };
}
