// Linux's table of TCP sockets, /proc/net/tcp and /proc/net/tcp6, read as text: each line is one
// socket (listening, connected, or a TIME_WAIT leftover the kernel keeps after we let go), written
// by the kernel's tcp4_seq_show / tcp6_seq_show (net/ipv4/tcp_ipv4.c, net/ipv6/tcp_ipv6.c):
//   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt ...
//    8: 0100007F:AFD4 0100007F:D355 06 00000000:00000000 03:0000176A 00000000 ...
// An address is the kernel's bytes printed as 32-bit words in host byte order ("%08X" of each
// __be32 word read as a native integer): 127.0.0.1 is 0100007F on a little-endian machine (x86,
// arm64). IPv6 is four such words; an IPv4 client of a dual-stack listener shows as ::ffff:a.b.c.d.
// Ports are plain hex numbers. `tr` says which timer runs (3: the TIME_WAIT timer) and tm->when its
// time left in clock ticks (USER_HZ, 100 a second on every Linux architecture we run on).
import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import type { TcpState } from '../../../shared/teardown/tcp-states';

/** One end of a socket: an address in the form addressKey gives, and a port. */
export interface KernelEnd {
  address: string;
  port: number;
}

export interface KernelSocket {
  local: KernelEnd;
  remote: KernelEnd;
  state: TcpState;
  /** Which kernel timer runs (0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero-window probe). */
  timer: number;
  /** Time left on that timer, in ms (0 when none runs). */
  timerLeftMs: number;
}

/** The `st` column: the kernel's enum tcp_state (include/net/tcp_states.h), by RFC 9293's names. */
const STATES: Record<number, TcpState> = {
  0x01: 'ESTABLISHED',
  0x02: 'SYN_SENT',
  0x03: 'SYN_RECEIVED',
  0x04: 'FIN_WAIT_1',
  0x05: 'FIN_WAIT_2',
  0x06: 'TIME_WAIT',
  0x07: 'CLOSED',
  0x08: 'CLOSE_WAIT',
  0x09: 'LAST_ACK',
  0x0a: 'LISTEN',
  0x0b: 'CLOSING',
};

export const SOCKET_TABLES = ['/proc/net/tcp', '/proc/net/tcp6'] as const;

/** The `tr` value of the TIME_WAIT timer (inet_timewait_sock's). */
export const TIME_WAIT_TIMER = 3;
/** USER_HZ: what the kernel's clock_t counts in (jiffies_delta_to_clock_t). */
const TICKS_PER_SECOND = 100;

/**
 * The sockets of one /proc/net/tcp or /proc/net/tcp6 text. `littleEndian` is the byte order the
 * kernel printed its words in (this machine's); a line this reader does not understand is skipped.
 */
export function parseProcNetTcp(
  text: string,
  options: { littleEndian?: boolean; localPorts?: ReadonlySet<number> } = {},
): KernelSocket[] {
  const littleEndian = options.littleEndian ?? endianness() === 'LE';
  const ports = options.localPorts;
  const sockets: KernelSocket[] = [];
  for (const line of text.split('\n')) {
    // Only the lines of the ports asked for are parsed whole: a busy machine's table holds tens of
    // thousands of lines (TIME_WAITs of a load test), and the caller wants a few.
    if (ports && !ports.has(localPortOf(line))) continue;
    const socket = parseLine(line, littleEndian);
    if (socket) sockets.push(socket);
  }
  return sockets;
}

/** The local port of a table line, read where it sits ("sl: ADDR:PORT ..."); NaN if none. */
function localPortOf(line: string): number {
  const afterSl = line.indexOf(':') + 1;
  const colon = line.indexOf(':', afterSl);
  return colon < 0 ? NaN : parseInt(line.slice(colon + 1, colon + 5), 16);
}

function parseLine(line: string, littleEndian: boolean): KernelSocket | null {
  const fields = line.trim().split(/\s+/);
  // sl, local, remote, st, tx:rx, tr:when, ...: the header line ("sl local_address ...") fails below.
  if (fields.length < 6 || !fields[0]?.endsWith(':')) return null;
  const local = parseEnd(fields[1] ?? '', littleEndian);
  const remote = parseEnd(fields[2] ?? '', littleEndian);
  const state = STATES[parseInt(fields[3] ?? '', 16)];
  const timer = /^([0-9A-Fa-f]{2}):([0-9A-Fa-f]{8})$/.exec(fields[5] ?? '');
  if (!local || !remote || !state || !timer) return null;
  const tr = parseInt(timer[1] as string, 16);
  // tm->when is printed as unsigned; a timer already due may print as a huge wrapped number.
  const ticks = parseInt(timer[2] as string, 16);
  const timerLeftMs = tr === 0 || ticks > 0x7fffffff ? 0 : Math.round((ticks * 1000) / TICKS_PER_SECOND);
  return { local, remote, state, timer: tr, timerLeftMs };
}

function parseEnd(text: string, littleEndian: boolean): KernelEnd | null {
  const match = /^([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})$/.exec(text);
  if (!match) return null;
  const hex = match[1] as string;
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    const value = parseInt(hex.slice(word, word + 8), 16);
    const big = [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
    bytes.push(...(littleEndian ? big.reverse() : big));
  }
  return { address: keyOfBytes(bytes), port: parseInt(match[2] as string, 16) };
}

/**
 * An address as one spelling for one address, whoever wrote it: 127.0.0.1 and ::ffff:127.0.0.1
 * are the same IPv4 peer (a dual-stack listener sees the second), so both become 127.0.0.1; other
 * IPv6 addresses become their eight groups in full, lower case. Node's socket.remoteAddress and
 * the kernel's table then compare equal. Null for text that is not an IP address.
 */
export function addressKey(text: string): string | null {
  const bytes = ipBytes(text);
  return bytes ? keyOfBytes(bytes) : null;
}

function keyOfBytes(bytes: number[]): string {
  if (bytes.length === 4) return bytes.join('.');
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return bytes.slice(12).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] as number) << 8) | (bytes[i + 1] as number)).toString(16));
  return groups.join(':');
}

function ipBytes(text: string): number[] | null {
  const v4 = ipv4Bytes(text);
  if (v4) return v4;
  // A zone (fe80::1%eth0) names an interface, not part of the address.
  let address = text.split('%')[0] ?? '';
  if (!address.includes(':')) return null;
  // A trailing dotted quad (::ffff:127.0.0.1) is the last two groups written another way.
  const lastColon = address.lastIndexOf(':');
  const quadText = address.slice(lastColon + 1);
  if (quadText.includes('.')) {
    const quad = ipv4Bytes(quadText);
    if (!quad) return null;
    const hex = (hi: number, lo: number): string => ((hi << 8) | lo).toString(16);
    address = `${address.slice(0, lastColon + 1)}${hex(quad[0] as number, quad[1] as number)}:${hex(quad[2] as number, quad[3] as number)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':').map((g) => (/^[0-9A-Fa-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
    return groups.some(Number.isNaN) ? null : groups;
  };
  const left = parse(halves[0] ?? '');
  const right = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (!left || !right) return null;
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

function ipv4Bytes(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

/**
 * Both tables' text, IPv4 and IPv6, read now; null when neither can be read (not Linux, /proc not
 * mounted, a sandbox that hides it): then nothing is read from the kernel and states are inferred.
 */
export async function readSocketTables(files: readonly string[] = SOCKET_TABLES): Promise<string[] | null> {
  const texts = await Promise.all(files.map((file) => readFile(file, 'latin1').catch(() => null)));
  const read = texts.filter((t) => t !== null);
  return read.length === 0 ? null : read;
}

/**
 * How many TCP sockets the machine holds, from /proc/net/sockstat's "TCP:" line (alloc: every TCP
 * socket, IPv4 and IPv6, plus tw: the TIME_WAITs), which the kernel sums from counters: cheap
 * however many there are, where the table costs a line each. Null when it cannot be read.
 */
export function parseSockstat(text: string): number | null {
  const line = /^TCP: (.*)$/m.exec(text)?.[1];
  if (line === undefined) return null;
  const count = (name: string): number => Number(new RegExp(`\\b${name} (\\d+)`).exec(line)?.[1] ?? NaN);
  const total = count('alloc') + count('tw');
  return Number.isFinite(total) ? total : null;
}

export async function readSocketCount(file = '/proc/net/sockstat'): Promise<number | null> {
  return readFile(file, 'latin1').then(parseSockstat, () => null);
}
