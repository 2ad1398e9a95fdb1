// The kernel's own TCP state of each closing connection, read from Linux's socket table
// (proc-net-tcp.ts) and journaled as `tcp_state` whenever it changes: FIN_WAIT_2, CLOSE_WAIT,
// LAST_ACK, and TIME_WAIT with its time left, which no socket event tells us (the kernel keeps a
// TIME_WAIT socket for 60 s after we closed ours; RFC 9293 section 3.6.1 asks for 2 MSL).
//
// One sampler serves the whole engine: a connection is watched from its first closing event until
// its socket leaves the table (CLOSED, recorded once: after TIME_WAIT's timer ran out, for the
// side that closed first), or for capMs (70 s) at most, and every tick reads both tables once for
// all of them. A read costs the kernel a scan of its whole socket hash, and grows with every
// socket on the machine (a load test leaves tens of thousands in TIME_WAIT), so ticks are spaced
// to keep the reads' share of time small, and only the newest maxWatched (256) are watched.
// Where the table cannot be read (not Linux), nothing is watched: the renderer infers the states.
import { performance } from 'node:perf_hooks';
import type { Address } from '../../../shared/contract/contract';
import type { TcpState } from '../../../shared/teardown/tcp-states';
import { addressKey, parseProcNetTcp, TIME_WAIT_TIMER, type KernelSocket } from './proc-net-tcp';

/** What the watcher needs of the journal. */
export interface StateJournal {
  /** The connection's two ends, as its `opened` event says; undefined once dropped. */
  ends(connId: string): { local: Address; remote: Address } | undefined;
  /**
   * Journals a tcp_state event; false if the connection is gone from the journal. `previous` is
   * the state journaled before it (null: none yet), which tells an RST's CLOSED from ours.
   */
  record(connId: string, state: TcpState, timerMs: number | null, previous: TcpState | null): boolean;
}

export interface WatcherOptions {
  /** Both socket tables' text (readSocketTables), or null when they cannot be read. */
  read(): Promise<string[] | null>;
  /** How many sockets the tables hold (readSocketCount), asked first; null: unknown, read anyway. */
  count?(): Promise<number | null>;
  journal: StateJournal;
  maxWatched?: number;
  capMs?: number;
}

/**
 * Right after a FIN or RST, states last a few ms on loopback (FIN_WAIT_2 until the peer's FIN):
 * the next read starts this soon after the last one ended, or twice as long as that one took.
 * Reading the table costs the kernel a scan of its whole socket hash (2 ms and more here, for
 * 262,144 buckets, however few sockets), so hurried reads are kept to the moments that need them,
 * and to a few connections at once.
 */
const FAST_MS = 5;
const FAST_SHARE = 2;
const FAST_FOR_MS = 200;
/** Past this many connections in their fast window at once (a load test), no read is hurried. */
const FAST_AT_MOST = 16;
/** While some connection is in a state that moves (CLOSE_WAIT waits for our close, ...). */
const ACTIVE_MS = 50;
/** Only TIME_WAITs left: they end on the kernel's timer, 60 s after they began. */
const TIME_WAIT_MS = 500;
/**
 * An unhurried read waits at least this many times the last read took (the kernel's scan on
 * libuv's pool, then our parse): the sampler takes a twentieth of a core at most, however big
 * the table grows (a load test leaves tens of thousands of TIME_WAITs in it).
 */
const READ_SHARE = 20;
/**
 * Past this many closing events in a second (some 70 connections a second: a load test, not a
 * person at the app), nothing is read until a quieter second. Measured with wrk against our
 * server, 2 cores: reading the table while thousands of sockets a second come and go took the
 * kernel seconds per read (80,000 TIME_WAITs: 12 MB of text), in this process's system time, and
 * cost the server a third of its rate; no diagram is drawn of a thousand connections anyway.
 */
const BUSY_EVENTS_PER_S = 200;
/**
 * Past this many TCP sockets on the machine the table is not read (its text grows by 150 bytes a
 * socket, and a load test leaves tens of thousands in TIME_WAIT for a minute); the states are
 * then inferred, as where there is no table.
 */
export const MAX_TABLE_SOCKETS = 5000;
/** A socket missing from this many reads in a row is gone (one read may skip a line that moved). */
const MISSES_TO_CLOSED = 2;

interface Watch {
  connId: string;
  key: string;
  localPort: number;
  since: number;
  fastUntil: number;
  last: TcpState | null;
  misses: number;
  /** Closing events seen so far: a read that began before the latest may show the state before it. */
  events: number;
}

export class TcpStateWatcher {
  private readonly byKey = new Map<string, Watch>();
  private readonly byConn = new Map<string, Watch>();
  /** The last state journaled for connections no longer watched, the latest few only. */
  private readonly ended = new Map<string, TcpState>();
  private readonly maxWatched: number;
  private readonly capMs: number;
  private timer: NodeJS.Timeout | null = null;
  private dueAt = Infinity;
  private reading = false;
  /** A tick came while a read was running: read again as soon as it is done. */
  private again = false;
  private lastReadMs = 0;
  /** Set once a read found no table: the kernel is not ours to read, so nothing is watched. */
  private unreadable = false;
  private closed = false;
  /** Closing events in the second that began at windowStart, and whether the one before was busy. */
  private windowStart = 0;
  private windowEvents = 0;
  private busyBefore = false;

  constructor(private readonly options: WatcherOptions) {
    this.maxWatched = options.maxWatched ?? 256;
    this.capMs = options.capMs ?? 70_000;
  }

  /** A closing event (FIN sent or received, RST, error, closed): watch it, and look soon. */
  closing(connId: string): void {
    if (this.closed || this.unreadable) return;
    const now = performance.now();
    const busy = this.busy(now);
    this.windowEvents++;
    if (busy) return;
    let watch = this.byConn.get(connId);
    if (!watch) {
      const ends = this.endsOf(connId);
      // Not an IP connection we can find (the peer's address already forgotten): nothing to read.
      if (ends === null) return;
      const { key, localPort } = ends;
      // A watch that ended (the cap) and starts again goes on from the state it had journaled.
      watch = { connId, key, localPort, since: now, fastUntil: 0, last: this.ended.get(connId) ?? null, misses: 0, events: 0 };
      this.byKey.delete(key); // a port pair reused within the cap: the new connection owns it
      this.byKey.set(key, watch);
      this.byConn.set(connId, watch);
      // The newest win: the oldest watched lose their watch (Maps iterate in insertion order).
      for (const oldest of this.byKey.values()) {
        if (this.byKey.size <= this.maxWatched) break;
        this.unwatch(oldest);
      }
    }
    watch.events++;
    watch.fastUntil = now + FAST_FOR_MS;
    this.schedule(0);
  }

  /**
   * We sent bytes on a connection. If it is in CLOSE_WAIT (the peer's FIN came), the peer may have
   * closed its socket, and its kernel's RST comes back at once, which Node, no longer reading,
   * does not report: look soon. A watch the cap ended in CLOSE_WAIT starts again (a learner may
   * type long after the server's FIN). Only map lookups otherwise: this runs for every chunk sent.
   */
  wrote(connId: string): void {
    if (this.closed || this.unreadable) return;
    const watch = this.byConn.get(connId);
    if (watch) {
      if (watch.last !== 'CLOSE_WAIT') return;
      watch.events++; // a read already running may predate the RST
      watch.fastUntil = performance.now() + FAST_FOR_MS;
      this.schedule(0);
    } else if (this.ended.get(connId) === 'CLOSE_WAIT') {
      this.closing(connId);
    }
  }

  /** Too many closing events this second or the last one: a load test, when nothing is read. */
  private busy(now: number): boolean {
    if (now - this.windowStart >= 1000) {
      // A window that ended more than a second ago was quiet since, however busy it had been.
      this.busyBefore = now - this.windowStart < 2000 && this.windowEvents > BUSY_EVENTS_PER_S;
      this.windowStart = now;
      this.windowEvents = 0;
    }
    return this.busyBefore || this.windowEvents > BUSY_EVENTS_PER_S;
  }

  /** How many connections are watched now. */
  get watching(): number {
    return this.byKey.size;
  }

  /** Stops watching and every timer; reads still running are ignored. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.byKey.clear();
    this.byConn.clear();
    this.ended.clear();
  }

  private endsOf(connId: string): { key: string; localPort: number } | null {
    const ends = this.options.journal.ends(connId);
    if (!ends) return null;
    const local = addressKey(ends.local.address);
    const remote = addressKey(ends.remote.address);
    if (local === null || remote === null || ends.remote.port === 0) return null;
    return { key: endsKey(local, ends.local.port, remote, ends.remote.port), localPort: ends.local.port };
  }

  /** Reads again in delayMs (or sooner if a read is due sooner already). */
  private schedule(delayMs: number): void {
    if (this.closed || this.byKey.size === 0) return;
    if (this.reading) {
      this.again = true; // read once this one is done: an event it may predate came meanwhile
      return;
    }
    const at = performance.now() + delayMs;
    if (this.timer && at >= this.dueAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // The sampler never keeps a process alive on its own (a CLI that is done, a test run).
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    this.dueAt = Infinity;
    if (this.closed || this.reading) return;
    // The cap holds also while nothing is read (busy, or a table too big).
    for (const watch of Array.from(this.byKey.values())) {
      if (performance.now() - watch.since > this.capMs) this.unwatch(watch);
    }
    if (this.busy(performance.now())) {
      this.schedule(1000); // the watched wait for a quieter second (the cap still applies then)
      return;
    }
    this.reading = true;
    this.again = false;
    // Each watch's events as the read begins: one with an event since would be journaled out of order.
    const before = new Map(Array.from(this.byConn, ([connId, w]) => [connId, w.events]));
    const started = performance.now();
    const count = this.options.count ? await this.options.count().catch(() => null) : null;
    if (count !== null && count > MAX_TABLE_SOCKETS) {
      this.reading = false;
      this.schedule(1000); // the watched wait for a smaller table (the cap still applies then)
      return;
    }
    const texts = await this.options.read().catch(() => null);
    this.reading = false;
    if (this.closed) return;
    if (texts === null) {
      this.unreadable = true;
      this.close();
      return;
    }
    const localPorts = new Set(Array.from(this.byKey.values(), (w) => w.localPort));
    this.apply(
      texts.flatMap((text) => parseProcNetTcp(text, { localPorts })),
      before,
    );
    this.lastReadMs = performance.now() - started;
    this.schedule(this.nextDelay());
  }

  private apply(sockets: KernelSocket[], before: ReadonlyMap<string, number>): void {
    const found = new Map<string, KernelSocket>();
    for (const s of sockets) {
      // Only connected sockets: a listener's remote end is 0.0.0.0:0.
      if (s.remote.port === 0) continue;
      const key = endsKey(s.local.address, s.local.port, s.remote.address, s.remote.port);
      if (this.byKey.has(key)) found.set(key, s);
    }
    const now = performance.now();
    for (const watch of Array.from(this.byKey.values())) {
      // An event came while the kernel was being read (the state read may be from before it, and
      // journaled after it would say the opposite): the next read, due at once, tells.
      if (before.get(watch.connId) !== watch.events) continue;
      const socket = found.get(watch.key);
      if (socket) {
        watch.misses = 0;
        const timerMs = socket.state === 'TIME_WAIT' && socket.timer === TIME_WAIT_TIMER ? socket.timerLeftMs : null;
        if (!this.note(watch, socket.state, timerMs)) continue;
      } else if (++watch.misses >= MISSES_TO_CLOSED) {
        this.note(watch, 'CLOSED', null);
        this.unwatch(watch);
        continue;
      }
      if (now - watch.since > this.capMs) this.unwatch(watch);
    }
  }

  /** Journals a change of state; false (and no longer watched) if the journal let it go. */
  private note(watch: Watch, state: TcpState, timerMs: number | null): boolean {
    if (watch.last === state) return true;
    const previous = watch.last;
    watch.last = state;
    if (this.options.journal.record(watch.connId, state, timerMs, previous)) return true;
    this.unwatch(watch);
    return false;
  }

  private nextDelay(): number {
    const now = performance.now();
    let hurried = 0;
    let moving = false;
    for (const watch of this.byKey.values()) {
      if (watch.fastUntil > now || watch.misses > 0) hurried++;
      if (watch.last !== 'TIME_WAIT') moving = true;
    }
    if ((this.again || hurried > 0) && hurried <= FAST_AT_MOST) return Math.max(FAST_MS, this.lastReadMs * FAST_SHARE);
    return Math.max(moving || this.again ? ACTIVE_MS : TIME_WAIT_MS, this.lastReadMs * READ_SHARE);
  }

  private unwatch(watch: Watch): void {
    if (this.byKey.get(watch.key) === watch) this.byKey.delete(watch.key);
    if (this.byConn.get(watch.connId) === watch) this.byConn.delete(watch.connId);
    if (watch.last === null) return;
    this.ended.delete(watch.connId);
    this.ended.set(watch.connId, watch.last);
    for (const connId of this.ended.keys()) {
      if (this.ended.size <= this.maxWatched) break;
      this.ended.delete(connId);
    }
  }
}

function endsKey(localAddress: string, localPort: number, remoteAddress: string, remotePort: number): string {
  return `${localAddress}:${localPort}>${remoteAddress}:${remotePort}`;
}
