// `wirebench serve [options]`: the workbench's HTTP server without a window, for an instructor in
// place of the lessons' Python servers, and for scripts and tests. The flags become a server.start
// input that goes through the same door as the UI's (createHostDispatch), so the contract's rules and
// its error codes apply unchanged; the journal is printed as it happens, as sentences or as JSON,
// or counted with --quiet (serve-printer.ts).
import { errorSentenceKey } from '../../shared/i18n/error-key';
import type { EventPayload, JournalTotals, ServerInfo } from '../../shared/contract/contract';
import type { ServerSettings } from '../../shared/server/settings';
import { encodeWire } from '../../shared/contract/wire-codec';
import { Engine } from '../engine/engine';
import type { CliContext, Subcommand } from './cli-context';
import { explainError } from './explain-error';
import { SERVE_OPTIONS, servePlanFrom } from './serve-options';
import { serversNow, writeRecording } from './record-session';
import { ServePrinter } from './serve-printer';
import { createHostDispatch, unrestrictedFiles } from '../host/host-handlers';
import { MemorySettingsStore } from '../settings/settings-store';

export const serveCommand: Subcommand = {
  summary: 'cli.help.summary.serve',
  options: SERVE_OPTIONS,
  details: 'cli.help.serveDetails',
  run: async (values, ctx) => {
    const planned = await servePlanFrom(values);
    if (!planned.ok) {
      ctx.err(ctx.t(planned.mistake.key, planned.mistake.params));
      return 2;
    }
    const { input, settings, json, kernelStates, summarySeconds, recording } = planned.plan;
    const engine = new Engine({ host: 'cli', version: ctx.version, sampleDocRoot: ctx.paths.sampleDocRoot, kernelStates });
    const dispatch = createHostDispatch(engine, { settings: new MemorySettingsStore(), files: unrestrictedFiles(engine) }, (err) => ctx.err(explainError(ctx.t, err)));
    const printer = new ServePrinter(ctx, { json, summarySeconds });
    engine.onEvent((name, payload) => {
      if (name === 'journal.delta') printer.onDelta(payload as EventPayload<'journal.delta'>);
    });

    const started = await dispatch('server.start', input);
    if (!started.ok) {
      await engine.close();
      const { code, params } = started.error;
      ctx.err(ctx.t(errorSentenceKey(started.error), params));
      if (code === 'not_loopback') ctx.err(ctx.t('cli.serve.exposeHint'));
      // The input was refused: that is the command line's fault; anything else is the system's.
      return code === 'bad_input' || code === 'not_loopback' ? 2 : 1;
    }
    const server = started.value as ServerInfo;
    // Listen for Ctrl+C, and for stdout failing, before announcing the port: whoever reads it may
    // signal, or go away, at once.
    const stop = Promise.race([ctx.stopRequested().then(() => null), ctx.outputFailed()]);
    if (input.exposeToNetwork === true) ctx.err(ctx.t('cli.serve.exposed', { host: server.host }));
    ctx.out(json ? encodeWire({ kind: 'listening', server }) : listeningLine(ctx, server, settings));
    printer.start();

    const failed = await stop;
    const servers = recording.session === null ? [] : await serversNow(dispatch);
    await engine.close(); // stops the server, destroys its sockets, flushes the last events
    printer.stop();
    const unrecorded = await writeRecording(dispatch, recording, ctx.version, servers);
    if (unrecorded) ctx.err(ctx.t(errorSentenceKey(unrecorded), unrecorded.params));
    if (failed) {
      // Whoever read the output went away (`wirebench serve | head -3`): the ordinary end of a
      // pipeline, so 0 and nothing said, as ripgrep does, rather than 141 (death by SIGPIPE, what
      // `yes` or `cat` get), which a script under `set -o pipefail` would take for a failure.
      if (failed.code === 'EPIPE') return 0;
      ctx.err(ctx.t('cli.serve.outputFailed', { code: failed.code }));
      return 1;
    }
    const snapshot = await dispatch('journal.snapshot', {});
    if (snapshot.ok) {
      const { totals } = snapshot.value as { totals: JournalTotals };
      ctx.out(json ? encodeWire({ kind: 'stopped', totals }) : ctx.t('cli.serve.stopped', { ...totals, count: totals.connections }));
    }
    return unrecorded ? 1 : 0;
  },
};

/** The first line: where it listens and how it answers, in one sentence. */
function listeningLine(ctx: CliContext, server: ServerInfo, settings: ServerSettings): string {
  const { t } = ctx;
  const url = `http://${urlHost(server.host)}:${server.port}/`;
  const accept = t(`cli.serve.accept.${settings.acceptMode}`);
  return t('cli.serve.listening', { host: server.host, port: server.port, url, how: how(ctx, settings), accept });
}

function how(ctx: CliContext, s: ServerSettings): string {
  const { t } = ctx;
  if (s.after === 'hang') return t('cli.serve.after.hang');
  const r = s.responder;
  const responder =
    r.kind === 'canned'
      ? t('cli.serve.responder.canned', { count: r.bytes.length })
      : r.kind === 'static'
        ? r.root === null
          ? t('cli.serve.responder.staticSample')
          : t('cli.serve.responder.static', { root: r.root })
        : r.kind === 'routes'
          ? t('cli.serve.responder.routes', { count: r.routes.length })
          : t('cli.serve.responder.echo');
  const after = t(`cli.serve.after.${s.after}`, { ms: s.halfCloseWaitMs, bytes: s.dripBytes, everyMs: s.dripEveryMs });
  return t('cli.serve.how', { responder, answer: t(`cli.serve.answer.${s.answerWhen}`), after });
}

/** A wildcard bind is reached through loopback from this machine; IPv6 needs brackets in a URL. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
