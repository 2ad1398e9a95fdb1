import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../shared/contract/contract';
import { L1_HELLO_WORLD, L2_HELLO_BARE_LF } from '../../shared/server/presets';
import { DEFAULT_SERVER_SETTINGS } from '../../shared/server/defaults';
import { parseCommandArgs } from './cli-args';
import { SERVE_OPTIONS, servePlanFrom, type ServePlanResult } from './serve-options';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirebench-serve-'));
  await writeFile(join(dir, 'raw.bin'), Uint8Array.of(0x48, 0x0a, 0x00, 0xff));
  await writeFile(join(dir, 'page.html'), '<p>hi</p>');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function plan(...args: string[]): Promise<ServePlanResult> {
  const parsed = parseCommandArgs('serve', args, SERVE_OPTIONS);
  if (!parsed.ok) throw new Error(parsed.mistake.key);
  return servePlanFrom(parsed.values);
}

async function input(...args: string[]): Promise<unknown> {
  const result = await plan(...args);
  if (!result.ok) throw new Error(`${result.mistake.key} ${JSON.stringify(result.mistake.params)}`);
  // Whatever the flags make must pass the contract's own door.
  expect(commands['server.start'].input.safeParse(result.plan.input).success).toBe(true);
  return result.plan.input;
}

async function mistakeOf(...args: string[]): Promise<unknown> {
  const result = await plan(...args);
  if (result.ok) throw new Error('expected a mistake');
  return result.mistake;
}

describe('servePlanFrom', () => {
  it('defaults to lesson L1 on 127.0.0.1:9000, changing no setting', async () => {
    expect(await input()).toEqual({ host: '127.0.0.1', port: 9000, exposeToNetwork: false, settings: {} });
    const result = await plan();
    expect(result.ok && result.plan.settings).toEqual(DEFAULT_SERVER_SETTINGS);
  });

  it('reads kernel states only with --kernel-states: a load test against serve pays nothing for them', async () => {
    const quiet = await plan();
    const asked = await plan('--kernel-states');
    expect([quiet.ok && quiet.plan.kernelStates, asked.ok && asked.plan.kernelStates]).toEqual([false, true]);
  });

  it('prints each event unless --quiet (counters every second) or --summary SECONDS says otherwise', async () => {
    const interval = async (...args: string[]): Promise<number | null | undefined> => {
      const result = await plan(...args);
      return result.ok ? result.plan.summarySeconds : undefined;
    };
    expect(await interval()).toBeNull();
    expect(await interval('--quiet')).toBe(1);
    expect(await interval('-q')).toBe(1);
    expect(await interval('--summary', '5')).toBe(5);
    expect(await interval('--quiet', '--summary', '0.25')).toBe(0.25);
    for (const value of ['0', '0.05', '3601', '1e3', '1.2345', 'soon']) {
      expect(await mistakeOf('--summary', value)).toEqual({ key: 'cli.serve.errors.badSeconds', params: { value, option: '--summary' } });
    }
  });

  it('maps every policy flag onto the settings, dashes to underscores', async () => {
    expect(
      await input(
        ...['--host', '::1', '--port', '0', '--backlog', '1', '--answer', 'request-end', '--after', 'keep-alive'],
        ...['--fin-wait', '0', '--sequential', '--idle-timeout', '1500', '--header-timeout', '700', '--json'],
      ),
    ).toEqual({
      host: '::1',
      port: 0,
      backlog: 1,
      exposeToNetwork: false,
      settings: {
        answerWhen: 'request_end',
        after: 'keep_alive',
        halfCloseWaitMs: 0,
        acceptMode: 'sequential',
        idleTimeoutMs: 1500,
        headerTimeoutMs: 700,
      },
    });
    expect(await input('--expose', '--host', '0.0.0.0')).toMatchObject({ host: '0.0.0.0', exposeToNetwork: true });
  });

  it('takes --drip as BYTES/MS, which implies --after drip unless --after says otherwise', async () => {
    expect(await input('--drip', '3/50')).toMatchObject({ settings: { after: 'drip', dripBytes: 3, dripEveryMs: 50 } });
    expect(await input('--drip', '3/50', '--after', 'close')).toMatchObject({ settings: { after: 'close', dripBytes: 3 } });
    expect(await mistakeOf('--drip', '3')).toEqual({ key: 'cli.serve.errors.badDrip', params: { value: '3' } });
  });

  it('builds each responder: exact file bytes, escaped text, presets, static, echo, L3', async () => {
    expect(await input('--response-file', join(dir, 'raw.bin'))).toMatchObject({
      settings: { responder: { kind: 'canned', bytes: Uint8Array.of(0x48, 0x0a, 0x00, 0xff) } },
    });
    expect(await input('--response', String.raw`HTTP/1.1 200 OK\n\nHello, World!`)).toMatchObject({
      settings: { responder: { kind: 'canned', bytes: new TextEncoder().encode('HTTP/1.1 200 OK\n\nHello, World!') } },
    });
    expect(await input('--preset', 'l1-hello-world')).toMatchObject({ settings: { responder: { kind: 'canned', bytes: L1_HELLO_WORLD.bytes } } });
    expect(await input('--preset', 'l2-hello-bare-lf')).toMatchObject({
      settings: { responder: { kind: 'canned', bytes: new TextEncoder().encode('HTTP/1.1 200 OK\n\nHello, World!') } },
    });
    expect(L2_HELLO_BARE_LF.bytes).not.toContain(13); // no CR anywhere: bare LF is the lesson
    expect(await input('--static')).toMatchObject({ settings: { responder: { kind: 'static', root: null } } });
    expect(await input('--static', dir)).toMatchObject({ settings: { responder: { kind: 'static', root: dir } } });
    expect(await input('--echo')).toMatchObject({ settings: { responder: { kind: 'echo' } } });
    expect(await input('--l3')).toMatchObject({
      settings: {
        responder: {
          kind: 'routes',
          routes: [
            { path: '/' },
            { path: '/test.jpg', response: { contentType: 'image/jpg' } },
            { method: 'POST', path: '/submit', response: { kind: 'echo_page' } },
          ],
        },
      },
    });
  });

  it('--not-found-text sets the static server’s 404 body, and needs --static', async () => {
    expect(await input('--static', dir, '--not-found-text', 'No such file.')).toMatchObject({
      settings: { responder: { kind: 'static', root: dir, notFoundText: 'No such file.' } },
    });
    expect(await input('--static', '--not-found-text', '')).toMatchObject({ settings: { responder: { kind: 'static', root: null, notFoundText: '' } } });
    expect(await mistakeOf('--not-found-text', 'x')).toEqual({ key: 'cli.serve.errors.notFoundNeedsStatic', params: {} });
    expect(await mistakeOf('--echo', '--not-found-text', 'x')).toEqual({ key: 'cli.serve.errors.notFoundNeedsStatic', params: {} });
  });

  it("--l3 is lesson L3's server on its port (8000), answering at the end of the request and closing, unless told otherwise", async () => {
    expect(await input('--l3')).toMatchObject({ port: 8000, settings: { answerWhen: 'request_end', after: 'close' } });
    expect(await input('--l3', '--port', '0', '--answer', 'first-chunk', '--after', 'half-close')).toMatchObject({
      port: 0,
      settings: { answerWhen: 'first_chunk', after: 'half_close' },
    });
    expect(await input('--echo')).toEqual({ host: '127.0.0.1', port: 9000, exposeToNetwork: false, settings: { responder: { kind: 'echo' } } });
  });

  it('reads a routes file, with names relative to its folder', async () => {
    const file = join(dir, 'routes.json');
    await writeFile(
      file,
      JSON.stringify([
        { method: 'GET', path: '/', file: 'page.html', contentType: 'text/html' },
        { method: '*', path: '/raw', responseFile: 'raw.bin' },
        { method: 'POST', path: '/submit', echoPage: true },
      ]),
    );
    expect(await input('--routes', file)).toMatchObject({
      settings: {
        responder: {
          kind: 'routes',
          routes: [
            { method: 'GET', path: '/', response: { kind: 'file', path: join(dir, 'page.html'), contentType: 'text/html' } },
            { method: '*', path: '/raw', response: { kind: 'bytes', bytes: Uint8Array.of(0x48, 0x0a, 0x00, 0xff) } },
            { method: 'POST', path: '/submit', response: { kind: 'echo_page' } },
          ],
        },
      },
    });
  });

  it('explains routes files it cannot use', async () => {
    const bad = async (content: string): Promise<unknown> => {
      const file = join(dir, 'bad.json');
      await writeFile(file, content);
      return mistakeOf('--routes', file);
    };
    expect(await bad('[{"method":"POST","path":"/","echoPage":true,"file":"page.html","contentType":"text/html"}]')).toMatchObject({
      key: 'cli.serve.errors.badRoutes',
      params: { issues: expect.stringContaining('give one of "file", "responseFile" or "echoPage": true') as unknown },
    });
    expect(await bad('[{"method":"GET","path":"/","file":"page.html"}]')).toMatchObject({
      key: 'cli.serve.errors.badRoutes',
      params: { issues: expect.stringContaining('"file" needs a "contentType"') as unknown },
    });
    expect(await bad('[{"method":"GET","path":"/"}]')).toMatchObject({ params: { issues: expect.stringContaining('give one of') as unknown } });
    expect(await bad('{not json')).toMatchObject({ key: 'cli.serve.errors.badRoutes' });
    expect(await bad('[{"method":"GET","path":"/","responseFile":"missing.txt"}]')).toMatchObject({
      key: 'cli.serve.errors.unreadable',
      params: { file: join(dir, 'missing.txt'), errno: 'ENOENT' },
    });
  });

  it('names each mistake in the flags', async () => {
    expect(await mistakeOf('--echo', '--static')).toEqual({ key: 'cli.serve.errors.oneResponder', params: { given: '--static, --echo' } });
    expect(await mistakeOf('--after', 'linger')).toEqual({
      key: 'cli.serve.errors.badChoice',
      params: { value: 'linger', option: '--after', choices: 'close, half-close, keep-alive, reset, hang, drip' },
    });
    expect(await mistakeOf('--port', '99999')).toEqual({ key: 'cli.errors.badPort', params: { value: '99999' } });
    expect(await mistakeOf('--idle-timeout', '1.5')).toMatchObject({ key: 'cli.serve.errors.badMs' });
    expect(await mistakeOf('--backlog', 'many')).toMatchObject({ key: 'cli.serve.errors.badCount' });
    expect(await mistakeOf('--response', String.raw`a\qb`)).toEqual({ key: 'cli.serve.errors.badEscape', params: { at: '2' } });
    expect(await mistakeOf('--response', '')).toEqual({ key: 'cli.serve.errors.emptyResponse', params: {} });
    expect(await mistakeOf('--preset', 'l9')).toMatchObject({ key: 'cli.serve.errors.badChoice' });
    expect(await mistakeOf('--static', join(dir, 'raw.bin'))).toMatchObject({ key: 'cli.serve.errors.notFolder' });
    expect(await mistakeOf('--response-file', join(dir, 'nope'))).toMatchObject({ params: { errno: 'ENOENT' } });
  });
});
