// The `wirebench` command's entry (bin: out/main/wirebench.js; the build adds the shebang). Wires
// the real process into a CliContext and runs the subcommand table in run-cli.ts.
import { version } from '../../package.json';
import { createI18n } from '../../shared/i18n/catalog';
import { appPathsFrom, type CliContext } from './cli-context';
import { takeLanguage } from './cli-language';
import { OutputWriter } from './output-writer';
import { runCli } from './run-cli';

const language = takeLanguage(process.argv.slice(2), process.env);
const i18n = createI18n(language.language);
const t: CliContext['t'] = (key, params) => i18n.t(key, params ?? {});

// Every line to stdout and stderr goes through a writer: batched, bounded, and never a stack
// trace when the stream fails. WIREBENCH_OUTPUT_CAP (bytes) shrinks stdout's bound for tests, so
// that a few thousand requests overflow it.
const stdout = new OutputWriter(process.stdout, outputCap(process.env.WIREBENCH_OUTPUT_CAP));
const stderr = new OutputWriter(process.stderr);
/**
 * Listeners on stdout's errors before any command runs: ours, and a loader's (tsx pipes into stdout,
 * and that pipe's listener takes itself off at the first error, so counting them would mislead).
 */
const startupListeners = new Set(process.stdout.listeners('error'));
/** How long a reader may take nothing before an exiting process stops waiting to hand it the rest. */
const STALLED_MS = 1_000;
let outputWatched = false;

const ctx: CliContext = {
  t,
  language: language.language,
  out: (line) => stdout.line(line),
  err: (line) => stderr.line(line),
  outBytes: (bytes) => stdout.bytes(bytes),
  outLive: (make, notPrinted) => stdout.live(make, notPrinted),
  outputFailed: () => {
    outputWatched = true;
    return stdout.failed;
  },
  stdin: () => process.stdin,
  version,
  paths: appPathsFrom(import.meta.url),
  env: process.env,
  platform: process.platform,
  stopRequested: () =>
    new Promise((resolve) => {
      const stop = (signal: NodeJS.Signals): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve(signal);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    }),
};

// A command that does not watch its output is ended here when stdout fails. A reader that went
// away (`wirebench connect ... | head -3`) is the ordinary end of a pipeline: quietly, exit 0.
// One that writes to process.stdout itself and listens for its errors (annotate's own writer,
// which must slow its producer to the reader's pace) says them its own way.
void stdout.failed.then(async ({ code }) => {
  const commandListens = process.stdout.listeners('error').some((listener) => !startupListeners.has(listener));
  if (outputWatched || commandListens) return;
  if (code !== 'EPIPE') stderr.line(t('cli.output.failed', { code }));
  await stderr.settle(STALLED_MS);
  process.exit(code === 'EPIPE' ? 0 : 1);
});

// A --lang we cannot speak is a mistake on the command line, like any other: said, exit 2.
if (!language.ok) stderr.line(t('cli.errors.badLanguage', { value: language.value, languages: language.languages }));
const code = language.ok ? await runCli(language.argv, ctx) : 2;
process.exitCode = code;
// What the writers still hold goes out first, unless the reader has stopped taking it.
const written = await Promise.all([stdout.settle(STALLED_MS), stderr.settle(STALLED_MS)]);
if (written.includes(false)) process.exit(code);
// Everything is closed by now; should a forgotten handle keep the loop alive, do not hang the shell.
setTimeout(() => process.exit(code), 2_000).unref();

/** Digits only, at least 4 KiB; anything else is the default (8 MiB). */
function outputCap(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{4,10}$/.test(text)) return undefined;
  return Math.max(4096, Number(text));
}
