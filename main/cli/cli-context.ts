// What every subcommand gets: words, output streams, paths and the process's surroundings. Passed
// in rather than reached for, so a subcommand does not care whether it runs in a terminal or a test.
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../shared/i18n/languages';
import type { OptionTable, ParsedOptions } from './cli-args';
import type { EncodedLine, NotPrinted, OutputFailure } from './output-writer';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface AppPaths {
  /** The package root: where package.json is, and what `electron .` opens. */
  appRoot: string;
  /** The built renderer, served by the web host. */
  rendererDir: string;
  /** The built Electron entry (package.json "main"). */
  electronMain: string;
  /** The sample site shipped in app/docroot: what static mode serves when given no folder. */
  sampleDocRoot: string;
}

export interface CliContext {
  t: Translate;
  /** The language `t` speaks (--lang, or the shell's locale). */
  language: Language;
  out(line: string): void;
  err(line: string): void;
  /** Bytes to stdout exactly as given: no newline added, nothing decoded (what `connect` receives). */
  outBytes(bytes: Uint8Array): void;
  /**
   * A line of a live log on stdout (serve's journal), left out when its reader has fallen too far
   * behind (output-writer.ts): `make` runs only for a line that is kept, and `notPrinted` words the
   * line that then says how many were left out. `out` and `err` lines are never left out.
   */
  outLive(make: () => string | EncodedLine, notPrinted: NotPrinted): void;
  /**
   * Resolves if writing to stdout fails (EPIPE: its reader went away; ENOSPC, EIO, ...). A command
   * that asks ends itself; for one that does not, the process ends (0 for EPIPE, else 1 with a
   * sentence), never with a stack trace.
   */
  outputFailed(): Promise<OutputFailure>;
  /**
   * What the person types or pipes in. Made on first call, so a command that never reads it does
   * not hold the terminal; whoever reads it destroys it when done.
   */
  stdin(): Readable;
  version: string;
  paths: AppPaths;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Resolves with the signal when the person asks us to stop (Ctrl+C, SIGTERM). */
  stopRequested(): Promise<NodeJS.Signals>;
}

export interface Subcommand {
  /** Key of the one-line summary shown by --help. */
  summary: string;
  options: OptionTable;
  /** Arguments that are not options (`connect <target>`): how --help names them (a key), and how many at most. */
  arguments?: { usage: string; max: number };
  /** Key of text shown after the options in the command's --help (formats, exit codes). */
  details?: string;
  run(values: ParsedOptions, ctx: CliContext, positionals: readonly string[]): Promise<number>;
}

/**
 * Both the built file (out/main/wirebench.js) and the source (main/cli/wirebench.ts) sit two
 * folders below the package root, so one rule finds out/renderer and app/docroot from either.
 * (The packaged desktop app has its own rule: main/electron/sample-doc-root.ts.)
 */
export function appPathsFrom(moduleUrl: string): AppPaths {
  const appRoot = resolve(dirname(fileURLToPath(moduleUrl)), '..', '..');
  return {
    appRoot,
    rendererDir: join(appRoot, 'out', 'renderer'),
    electronMain: join(appRoot, 'out', 'main', 'electron-main.js'),
    sampleDocRoot: join(appRoot, 'app', 'docroot'),
  };
}
