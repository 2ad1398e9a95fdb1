// The `wirebench` command's entry (bin: out/main/wirebench.js; the build adds the shebang). Wires
// the real process into a CliContext and runs the subcommand table in run-cli.ts.
import { version } from '../../package.json';
import { createI18n } from '../../shared/i18n/catalog';
import { appPathsFrom, type CliContext } from './cli-context';
import { runCli } from './run-cli';

const i18n = createI18n();

const ctx: CliContext = {
  t: (key, params) => i18n.t(key, params ?? {}),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  outBytes: (bytes) => process.stdout.write(bytes),
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

// A reader that goes away (`wirebench serve | head -3`) closes our stdout: stop quietly, as other
// commands do, rather than die with a stack trace on the next line written.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const code = await runCli(process.argv.slice(2), ctx);
process.exitCode = code;
// Everything is closed by now; should a forgotten handle keep the loop alive, do not hang the shell.
setTimeout(() => process.exit(code), 2_000).unref();
