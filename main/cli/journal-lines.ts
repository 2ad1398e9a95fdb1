// The journal as a terminal shows it: one line per event, as it happens.
//   12:00:01.123 c3 +0.4ms  ← 78 B "GET / HTTP/1.1␍␊Host: 127.0.0.1:9000␍␊User-Agent: curl/…" (+41 B)
// Bytes go through shared/bytes/bytes.ts, so CR and LF stay visible (they are the lesson) and the line
// stays one line; long payloads are cut at a token boundary, saying how many bytes were left out.
// Every word comes from the catalog (cli.serve.event.*, notes.*).
import { visibleTokens } from '../../shared/bytes/bytes';
import type { Address, JournalEvent } from '../../shared/contract/contract';
import { noteSentence } from '../../shared/i18n/coded-sentences';
import { asAmount } from '../../shared/i18n/number-format';
import type { Translate } from './cli-context';

/** Visible characters of a payload shown before it is cut: about one terminal line's worth. */
export const PREVIEW_CHARS = 72;

export function eventLine(t: Translate, event: JournalEvent, previewChars = PREVIEW_CHARS): string {
  return `${eventPrefix(event)}${eventText(t, event, previewChars)}`;
}

/** What starts an event's line: when, which connection, how long after it opened. */
export function eventPrefix(event: JournalEvent): string {
  return `${clock(event.at)} ${event.connId} +${elapsed(event.t)}  `;
}

// The keys are written out whole: a key built per event (`${prefix}.dataIn`) is a new string each
// time, to be flattened and hashed for every lookup, at thousands of events a second (issue 19).
const TIMEOUT_KEYS = {
  idle: 'cli.serve.event.timeout.idle',
  header: 'cli.serve.event.timeout.header',
  fin_wait: 'cli.serve.event.timeout.fin_wait',
  unread: 'cli.serve.event.timeout.unread',
} as const;

const BARE_KEYS = {
  peer_fin: 'cli.serve.event.peer_fin',
  fin_sent: 'cli.serve.event.fin_sent',
  rst_sent: 'cli.serve.event.rst_sent',
  rst_received: 'cli.serve.event.rst_received',
  dequeued: 'cli.serve.event.dequeued',
} as const;

/** An event in words, without its time and connection. */
export function eventText(t: Translate, event: JournalEvent, previewChars: number): string {
  switch (event.kind) {
    case 'opened': {
      const params = { remote: address(event.remote), local: address(event.local) };
      return t(event.role === 'server' ? 'cli.serve.event.opened' : 'cli.serve.event.openedClient', params);
    }
    case 'data': {
      const payload = event.bytes === null ? t('cli.serve.event.evicted') : preview(t, event.bytes, previewChars);
      return t(event.dir === 'in' ? 'cli.serve.event.dataIn' : 'cli.serve.event.dataOut', { length: event.length, payload });
    }
    case 'error':
      return t('cli.serve.event.error', { code: event.code });
    case 'closed':
      return t(event.hadError ? 'cli.serve.event.closedError' : 'cli.serve.event.closed');
    case 'queued':
      return t('cli.serve.event.queued', { position: event.position });
    case 'timeout':
      return t(TIMEOUT_KEYS[event.which], { ms: event.ms });
    case 'note':
      return noteSentence(t, event.code, event.params);
    case 'tcp_state':
      return event.timerMs === null
        ? t('cli.serve.event.tcpState', { state: event.state })
        : t('cli.serve.event.tcpStateTimer', { state: event.state, seconds: asAmount(event.timerMs / 1000, 1) });
    case 'peer_fin':
    case 'fin_sent':
    case 'rst_sent':
    case 'rst_received':
    case 'dequeued':
      return t(BARE_KEYS[event.kind]);
  }
}

/**
 * The bytes as one quoted line of visible text; past `limit` characters, cut and counted. `length`:
 * how long the bytes really are when only their start is given (annotate keeps no more of a span).
 */
export function preview(t: Translate, bytes: Uint8Array, limit: number, length = bytes.length): string {
  const ascii = asciiPreview(bytes, limit);
  let shown = ascii ?? '';
  let shownBytes = shown.length;
  if (ascii === null) [shown, shownBytes] = tokenPreview(bytes, limit);
  const rest = length - shownBytes;
  return rest > 0 ? `"${shown}…" ${t('cli.serve.event.more', { rest })}` : `"${shown}"`;
}

/** How each ASCII byte is shown, as visibleTokens shows it alone (CR as ␍, LF as ␊, ...): one UTF-16 unit each. */
const ASCII_VISIBLE: Uint16Array = Uint16Array.from({ length: 0x80 }, (_, b) => visibleTokens(Uint8Array.of(b))[0]?.text.charCodeAt(0) ?? 0);

/** The shown characters of asciiPreview, made into one string at once, not one string per character. */
const shownUnits = new Uint16Array(256);

/**
 * The common case, a request or a header, made without tokens: when the first `limit` bytes are
 * ASCII, each is one character and one token or part of a run, so the cut falls after `limit`
 * bytes exactly as tokenPreview would put it. Null when a byte past ASCII comes first.
 */
function asciiPreview(bytes: Uint8Array, limit: number): string | null {
  const end = Math.min(bytes.length, limit);
  if (end > shownUnits.length) return null;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80) return null;
    shownUnits[i] = ASCII_VISIBLE[b] as number;
  }
  return String.fromCharCode.apply(null, shownUnits.subarray(0, end) as unknown as number[]);
}

/** The shown text and how many bytes it shows, from visibleTokens: any bytes at all. Exported for its test. */
export function tokenPreview(bytes: Uint8Array, limit: number): [string, number] {
  let shown = '';
  let shownBytes = 0;
  // Only a prefix can be shown: every byte becomes at least a quarter of a character (a 4-byte
  // UTF-8 character is one), so `limit` characters never need more than 4 * limit bytes, and one
  // character more may straddle the cut. Tokenizing a 60 MB chunk whole to show 60 characters of
  // it took gigabytes (issue 15, item 2).
  for (const token of visibleTokens(bytes.subarray(0, 4 * limit + 4))) {
    const room = limit - shown.length;
    if (token.text.length <= room) {
      shown += token.text;
      shownBytes = token.offset + token.length;
      continue;
    }
    // Only printable runs are worth splitting; an escape like \xFF is shown whole or not at all.
    if (token.kind === 'text' && room > 0) {
      let part = '';
      for (const char of token.text) {
        if (part.length + char.length > room) break;
        part += char;
      }
      shown += part;
      shownBytes = token.offset + new TextEncoder().encode(part).length;
    }
    break;
  }
  return [shown, shownBytes];
}

function address(a: Address): string {
  return a.family === 'IPv6' ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
}

/** The last second `clock` wrote, as "HH:MM:SS.": a journal's events come many to a second. */
let clockSecond = Number.NaN;
let clockPrefix = '';

/** Local wall-clock time, to the millisecond: when, to a person watching. */
export function clock(at: number): string {
  // Date drops a fraction of a millisecond, toward zero, as Math.trunc does.
  const whole = Math.trunc(at);
  const ms = ((whole % 1000) + 1000) % 1000;
  const second = whole - ms;
  if (second !== clockSecond) {
    // Time zones move by whole seconds (and DST at a second's start): one Date per second is enough.
    const d = new Date(second);
    clockPrefix = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.`;
    clockSecond = second;
  }
  return clockPrefix + (ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : String(ms));
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Time since the connection opened: loopback events are fractions of a millisecond apart. */
function elapsed(ms: number): string {
  // The events of one request come at one instant: said once, repeated.
  if (ms === elapsedMs) return elapsedText;
  elapsedText = ms < 1000 ? `${ms.toFixed(1)}ms` : `${(ms / 1000).toFixed(3)}s`;
  elapsedMs = ms;
  return elapsedText;
}

let elapsedMs = Number.NaN;
let elapsedText = '';
