// The real `wirebench`, run from source as a child process, in each language it speaks: the
// language comes from --lang, else LC_ALL, LC_MESSAGES, LANG. Expected sentences are taken from
// the catalogs themselves (CATALOGS, or an i18next instance made from them), never typed in here,
// so a retranslation does not break the test while a wrong language or a raw key does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGS, createI18n, type CatalogTree } from '../../shared/i18n/catalog';
import type { Language } from '../../shared/i18n/languages';
import { SERVE_OPTIONS } from './serve-options';

const ENTRY = 'main/cli/wirebench.ts';
const running: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** The shell's own locale variables are dropped, so only what a test sets decides. */
function wirebench(args: string[], locale: Record<string, string>): ChildProcessWithoutNullStreams {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { env: { ...env, ...locale } });
  running.push(child);
  return child;
}

interface Ran {
  code: number | null;
  out: string;
  err: string;
}

/** Runs to completion with nothing on stdin (killed after 30 s: a busy 2-core machine). */
function run(args: string[], locale: Record<string, string>): Promise<Ran> {
  const child = wirebench(args, locale);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, out, err });
    }),
  );
}

/** One sentence of a catalog as written there, placeholders and all. */
function sentence(language: Language, key: string): string {
  let node: CatalogTree | string | undefined = CATALOGS[language];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no sentence ${key} in ${language}`);
  return node;
}

const say = {
  en: createI18n('en').t,
  'zh-CN': createI18n('zh-CN').t,
  ru: createI18n('ru').t,
} as const;

/** A port nothing listens on: one the system just gave us, closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** stdout and stderr come in pieces: wait for what a test needs (generously). */
async function until(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 30_000) throw new Error('timed out waiting for output');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A catalog sentence as a pattern: each {{placeholder}} captures what was put in its place. */
function pattern(template: string): RegExp {
  const parts = template.split(/\{\{\s*\w+\s*\}\}/).map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('(.+?)'));
}

// Each test starts one or two fresh node processes with tsx: generous on a busy 2-core machine.
describe('wirebench in each language', { timeout: 60_000 }, () => {
  it('LANG=zh_CN.UTF-8: serve --help is the Chinese catalog, exit 0', async () => {
    const ran = await run(['serve', '--help'], { LANG: 'zh_CN.UTF-8' });
    expect(ran.code).toBe(0);
    const summary = sentence('zh-CN', 'cli.help.summary.serve');
    expect(summary).not.toBe(sentence('en', 'cli.help.summary.serve'));
    expect(ran.out).toContain(summary);
    expect(ran.out).toContain(say['zh-CN']('cli.help.commandUsage', { command: 'serve' }));
    for (const spec of Object.values(SERVE_OPTIONS)) expect(ran.out).toContain(say['zh-CN'](spec.description, spec.descriptionParams));
    expect(ran.out).toContain(say['zh-CN']('cli.help.serveDetails'));
    expect(ran.out).not.toContain(sentence('en', 'cli.help.summary.serve'));
  });

  // Help pads by string length: right only while what precedes the padding is ASCII (one
  // terminal column per character; a CJK character takes two). Flags and their <VALUE> hints
  // come from the option tables, not the catalogs, so a translation cannot break the column.
  it('help keeps its option column in every language: only ASCII before the padding', async () => {
    for (const language of ['zh-CN', 'ru'] as const) {
      const ran = await run(['serve', '--help', '--lang', language], {});
      const rows = ran.out.split('\n').filter((line) => /^ {2}-/.test(line));
      expect(rows.length).toBe(Object.keys(SERVE_OPTIONS).length + 2); // with --help and --lang
      const starts = new Set<number>();
      for (const row of rows) {
        const padded = /^ {2}-\S.*? {2,}(?=\S)/.exec(row)?.[0];
        if (padded === undefined) continue; // a flag too long for the column: its text is on the next line
        expect(padded).toMatch(/^[\x20-\x7e]+$/);
        starts.add(padded.length);
      }
      expect(starts.size).toBe(1);
    }
  });

  it('LANG=ru_RU.UTF-8: a refused connect says so in Russian, with the exit code English has', async () => {
    const port = await closedPort();
    const params = { host: '127.0.0.1', port };
    const english = await run(['connect', '127.0.0.1', String(port)], { LANG: 'en_US.UTF-8' });
    expect(english.err).toContain(say.en('errors.conn_refused', params));
    expect(english.code).toBe(1);
    const russian = await run(['connect', '127.0.0.1', String(port)], { LANG: 'ru_RU.UTF-8' });
    expect(russian.err).toContain(say.ru('errors.conn_refused', params));
    // A port is a name, not an amount: written as is, not 33 103.
    expect(russian.err).toContain(String(port));
    expect(russian.err).not.toContain(say.en('errors.conn_refused', params));
    expect(russian.code).toBe(english.code);
  });

  it('--lang ru overrides LANG=zh_CN; LC_ALL beats LANG', async () => {
    const byFlag = await run(['--help', '--lang', 'ru'], { LANG: 'zh_CN.UTF-8' });
    expect(byFlag.code).toBe(0);
    expect(byFlag.out).toContain(sentence('ru', 'cli.help.usage'));
    expect(byFlag.out).not.toContain(sentence('zh-CN', 'cli.help.usage'));

    const byLcAll = await run(['--help'], { LC_ALL: 'ru_RU.UTF-8', LANG: 'zh_CN.UTF-8' });
    expect(byLcAll.code).toBe(0);
    expect(byLcAll.out).toContain(sentence('ru', 'cli.help.usage'));
    expect(byLcAll.out).not.toContain(sentence('zh-CN', 'cli.help.usage'));
  });

  it('--lang xx is a mistake said in the locale\'s language, exit 2', async () => {
    for (const [LANG, language] of [
      ['ru_RU.UTF-8', 'ru'],
      ['zh_CN.UTF-8', 'zh-CN'],
    ] as const) {
      const ran = await run(['serve', '--lang', 'xx'], { LANG });
      expect(ran.code).toBe(2);
      expect(ran.err).toContain(say[language]('cli.errors.badLanguage', { value: 'xx', languages: 'en, zh-CN, ru' }));
      expect(ran.out).toBe('');
    }
  });

  it('wirebench --help lists --lang', async () => {
    const ran = await run(['--help'], { LANG: 'en_US.UTF-8' });
    expect(ran.code).toBe(0);
    const line = ran.out.split('\n').find((l) => l.includes('--lang'));
    expect(line).toContain(sentence('en', 'cli.help.option.lang'));
  });

  it('serve in Russian, stopped with SIGINT: the plural form for the count, amounts written the Russian way', async () => {
    const child = wirebench(['serve', '--port', '0'], { LANG: 'ru_RU.UTF-8' });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await until(() => /127\.0\.0\.1:(\d+)/.test(out));
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(out)?.[1]);

    // Two requests, one of them over a thousand bytes; each client reads the answer to the end.
    const requests = [`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n${'a'.repeat(2000)}`, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'];
    for (const request of requests) {
      const socket = connect(port, '127.0.0.1');
      socket.end(request);
      socket.resume();
      await new Promise((resolve) => socket.on('close', resolve));
    }
    // Every byte counted before the stop: both connections closed on the server's side too.
    const closedLine = say.ru('cli.serve.event.closed');
    await until(() => out.split('\n').filter((l) => l.endsWith(closedLine)).length === 2);
    child.kill('SIGINT');
    expect(await closed).toBe(0);

    const count = requests.length;
    const form = new Intl.PluralRules('ru').select(count);
    const match = pattern(sentence('ru', `cli.serve.stopped_${form}`)).exec(out);
    expect(match, out).not.toBeNull();
    const [, shownCount, bytesIn] = match ?? [];
    expect(shownCount).toBe(String(count));
    // The _one form ("после 1 соединения") is not what two connections get.
    expect(sentence('ru', 'cli.serve.stopped_one')).not.toBe(sentence('ru', `cli.serve.stopped_${form}`));
    const sent = requests.reduce((sum, r) => sum + Buffer.byteLength(r), 0);
    expect(bytesIn).toBe(new Intl.NumberFormat('ru').format(sent));
    expect(bytesIn).toMatch(/^\d[\u00a0\u202f]\d{3}$/);
  });
});
