// `wirebench connect`'s flags and target, and what they mean: where to connect, how stdin becomes
// bytes, how received bytes are shown, and what goes to stderr. Only what the command line itself
// can get wrong is checked here; the connection's own failures are the engine's, told by code.
import { utf8Encode } from '../../shared/bytes/bytes';
import { parseTarget, requestForUrl, type ClientTarget, type TargetProblem } from '../../shared/client/target';
import { CONNECT_TIMEOUT, type CommandInput } from '../../shared/contract/contract';
import type { CliMistake, OptionTable, ParsedOptions } from './cli-args';
import { recordingFrom, type Recording } from './recording-options';

export const CONNECT_OPTIONS: OptionTable = {
  crlf: { type: 'boolean', description: 'cli.help.connect.crlf' },
  lf: { type: 'boolean', description: 'cli.help.connect.lf' },
  raw: { type: 'boolean', description: 'cli.help.connect.raw' },
  hex: { type: 'boolean', description: 'cli.help.connect.hex' },
  escapes: { type: 'boolean', description: 'cli.help.connect.escapes' },
  request: { type: 'boolean', description: 'cli.help.connect.request' },
  visible: { type: 'boolean', description: 'cli.help.connect.visible' },
  timeout: {
    type: 'string',
    description: 'cli.help.connect.timeout',
    descriptionParams: { default: String(CONNECT_TIMEOUT.defaultMs), min: String(CONNECT_TIMEOUT.minMs), max: String(CONNECT_TIMEOUT.maxMs) },
    example: 'MS',
  },
  json: { type: 'boolean', description: 'cli.help.connect.json' },
  quiet: { type: 'boolean', short: 'q', description: 'cli.help.connect.quiet' },
  record: { type: 'string', description: 'cli.help.connect.record', example: 'FILE' },
  pcapng: { type: 'string', description: 'cli.help.connect.pcapng', example: 'FILE' },
};

/**
 * How stdin becomes bytes:
 * - lines: each line (ended by LF, CRLF or a lone CR) goes out with `ending` in place of its own
 *   line break; with `escapes`, \r \n \t \0 \xHH and \\ in it are decoded first.
 * - raw: every byte exactly as read, nothing added or taken away (nc's way).
 * - hex: each line is hex text (`47 45 54 0d 0a`); the bytes it spells go out, nothing added.
 */
export type InputMode = { kind: 'lines'; ending: 'crlf' | 'lf'; escapes: boolean } | { kind: 'raw' } | { kind: 'hex' };

export interface ConnectPlan {
  target: ClientTarget;
  input: CommandInput<'client.connect'>;
  mode: InputMode;
  /** Received bytes with CR, LF and other controls shown as glyphs, instead of the bytes themselves. */
  visible: boolean;
  /** What stderr shows of the journal: readable lines, JSON lines, or nothing but failures. */
  journal: 'lines' | 'json' | 'none';
  /** --request: the request line and Host header the URL stands for, and the blank line, sent first. */
  head: Uint8Array | null;
  /** --record and --pcapng: where to write the session file and the capture once done (absolute paths). */
  recording: Recording;
}

export type ConnectPlanResult = { ok: true; plan: ConnectPlan } | { ok: false; mistake: CliMistake };

const mistake = (key: string, params: Record<string, string> = {}): { ok: false; mistake: CliMistake } => ({
  ok: false,
  mistake: { key, params },
});

const MODE_FLAGS = ['crlf', 'lf', 'raw', 'hex'] as const;

/** Past this, a target is quoted by its start and its length: a 100 KB argument was echoed whole. */
const TARGET_QUOTE_CHARS = 80;

/**
 * The sentence for a target that cannot be used. An IPv6 literal with no port gets its own: the
 * general advice ("::1:80:80") would name another address, since every group is part of it; the
 * brackets are what separate a port (RFC 3986 section 3.2.2), and when the last group looks like
 * a port, that is probably what was meant.
 */
function targetMistake(problem: TargetProblem, text: string): { ok: false; mistake: CliMistake } {
  const target = text.length > TARGET_QUOTE_CHARS ? `${text.slice(0, TARGET_QUOTE_CHARS)}… (${text.length} characters)` : text;
  if (problem === 'no_port' && text.includes(':')) {
    const lastColon = text.lastIndexOf(':');
    const last = text.slice(lastColon + 1);
    const meant = /^\d{1,5}$/.test(last) && lastColon > 0 ? `[${text.slice(0, lastColon).replace(/:$/, '::')}]:${last}` : `[${text}]:80`;
    return mistake('cli.connect.target.no_port_ipv6', { target, bracketed: `[${target}]:80`, meant });
  }
  return mistake(`cli.connect.target.${problem}`, { target });
}

export function connectPlanFrom(values: ParsedOptions, positionals: readonly string[]): ConnectPlanResult {
  // `host port` comes as two arguments; every other way of writing a target as one.
  const text = positionals.join(' ');
  const parsed = parseTarget(text);
  if (!parsed.ok) return targetMistake(parsed.problem, text);
  const { target } = parsed;

  const modes = MODE_FLAGS.filter((flag) => values[flag] === true);
  if (modes.length > 1) return together(modes);
  const mode = modes[0] ?? 'crlf';
  if (values.escapes === true && (mode === 'raw' || mode === 'hex')) return together([mode, 'escapes']);
  if (values.json === true && values.quiet === true) return together(['json', 'quiet']);

  let timeoutMs: number = CONNECT_TIMEOUT.defaultMs;
  if (typeof values.timeout === 'string') {
    const ms = /^\d{1,9}$/.test(values.timeout) ? Number(values.timeout) : NaN;
    if (!(ms >= CONNECT_TIMEOUT.minMs && ms <= CONNECT_TIMEOUT.maxMs)) {
      return mistake('cli.connect.errors.badTimeout', {
        value: values.timeout,
        min: String(CONNECT_TIMEOUT.minMs),
        max: String(CONNECT_TIMEOUT.maxMs),
      });
    }
    timeoutMs = ms;
  }

  let head: Uint8Array | null = null;
  if (values.request === true) {
    if (target.url === null) return mistake('cli.connect.errors.requestNeedsUrl', { target: text });
    // The head's lines end as the typed ones do: CRLF (RFC 9112 section 2.2), or LF with --lf.
    const eol = mode === 'lf' ? '\n' : '\r\n';
    const { requestLine, hostHeader } = requestForUrl(target.url);
    head = utf8Encode(`${requestLine}${eol}Host: ${hostHeader}${eol}${eol}`);
  }

  return {
    ok: true,
    plan: {
      target,
      input: { host: target.host, port: target.port, timeoutMs },
      mode: mode === 'raw' || mode === 'hex' ? { kind: mode } : { kind: 'lines', ending: mode, escapes: values.escapes === true },
      visible: values.visible === true,
      journal: values.json === true ? 'json' : values.quiet === true ? 'none' : 'lines',
      head,
      recording: recordingFrom(values),
    },
  };
}

function together(flags: readonly string[]): { ok: false; mistake: CliMistake } {
  return mistake('cli.connect.errors.together', { given: flags.map((f) => `--${f}`).join(', ') });
}
