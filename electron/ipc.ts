import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/contract';
import type { Dispatch } from '../main/core/dispatch';
import type { EventSubscriber } from '../main/core/event-bus';
import { mayNavigate } from './navigation-policy';

/** The slice of ipcMain this wiring uses, so a test can drive it without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/**
 * One IPC channel for every command, answered by the same dispatcher as the other transports: the input is
 * parsed against the contract before any handler runs. Calls from a frame outside the app's origin (an
 * injected iframe, a page navigated away) are refused.
 */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, name, input) => {
    if (!event.senderFrame || !mayNavigate(event.senderFrame.url)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Calls are accepted only from the app’s own page.' } };
    }
    return dispatch(name, input, { transport: 'ipc' });
  });
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}

/** Forwards the core's events to a window until it closes. */
export function forwardEvents(bus: EventSubscriber, contents: WebContentsLike): () => void {
  return bus.subscribe((name, payload) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, payload);
  });
}
