import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { INVOKE_CHANNEL, eventChannel } from './ipc-channels';
import { attachIpcDoor } from './ipc-door';
import { unrestrictedFiles } from '../host/host-handlers';
import { hostSessions } from '../host/host-session';
import { MemorySettingsStore } from '../settings/settings-store';

const RENDERER = 'file:///app/out/renderer/index.html';
type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** Just enough of ipcMain and webContents to drive the door; the engine behind it is real. */
function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>;
  const sent: Array<{ channel: string; payload: unknown }> = [];
  const webContents = {
    id: 1,
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
  } as unknown as WebContents;
  const engine = new Engine({ host: 'electron', version: '2.0.0', deltaIntervalMs: 1 });
  const detach = attachIpcDoor({
    ipcMain,
    session: hostSessions(engine, { settings: new MemorySettingsStore(), files: unrestrictedFiles(engine) }, (err) => console.error(err))(),
    target: () => ({ webContents, rendererUrl: RENDERER }),
  });
  const call = (sender: { id: number; url: string | undefined; top: boolean }, name: unknown, input: unknown) => {
    const handler = handlers.get(INVOKE_CHANNEL);
    if (!handler) throw new Error('no handler registered');
    const frame = sender.url === undefined ? null : { url: sender.url, parent: sender.top ? null : {} };
    return handler({ sender: { id: sender.id }, senderFrame: frame } as unknown as IpcMainInvokeEvent, name, input);
  };
  return { handlers, sent, engine, detach, call };
}

let current: ReturnType<typeof setup> | null = null;
afterEach(async () => {
  current?.detach();
  await current?.engine.close();
  current = null;
});

describe('attachIpcDoor', () => {
  it('dispatches commands from our window and forwards engine events to it', async () => {
    current = setup();
    const me = { id: 1, url: RENDERER, top: true };
    expect(await current.call(me, 'app.info', {})).toEqual({ ok: true, value: { version: '2.0.0', host: 'electron' } });
    expect(await current.call(me, 'server.start', { port: 'x' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });

    const started = (await current.call(me, 'server.start', { port: 0 })) as { ok: boolean; value: { serverId: string } };
    expect(started.ok).toBe(true);
    expect(current.sent.some((m) => m.channel === eventChannel('server.changed'))).toBe(true);
    await current.call(me, 'server.stop', { serverId: started.value.serverId });
  });

  it('refuses other windows, subframes and foreign pages before anything reaches the engine', async () => {
    current = setup();
    for (const sender of [
      { id: 2, url: RENDERER, top: true },
      { id: 1, url: RENDERER, top: false },
      { id: 1, url: 'https://evil.example/', top: true },
      { id: 1, url: undefined, top: true },
    ]) {
      await expect(current.call(sender, 'app.info', {})).rejects.toThrow();
    }
  });

  it('removes its handler and stops forwarding when detached', async () => {
    current = setup();
    current.detach();
    expect(current.handlers.size).toBe(0);
    await current.engine.handlers['server.start']({ host: '127.0.0.1', port: 0, backlog: 5, exposeToNetwork: false, settings: {} });
    expect(current.sent).toHaveLength(0);
  });
});
