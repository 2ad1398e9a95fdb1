// `wirebench serve`'s flags, and their translation into the contract's server.start input. Only
// what a flag's own syntax needs is checked here (a choice, a whole number, a readable file); the
// ranges and the settings' rules are the contract's, checked by the same door the UI goes through.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandInput } from '../../shared/contract/contract';
import { DEFAULT_PRESET, L3_FORM, PRESET_NAMES, PRESETS } from '../../shared/server/presets';
import { type ResponderConfig, type ServerSettings, type ServerSettingsPatch } from '../../shared/server/settings';
import { AFTER_ANSWER, ANSWER_WHEN, DEFAULT_LISTEN, LESSON_PORTS } from '../../shared/server/choices';
import { DEFAULT_SERVER_SETTINGS, withSettings } from '../../shared/server/defaults';
import { parsePort, type CliMistake, type OptionTable, type ParsedOptions } from './cli-args';
import { decodeEscapes } from '../../shared/client/typed-input';
import { readRoutesFile } from './serve-routes';
import { recordingFrom, type Recording } from './recording-options';

export const SERVE_OPTIONS: OptionTable = {
  host: { type: 'string', description: 'cli.help.serve.host', example: '127.0.0.1' },
  port: { type: 'string', short: 'p', description: 'cli.help.serve.port', example: '9000' },
  backlog: { type: 'string', description: 'cli.help.serve.backlog', example: '5' },
  expose: { type: 'boolean', description: 'cli.help.serve.expose' },
  'response-file': { type: 'string', description: 'cli.help.serve.responseFile', example: 'FILE' },
  response: { type: 'string', description: 'cli.help.serve.response', example: 'TEXT' },
  preset: {
    type: 'string',
    description: 'cli.help.serve.preset',
    descriptionParams: { names: PRESET_NAMES.join(', '), default: DEFAULT_PRESET.name },
    example: PRESET_NAMES.join('|'),
  },
  static: { type: 'string', optionalValue: true, description: 'cli.help.serve.static', example: 'DIR' },
  'not-found-text': { type: 'string', description: 'cli.help.serve.notFoundText', example: 'TEXT' },
  echo: { type: 'boolean', description: 'cli.help.serve.echo' },
  routes: { type: 'string', description: 'cli.help.serve.routes', example: 'FILE' },
  l3: { type: 'boolean', description: 'cli.help.serve.l3' },
  answer: { type: 'string', description: 'cli.help.serve.answer', example: dashed(ANSWER_WHEN).join('|') },
  after: { type: 'string', description: 'cli.help.serve.after', example: dashed(AFTER_ANSWER).join('|') },
  drip: { type: 'string', description: 'cli.help.serve.drip', example: 'BYTES/MS' },
  'fin-wait': { type: 'string', description: 'cli.help.serve.finWait', example: 'MS' },
  sequential: { type: 'boolean', description: 'cli.help.serve.sequential' },
  'idle-timeout': { type: 'string', description: 'cli.help.serve.idleTimeout', example: 'MS' },
  'header-timeout': { type: 'string', description: 'cli.help.serve.headerTimeout', example: 'MS' },
  json: { type: 'boolean', description: 'cli.help.serve.json' },
  quiet: { type: 'boolean', short: 'q', description: 'cli.help.serve.quiet' },
  summary: { type: 'string', description: 'cli.help.serve.summary', example: 'SECONDS' },
  'kernel-states': { type: 'boolean', description: 'cli.help.serve.kernelStates' },
  record: { type: 'string', description: 'cli.help.serve.record', example: 'FILE' },
  pcapng: { type: 'string', description: 'cli.help.serve.pcapng', example: 'FILE' },
};

/** The flags that each pick what answers: at most one may be given. */
const RESPONDER_FLAGS = ['response-file', 'response', 'preset', 'static', 'echo', 'routes', 'l3'] as const;

export interface ServePlan {
  input: CommandInput<'server.start'> & { settings: ServerSettingsPatch };
  /** What the server will do, all defaults filled in: for the first line's description. */
  settings: ServerSettings;
  json: boolean;
  /** Journal each closing connection's TCP state as the kernel reads it (Linux); off by default, as a load test wants. */
  kernelStates: boolean;
  /** --quiet / --summary: a line of counters every this many seconds instead of each event; null prints each event. */
  summarySeconds: number | null;
  /** --record and --pcapng: where to write the session file and the capture once stopped (absolute paths). */
  recording: Recording;
}

export type ServePlanResult = { ok: true; plan: ServePlan } | { ok: false; mistake: CliMistake };

type Mistake = { ok: false; mistake: CliMistake };
const mistake = (key: string, params: Record<string, string> = {}): Mistake => ({ ok: false, mistake: { key, params } });

export async function servePlanFrom(values: ParsedOptions): Promise<ServePlanResult> {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined);

  // --l3 is lesson L3's whole server, on its port; any other server is lesson L1's, on L1's.
  const lessonL3 = values.l3 === true;
  const portText = text('port') ?? String(lessonL3 ? LESSON_PORTS.L3 : DEFAULT_LISTEN.port);
  const port = parsePort(portText);
  if (port === null) return mistake('cli.errors.badPort', { value: portText });

  const patch: ServerSettingsPatch = {};
  const numbers: [flag: string, apply: (n: number) => void][] = [
    ['fin-wait', (n) => (patch.halfCloseWaitMs = n)],
    ['idle-timeout', (n) => (patch.idleTimeoutMs = n)],
    ['header-timeout', (n) => (patch.headerTimeoutMs = n)],
  ];
  for (const [flag, apply] of numbers) {
    const value = text(flag);
    if (value === undefined) continue;
    const n = wholeNumber(value);
    if (n === null) return mistake('cli.serve.errors.badMs', { value, option: `--${flag}` });
    apply(n);
  }
  let backlog: number | undefined;
  const backlogText = text('backlog');
  if (backlogText !== undefined) {
    backlog = wholeNumber(backlogText) ?? undefined;
    if (backlog === undefined) return mistake('cli.serve.errors.badCount', { value: backlogText, option: '--backlog' });
  }

  const answer = choice(text('answer'), ANSWER_WHEN, '--answer');
  if (answer && !answer.ok) return answer;
  if (answer) patch.answerWhen = answer.value;
  const after = choice(text('after'), AFTER_ANSWER, '--after');
  if (after && !after.ok) return after;
  if (after) patch.after = after.value;

  const drip = text('drip');
  if (drip !== undefined) {
    const rate = /^(\d{1,6})\/(\d{1,6})$/.exec(drip);
    if (!rate) return mistake('cli.serve.errors.badDrip', { value: drip });
    patch.dripBytes = Number(rate[1]);
    patch.dripEveryMs = Number(rate[2]);
    patch.after ??= 'drip'; // asking for a drip rate is asking for a drip
  }
  if (values.sequential === true) patch.acceptMode = 'sequential';
  if (lessonL3) {
    // The form's POST is answered once its body is in, and the lesson's server closes: unless told otherwise.
    patch.answerWhen ??= L3_FORM.answerWhen;
    patch.after ??= L3_FORM.after;
  }

  const given = RESPONDER_FLAGS.filter((flag) => values[flag] !== undefined);
  if (given.length > 1) return mistake('cli.serve.errors.oneResponder', { given: given.map((f) => `--${f}`).join(', ') });
  if (given[0] !== undefined) {
    const value = values[given[0]];
    const responder = await responderFrom(given[0], typeof value === 'string' ? value : true);
    if (!responder.ok) return responder;
    patch.responder = responder.value;
  }
  const notFoundText = text('not-found-text');
  if (notFoundText !== undefined) {
    // The text is a static server's 404 body: with any other responder it would silently do nothing.
    if (patch.responder?.kind !== 'static') return mistake('cli.serve.errors.notFoundNeedsStatic');
    patch.responder = { ...patch.responder, notFoundText };
  }

  let summarySeconds: number | null = values.quiet === true ? 1 : null;
  const summaryText = text('summary');
  if (summaryText !== undefined) {
    summarySeconds = seconds(summaryText);
    if (summarySeconds === null) return mistake('cli.serve.errors.badSeconds', { value: summaryText, option: '--summary' });
  }

  const host = text('host') ?? '127.0.0.1';
  const input = { host, port, exposeToNetwork: values.expose === true, settings: patch, ...(backlog === undefined ? {} : { backlog }) };
  return { ok: true, plan: { input, settings: withSettings(DEFAULT_SERVER_SETTINGS, patch), json: values.json === true, kernelStates: values['kernel-states'] === true, summarySeconds, recording: recordingFrom(values) } };
}

async function responderFrom(
  flag: (typeof RESPONDER_FLAGS)[number],
  value: string | boolean,
): Promise<{ ok: true; value: ResponderConfig } | Mistake> {
  const arg = typeof value === 'string' ? value : '';
  switch (flag) {
    case 'response-file': {
      const file = resolve(arg);
      try {
        return canned(new Uint8Array(await readFile(file)));
      } catch (err) {
        return mistake('cli.serve.errors.unreadable', { file, errno: errnoName(err) });
      }
    }
    case 'response': {
      const decoded = decodeEscapes(arg);
      // The mistake's offset counts from 0; a person counts characters from 1.
      return decoded.ok ? canned(decoded.bytes) : mistake('cli.serve.errors.badEscape', { at: String(decoded.mistake.at + 1) });
    }
    case 'preset': {
      const preset = PRESETS.find((p) => p.name === arg);
      if (!preset) return mistake('cli.serve.errors.badChoice', { value: arg, option: '--preset', choices: PRESET_NAMES.join(', ') });
      return canned(preset.bytes);
    }
    case 'static': {
      if (value === true) return { ok: true, value: { kind: 'static', root: null } }; // the sample site
      const root = resolve(arg);
      const isFolder = await stat(root).then((s) => s.isDirectory(), () => false);
      return isFolder ? { ok: true, value: { kind: 'static', root } } : mistake('cli.serve.errors.notFolder', { dir: root });
    }
    case 'echo':
      return { ok: true, value: { kind: 'echo' } };
    case 'routes': {
      const read = await readRoutesFile(arg);
      return read.ok ? { ok: true, value: { kind: 'routes', routes: read.routes } } : read;
    }
    case 'l3':
      return { ok: true, value: { kind: 'routes', routes: L3_FORM.routes } };
  }
}

function canned(bytes: Uint8Array): { ok: true; value: ResponderConfig } | Mistake {
  if (bytes.length === 0) return mistake('cli.serve.errors.emptyResponse');
  return { ok: true, value: { kind: 'canned', bytes } };
}

/** Flags spell choices with dashes (`--after half-close`); the contract with underscores. */
function choice<T extends string>(
  value: string | undefined,
  choices: readonly T[],
  option: string,
): { ok: true; value: T } | Mistake | null {
  if (value === undefined) return null;
  const found = choices.find((c) => c === value.replaceAll('-', '_'));
  return found ? { ok: true, value: found } : mistake('cli.serve.errors.badChoice', { value, option, choices: dashed(choices).join(', ') });
}

function dashed(choices: readonly string[]): string[] {
  return choices.map((c) => c.replaceAll('_', '-'));
}

/** A summary interval: 0.1 s (what a person can still read) to an hour, in plain decimal notation. */
function seconds(text: string): number | null {
  if (!/^\d{1,4}(\.\d{1,3})?$/.test(text)) return null;
  const n = Number(text);
  return n >= 0.1 && n <= 3600 ? n : null;
}

/** Digits only: "8e3", "-1" and "0x50" are not what a person means by a count of milliseconds. */
function wholeNumber(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

function errnoName(err: unknown): string {
  return (err as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
}
