// The `wirebench` command's dispatch: one table entry per subcommand (serve, connect and annotate
// join `web` and `start` here), global --help/--version, and per-command --help. Returns the exit
// code: 0 done, 1 could not do it, 2 the command line itself was wrong.
import { annotateCommand } from './annotate-command';
import { parseCommandArgs, type OptionSpec, type OptionTable } from './cli-args';
import type { CliContext, Subcommand } from './cli-context';
import { connectCommand } from './connect-command';
import { serveCommand } from './serve-command';
import { startCommand } from './start-command';
import { webCommand } from './web-command';

export const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  serve: serveCommand,
  connect: connectCommand,
  annotate: annotateCommand,
  web: webCommand,
  start: startCommand,
};

const FLAG_COLUMN = 28;

// --lang is taken off the line before a command reads it (cli-language.ts); listed here so that
// every command's help shows it.
const HELP_OPTION: OptionTable = {
  help: { type: 'boolean', short: 'h', description: 'cli.help.option.help' },
  lang: { type: 'string', example: 'en|zh-CN|ru', description: 'cli.help.option.lang' },
};

export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    ctx.err(mainHelp(ctx));
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    ctx.out(mainHelp(ctx));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    ctx.out(ctx.version);
    return 0;
  }
  const command = Object.hasOwn(SUBCOMMANDS, first) ? SUBCOMMANDS[first] : undefined;
  if (!command) {
    ctx.err(ctx.t('cli.errors.unknownCommand', { name: first }));
    return 2;
  }
  const table = { ...command.options, ...HELP_OPTION };
  const parsed = parseCommandArgs(first, rest, table, command.arguments?.max ?? 0);
  if (!parsed.ok) {
    ctx.err(ctx.t(parsed.mistake.key, parsed.mistake.params));
    return 2;
  }
  if (parsed.values.help === true) {
    ctx.out(commandHelp(ctx, first, table));
    return 0;
  }
  return command.run(parsed.values, ctx, parsed.positionals);
}

function mainHelp(ctx: CliContext): string {
  const names = Object.keys(SUBCOMMANDS);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return [
    ctx.t('cli.help.usage'),
    '',
    ctx.t('cli.help.commands'),
    ...names.map((name) => `  ${name.padEnd(width)}${ctx.t(SUBCOMMANDS[name]?.summary ?? '')}`),
    '',
    ctx.t('cli.help.options'),
    `  ${'-h, --help'.padEnd(16)}${ctx.t('cli.help.option.help')}`,
    `  ${'-v, --version'.padEnd(16)}${ctx.t('cli.help.option.version')}`,
    `  ${'--lang <lang>'.padEnd(16)}${ctx.t('cli.help.option.lang')}`,
    '',
    ctx.t('cli.help.more'),
  ].join('\n');
}

function commandHelp(ctx: CliContext, name: string, table: OptionTable): string {
  const rows = Object.entries(table).map(([option, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${option}${valueHint(spec)}`;
    return [flag, ctx.t(spec.description, spec.descriptionParams)] as const;
  });
  // Flags longer than this get their sentence on the next line, so one long list of choices
  // (`--after <close|half-close|...>`) does not push every description off the screen.
  const width = Math.min(Math.max(...rows.map(([flag]) => flag.length)), FLAG_COLUMN) + 2;
  const details = SUBCOMMANDS[name]?.details;
  const args = SUBCOMMANDS[name]?.arguments;
  return [
    args
      ? ctx.t('cli.help.commandUsageWithArguments', { command: name, arguments: ctx.t(args.usage) })
      : ctx.t('cli.help.commandUsage', { command: name }),
    '',
    ctx.t(SUBCOMMANDS[name]?.summary ?? ''),
    '',
    ctx.t('cli.help.options'),
    ...rows.map(([flag, text]) => (flag.length < width ? `  ${flag.padEnd(width)}${text}` : `  ${flag}\n  ${' '.repeat(width)}${text}`)),
    ...(details ? ['', ctx.t(details)] : []),
  ].join('\n');
}

function valueHint(spec: OptionSpec): string {
  if (spec.type !== 'string') return '';
  const value = `<${spec.example ?? '…'}>`;
  return spec.optionalValue ? ` [${value}]` : ` ${value}`;
}
