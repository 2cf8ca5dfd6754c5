import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_DESKTOP_CHANNEL,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  isCommandName,
  isDesktopCommandName,
  isEventName,
  type PreloadBridge,
} from '../shared/contract';

/**
 * The whole surface the page gets: invoke a contract command, listen to a contract event, and the desktop's
 * save dialogs and shell for exports (shared/contract/desktop.ts). Never ipcRenderer itself, never a channel
 * name chosen by the page.
 */
const bridge: PreloadBridge = {
  invoke(name, input) {
    if (!isCommandName(name)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_command', message: `Unknown command ${String(name)}.` } });
    }
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, input) as ReturnType<PreloadBridge['invoke']>;
  },
  desktop(name, input) {
    if (!isDesktopCommandName(name)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_command', message: `Unknown command ${String(name)}.` } });
    }
    return ipcRenderer.invoke(IPC_DESKTOP_CHANNEL, name, input) as ReturnType<PreloadBridge['desktop']>;
  },
  on(name, callback) {
    if (!isEventName(name)) throw new Error(`Unknown event ${String(name)}`);
    const listener = (_event: IpcRendererEvent, eventName: unknown, payload: unknown) => {
      if (eventName === name) callback(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('backoffice', bridge);
