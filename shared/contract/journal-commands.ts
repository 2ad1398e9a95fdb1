// The contract's journal commands: how a page reads what happened: the snapshot to draw from,
// which connections' events it is sent (journal.watch), one connection's whole journal, and a page
// of one direction's bytes. Spread into `commands` in contract.ts.
import { z } from 'zod';
import { Bytes, ConnId, Dir, Empty } from './building-blocks';
import { ConnSummary, JournalEvent, JournalTotals } from './journal-schemas';
import { ServerInfo } from './server-commands';

/** The most bytes one `journal.payload` answers with (1 MiB: some 1.4 MB of base64 on the WebSocket door). */
export const PAYLOAD_PAGE_MAX = 1024 * 1024;

/**
 * The most events the engine keeps of one connection (past it, the oldest after `opened` are
 * dropped), and so the most a page keeps of one it watches: a busy kept-alive connection under a
 * load tool makes tens of thousands a minute, and a page that kept them all grew without end.
 */
export const EVENTS_KEPT_PER_CONNECTION = 5000;

/** The most connections one page may watch at once (journal.watch): a few views' worth. */
export const WATCH_MAX = 256;

export const journalCommands = {
  /** Everything needed to draw the app from scratch: on load and after a reconnect. */
  'journal.snapshot': {
    input: Empty,
    output: z.object({
      servers: z.array(ServerInfo),
      conns: z.array(ConnSummary),
      totals: JournalTotals,
    }),
  },
  /**
   * Which connections' events this page is shown from now on (a page gets every connection's
   * summary, but only the events of those it watches: at 10,000 requests a second the events of
   * all of them are more than a page can take, issue 19), and each one's events from `fromSeq` on,
   * as the journal holds them now. The set replaces the last one. The answer and the deltas after
   * it may both carry an event (one recorded before this command but not yet sent in a delta):
   * merge by seq. Connections the journal no longer has are named in `unknown`.
   */
  'journal.watch': {
    input: z
      .object({
        watch: z.array(z.object({ connId: ConnId, fromSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict()).max(WATCH_MAX),
      })
      .strict(),
    output: z.object({
      journals: z.array(z.object({ connId: ConnId, events: z.array(JournalEvent) })),
      unknown: z.array(ConnId),
    }),
  },
  /** One connection's whole journal, payloads included where still stored. */
  'journal.events': {
    input: z.object({ connId: ConnId }).strict(),
    output: z.object({ events: z.array(JournalEvent) }),
  },
  /**
   * A page of one direction of a connection as a stream: the stored bytes from `offset` (counted
   * from that direction's first byte) for up to `length` bytes, cut at the bytes carried so far.
   * For views of exchanges too large to hold whole: they ask for what they show. If any byte of
   * the range is no longer stored (the payload budget evicted it, or the event cap dropped its
   * chunk), `bytes` is null and `evicted` true: the counters still say how many there were.
   */
  'journal.payload': {
    input: z
      .object({
        connId: ConnId,
        dir: Dir,
        offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        length: z.number().int().min(1).max(PAYLOAD_PAGE_MAX),
      })
      .strict(),
    output: z.object({ bytes: Bytes.nullable(), evicted: z.boolean() }),
  },
} as const;
