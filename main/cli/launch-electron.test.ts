import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchElectron } from './launch-electron';

// Real child processes standing in for the Electron binary: shell scripts that fail early, fail
// late, or succeed, the way Electron does on machines with and without a usable display.
let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'wirebench-launch-'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function fakeElectron(name: string, body: string): Promise<string> {
  const path = join(base, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('launchElectron', () => {
  it('calls an early failure "unavailable" with its exit code, and holds its log back', async () => {
    const bin = await fakeElectron('early.sh', 'echo "[1:ERROR] something Chromium-ish" >&2; exit 1');
    const err = collect();
    const outcome = await launchElectron(bin, base, { earlyExitMs: 3_000, env: process.env, stderr: err.stream });
    expect(outcome).toEqual({ kind: 'unavailable', reason: { key: 'cli.start.reason.earlyExit', params: { code: '1' } } });
    expect(err.text()).toBe('');
  });

  it('recognises the refusal to run as root without the sandbox, and a missing X server', async () => {
    const root = await fakeElectron('root.sh', 'echo "Running as root without --no-sandbox is not supported." >&2; exit 1');
    const noX = await fakeElectron('nox.sh', 'echo "Missing X server or \\$DISPLAY" >&2; exit 1');
    const opts = { earlyExitMs: 3_000, env: process.env, stderr: new PassThrough() };
    expect(await launchElectron(root, base, opts)).toMatchObject({ reason: { key: 'cli.start.reason.rootSandbox' } });
    expect(await launchElectron(noX, base, opts)).toMatchObject({ reason: { key: 'cli.start.reason.noDisplay' } });
  });

  it('passes the app root as the only argument, and drops ELECTRON_RUN_AS_NODE', async () => {
    const bin = await fakeElectron('args.sh', '[ "$1" = "$WANT" ] && [ "$#" = 1 ] && [ -z "$ELECTRON_RUN_AS_NODE" ] && exit 0; exit 9');
    const env = { ...process.env, WANT: base, ELECTRON_RUN_AS_NODE: '1' };
    expect(await launchElectron(bin, base, { earlyExitMs: 3_000, env, stderr: new PassThrough() })).toEqual({ kind: 'exited', code: 0 });
  });

  it('after the first seconds, Electron owns the outcome: its exit code and its stderr', async () => {
    const bin = await fakeElectron('late.sh', 'echo "window closed" >&2; sleep 0.4; exit 5');
    const err = collect();
    const outcome = await launchElectron(bin, base, { earlyExitMs: 150, env: process.env, stderr: err.stream });
    expect(outcome).toEqual({ kind: 'exited', code: 5 });
    expect(err.text()).toBe('window closed\n');
  });

  it('reports a binary that cannot be started at all', async () => {
    const outcome = await launchElectron(join(base, 'no-such-electron'), base, {
      earlyExitMs: 1_000,
      env: process.env,
      stderr: new PassThrough(),
    });
    expect(outcome).toEqual({ kind: 'unavailable', reason: { key: 'cli.start.reason.spawnFailed', params: { code: 'ENOENT' } } });
  });
});
