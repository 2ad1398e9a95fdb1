// Parses one subcommand's arguments with node:util's parseArgs, but reports every mistake as an
// i18n key with params instead of Node's English error text: the CLI speaks through the catalog.
import { parseArgs } from 'node:util';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Key of the option's one-line description (cli.help.option.*). */
  description: string;
  /** Values the description's sentence interpolates (e.g. the list of presets). */
  descriptionParams?: Readonly<Record<string, string>>;
  /** What a value looks like, for help and for the "needs a value" sentence. */
  example?: string;
  /**
   * A string option whose value may be left out (`--static` or `--static DIR`): without one it
   * reads as `true`. A following option is never taken for its value.
   */
  optionalValue?: boolean;
  /** A string option that may be given more than once (`--allow A --allow B`): its values, in order. */
  repeatable?: boolean;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export type ParsedOptions = Record<string, string | boolean | readonly string[] | undefined>;

export interface CliMistake {
  key: string;
  params: Record<string, string>;
}

export type ArgsResult = { ok: true; values: ParsedOptions; positionals: string[] } | { ok: false; mistake: CliMistake };

/**
 * `maxPositionals`: how many arguments that are not options the command takes (`connect host
 * port`), in order, wherever they stand among the options; one more is a mistake.
 */
export function parseCommandArgs(command: string, args: readonly string[], table: OptionTable, maxPositionals = 0): ArgsResult {
  // strict: false plus tokens lets us see each mistake ourselves and word it through i18n.
  const { tokens } = parseArgs({
    args: withEmptyOptionalValues(args, table),
    options: Object.fromEntries(
      Object.entries(table).map(([name, spec]) => [name, spec.short ? { type: spec.type, short: spec.short } : { type: spec.type }]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: ParsedOptions = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (positionals.length >= maxPositionals) return mistake('cli.errors.unexpectedArgument', { command, value: token.value });
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue; // the `--` terminator
    const spec = Object.hasOwn(table, token.name) ? table[token.name] : undefined;
    if (!spec) return mistake('cli.errors.unknownOption', { command, option: token.rawName });
    if (spec.type === 'string' && spec.optionalValue && !token.value) {
      values[token.name] = true;
    } else if (spec.type === 'string') {
      // `--port --json` would otherwise take "--json" as the port: an option is never a value
      // unless written inline (`--host=-x`), as parseArgs's strict mode also insists.
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
        return mistake('cli.errors.missingValue', { option: token.rawName, example: spec.example ?? '…' });
      }
      values[token.name] = spec.repeatable ? [...valuesOf(values[token.name]), token.value] : token.value;
    } else {
      if (token.value !== undefined) return mistake('cli.errors.unexpectedValue', { option: token.rawName });
      values[token.name] = true;
    }
  }
  return { ok: true, values, positionals };
}

/** A repeatable option's values so far (none, one, or several). */
export function valuesOf(value: ParsedOptions[string]): readonly string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? (value as readonly string[]) : [];
}

/** A TCP port as typed: 0..65535, digits only (no "8e3", no "-1", no "0x50"). */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

/**
 * parseArgs gives a string option the next argument whatever it looks like, so `--static --echo`
 * would swallow `--echo`. An optional value that is absent is given as an empty argument instead,
 * which leaves the next argument to be read on its own.
 */
function withEmptyOptionalValues(args: readonly string[], table: OptionTable): string[] {
  const optional = new Set<string>();
  for (const [name, spec] of Object.entries(table)) {
    if (spec.type === 'string' && spec.optionalValue) {
      optional.add(`--${name}`);
      if (spec.short) optional.add(`-${spec.short}`);
    }
  }
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const next = args[i + 1];
    out.push(arg);
    if (optional.has(arg) && (next === undefined || next.startsWith('-'))) out.push('');
  }
  return out;
}

function mistake(key: string, params: Record<string, string>): ArgsResult {
  return { ok: false, mistake: { key, params } };
}
