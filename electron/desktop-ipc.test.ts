import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BaseWindow, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_DESKTOP_CHANNEL } from '../shared/contract';
import { registerDesktopIpc, type DesktopIpcMain, type DialogSlice, type ShellSlice } from './desktop-ipc';
import { APP_ENTRY } from './window-options';

type Listener = Parameters<DesktopIpcMain['handle']>[1];

/** Stand-ins for ipcMain, dialog and shell that record what they were asked, so no Electron binary is needed. */
function fakes(answers: { save?: string | null; folder?: string | null; openProblem?: string } = {}) {
  const handlers = new Map<string, Listener>();
  const ipcMain: DesktopIpcMain = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const asked: { save: unknown[]; open: unknown[]; opened: string[]; shown: string[] } = { save: [], open: [], opened: [], shown: [] };
  const dialog: DialogSlice = {
    showSaveDialog: async (_window, options) => {
      asked.save.push(options);
      return answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' };
    },
    showOpenDialog: async (_window, options) => {
      asked.open.push(options);
      return answers.folder ? { canceled: false, filePaths: [answers.folder] } : { canceled: true, filePaths: [] };
    },
  };
  const shell: ShellSlice = {
    openPath: async (target) => {
      asked.opened.push(target);
      return answers.openProblem ?? '';
    },
    showItemInFolder: (target) => void asked.shown.push(target),
  };
  const window = {} as BaseWindow;
  const sender = {} as WebContents;
  const invoke = (name: string, input: unknown, url: string | null = APP_ENTRY) =>
    handlers.get(IPC_DESKTOP_CHANNEL)!({ senderFrame: url === null ? null : { url }, sender }, name, input);
  return { ipcMain, dialog, shell, window, handlers, asked, invoke };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desktop-ipc-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function wire(f: ReturnType<typeof fakes>, windowOf: () => BaseWindow | null = () => f.window) {
  return registerDesktopIpc(f.ipcMain, { dialog: f.dialog, shell: f.shell, windowOf, startFolder: () => dir });
}

describe('the desktop wiring for exports', () => {
  it('asks with the system save dialog, in the window’s words, and adds the extension a typed name lacks', async () => {
    const f = fakes({ save: path.join(dir, 'mars') });
    wire(f);
    const answer = await f.invoke('desktop.chooseSaveFile', {
      defaultName: 'bills-2026-03-03-1405.xlsx',
      kind: 'xlsx',
      title: 'Enregistrer le classeur',
      filterName: 'Classeur Excel',
    });
    expect(answer).toEqual({ ok: true, value: { file: path.join(dir, 'mars.xlsx') } });
    expect(f.asked.save).toEqual([
      expect.objectContaining({
        title: 'Enregistrer le classeur',
        defaultPath: path.join(dir, 'bills-2026-03-03-1405.xlsx'),
        filters: [{ name: 'Classeur Excel', extensions: ['xlsx'] }],
      }),
    ]);
  });

  it('answers null when the operator cancels, and keeps no name a page slipped in as a path', async () => {
    const f = fakes({ save: null });
    wire(f);
    expect(await f.invoke('desktop.chooseSaveFile', { defaultName: '../../etc/x.pdf', kind: 'pdf', title: 'Save' })).toEqual({
      ok: true,
      value: { file: null },
    });
    expect((f.asked.save[0] as { defaultPath: string }).defaultPath).toBe(path.join(dir, 'x.pdf'));
  });

  it('opens and shows only files chosen in its dialogs this session, and only while they exist', async () => {
    const chosen = path.join(dir, 'invoice-12.pdf');
    const other = path.join(dir, 'other.pdf');
    fs.writeFileSync(other, '%PDF');
    const f = fakes({ save: chosen });
    wire(f);
    // Not chosen: refused, though the file exists.
    expect(await f.invoke('desktop.openPath', { path: other })).toMatchObject({ ok: false, error: { code: 'export_file_not_openable' } });
    await f.invoke('desktop.chooseSaveFile', { defaultName: 'invoice-12.pdf', kind: 'pdf', title: 'Save' });
    // Chosen but not written (the export failed): refused.
    expect(await f.invoke('desktop.showInFolder', { path: chosen })).toMatchObject({
      ok: false,
      error: { code: 'export_file_not_openable' },
    });
    fs.writeFileSync(chosen, '%PDF');
    expect(await f.invoke('desktop.openPath', { path: chosen })).toEqual({ ok: true, value: { opened: true } });
    expect(await f.invoke('desktop.showInFolder', { path: chosen })).toEqual({ ok: true, value: { shown: true } });
    expect(f.asked.opened).toEqual([chosen]);
    expect(f.asked.shown).toEqual([chosen]);
  });

  it('grants the files directly in a folder chosen for one file per bill, not deeper', async () => {
    const folder = path.join(dir, 'invoices');
    fs.mkdirSync(path.join(folder, 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'FA-1.pdf'), '%PDF');
    fs.writeFileSync(path.join(folder, 'deeper', 'x.pdf'), '%PDF');
    const f = fakes({ folder });
    wire(f);
    expect(await f.invoke('desktop.chooseFolder', { title: 'Folder' })).toEqual({ ok: true, value: { folder } });
    expect(await f.invoke('desktop.showInFolder', { path: path.join(folder, 'FA-1.pdf') })).toMatchObject({ ok: true });
    expect(await f.invoke('desktop.openPath', { path: folder })).toMatchObject({ ok: true });
    expect(await f.invoke('desktop.openPath', { path: path.join(folder, 'deeper', 'x.pdf') })).toMatchObject({
      ok: false,
      error: { code: 'export_file_not_openable' },
    });
  });

  it('says so when the system cannot open the file', async () => {
    const chosen = path.join(dir, 'a.xlsx');
    fs.writeFileSync(chosen, 'PK');
    const f = fakes({ save: chosen, openProblem: 'No application is associated with the file' });
    wire(f);
    await f.invoke('desktop.chooseSaveFile', { defaultName: 'a.xlsx', kind: 'xlsx', title: 'Save' });
    expect(await f.invoke('desktop.openPath', { path: chosen })).toMatchObject({
      ok: false,
      error: { code: 'export_file_not_openable', message: expect.stringContaining('No application') },
    });
  });

  it('refuses calls from outside the app, unknown commands and bad input, before any dialog opens', async () => {
    const f = fakes({ save: path.join(dir, 'x.xlsx') });
    wire(f);
    expect(
      await f.invoke('desktop.chooseSaveFile', { defaultName: 'x.xlsx', kind: 'xlsx', title: 'S' }, 'https://evil.example/'),
    ).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await f.invoke('shell.openExternal', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await f.invoke('desktop.chooseSaveFile', { defaultName: 'x.exe', kind: 'exe', title: 'S' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(f.asked.save).toEqual([]);
    const off = fakes();
    wire(off, () => null);
    expect(await off.invoke('desktop.chooseFolder', { title: 'F' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('can be unregistered', () => {
    const f = fakes();
    const unregister = wire(f);
    unregister();
    expect(f.handlers.size).toBe(0);
  });
});
