// `wirebench web [--host 127.0.0.1 [--expose]] [--port N] [--allow FOLDER]... [--json]`: Wirebench in a
// browser.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isLoopbackHost } from '../engine/listen-address';
import { parsePort, valuesOf, type OptionTable, type ParsedOptions } from './cli-args';
import type { CliContext, Subcommand } from './cli-context';
import { serveWeb, type ServeWebOptions } from './serve-web';

export const WEB_OPTIONS: OptionTable = {
  host: { type: 'string', description: 'cli.help.option.host', example: '127.0.0.1' },
  port: { type: 'string', short: 'p', description: 'cli.help.option.port', example: '8080' },
  json: { type: 'boolean', description: 'cli.help.option.json' },
  expose: { type: 'boolean', description: 'cli.help.web.expose' },
  allow: { type: 'string', description: 'cli.help.web.allow', example: '~/site', repeatable: true },
};

export const webCommand: Subcommand = {
  summary: 'cli.help.summary.web',
  options: WEB_OPTIONS,
  run: async (values, ctx) => {
    const options = webOptionsFrom(values, ctx);
    return options ? serveWeb(ctx, options) : 2;
  },
};

/** Reads --host/--port/--json; prints the mistake and returns null if one is wrong. */
export function webOptionsFrom(values: ParsedOptions, ctx: CliContext): ServeWebOptions | null {
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  if (!/^[^\s/]{1,253}$/.test(host)) {
    ctx.err(ctx.t('cli.errors.badHost', { value: host }));
    return null;
  }
  // As with `serve`: beyond loopback only when asked. The page's token rides in its URL over plain
  // HTTP, so anyone on the path could read it and drive this machine's workbench.
  if (!isLoopbackHost(host) && values.expose !== true) {
    ctx.err(ctx.t('cli.web.needsExpose', { host }));
    return null;
  }
  const portText = typeof values.port === 'string' ? values.port : '0';
  const port = parsePort(portText);
  if (port === null) {
    ctx.err(ctx.t('cli.errors.badPort', { value: portText }));
    return null;
  }
  const allowed = allowedPathsFrom(values.allow, ctx);
  if (allowed === null) return null;
  return { host, port, json: values.json === true, allowedPaths: allowed };
}

/**
 * --allow FOLDER, as often as wanted: the folders (or files) the page may have a server serve.
 * Each must exist now, so a typo is caught here rather than as a refusal in the page later.
 */
function allowedPathsFrom(value: ParsedOptions[string], ctx: CliContext): string[] | null {
  const paths: string[] = [];
  for (const path of valuesOf(value)) {
    const absolute = resolve(path);
    if (!existsSync(absolute)) {
      ctx.err(ctx.t('cli.web.allowMissing', { path }));
      return null;
    }
    paths.push(absolute);
  }
  return paths;
}
