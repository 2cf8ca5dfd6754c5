import { describe, expect, it } from 'vitest';
import { spyCommands } from '../test/support/spy-commands';
import { IPC_INVOKE_CHANNEL } from '../shared/contract';
import { createDispatch } from '../main/core/dispatch';
import { silentLogger } from '../main/core/logger';
import { registerIpc, type IpcMainLike } from './ipc';
import { APP_ENTRY } from './window-options';

/** A stand-in for ipcMain that records the handler, so the wiring is tested without Electron's binary. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const invoke = (url: string | null, ...args: unknown[]) =>
    handlers.get(IPC_INVOKE_CHANNEL)!({ senderFrame: url === null ? null : { url } }, ...args);
  return { ipcMain, handlers, invoke };
}

describe('Electron IPC wiring', () => {
  it('rejects a malformed payload with invalid_input before any handler runs', async () => {
    const spy = spyCommands();
    const fake = fakeIpcMain();
    registerIpc(fake.ipcMain, createDispatch(spy.commands, silentLogger));
    expect(await fake.invoke(APP_ENTRY, 'profiles.select', { id: 'Not An Id!' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await fake.invoke(APP_ENTRY, 'profiles.select', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await fake.invoke(APP_ENTRY, 'ipcRenderer.send', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(spy.calls).toEqual([]);
  });

  it('answers a valid call through the dispatcher', async () => {
    const spy = spyCommands({ 'settings.get': () => ({ language: 'fr', theme: 'system' }) });
    const fake = fakeIpcMain();
    registerIpc(fake.ipcMain, createDispatch(spy.commands, silentLogger));
    expect(await fake.invoke(APP_ENTRY, 'settings.get', {})).toEqual({ ok: true, value: { language: 'fr', theme: 'system' } });
  });

  it('refuses calls from a frame outside the app origin', async () => {
    const spy = spyCommands();
    const fake = fakeIpcMain();
    registerIpc(fake.ipcMain, createDispatch(spy.commands, silentLogger));
    expect(await fake.invoke('https://evil.example/', 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await fake.invoke(null, 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(spy.calls).toEqual([]);
  });

  it('can be unregistered', () => {
    const fake = fakeIpcMain();
    const off = registerIpc(fake.ipcMain, createDispatch(spyCommands().commands, silentLogger));
    off();
    expect(fake.handlers.size).toBe(0);
  });
});
