// Main's IPC door. One handler carries every command: the sender is checked once (sender-check.ts),
// then the one dispatch wrapper checks the name against the contract and parses the input. A
// channel per command would add nothing: the name is validated by dispatch either way, and a single
// entry point means a new command needs no new registration here. Engine events go to our window,
// as its session (main/host/host-session.ts) shows them: the events of the connections it watches.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { HostSession } from '../host/host-session';
import { INVOKE_CHANNEL, eventChannel } from './ipc-channels';
import { isTrustedSender, type SenderInfo } from './sender-check';

export interface IpcDoorTarget {
  webContents: WebContents;
  /** The URL the window was told to load (file:…/index.html or the dev server). */
  rendererUrl: string;
}

export interface IpcDoorOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** Our window's session (hostSessions): one for the app's run, its page reloads included. */
  session: HostSession;
  /** Our window, or null while there is none. */
  target: () => IpcDoorTarget | null;
}

/** Registers the door; returns what undoes it. */
export function attachIpcDoor(options: IpcDoorOptions): () => void {
  options.ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const target = options.target();
    const trusted = target && !target.webContents.isDestroyed()
      ? { webContentsId: target.webContents.id, rendererUrl: target.rendererUrl }
      : null;
    if (!isTrustedSender(senderInfo(event), trusted)) {
      // Not our page: it learns nothing, not even which commands exist.
      throw new Error('wirebench: refused');
    }
    return options.session.dispatch(name, input);
  });

  const unsubscribe = options.session.onEvent((name, payload) => {
    const wc = options.target()?.webContents;
    // Structured clone carries Uint8Array payloads as they are: no codec needed on IPC.
    if (wc && !wc.isDestroyed()) wc.send(eventChannel(name), payload);
  });

  return () => {
    unsubscribe();
    options.ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}

function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { webContentsId: event.sender.id, frameUrl: frame?.url, isMainFrame: frame !== null && frame.parent === null };
}
