import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerDesktopIpc, type DesktopIpcMain } from '../../electron/desktop-ipc';
import { APP_ENTRY } from '../../electron/window-options';
import { createCore, type Core } from '../../main/core/create-core';
import { silentLogger } from '../../main/core/logger';
import { takeDownload } from '../../main/exports/staged-downloads';
import { saveTargets } from '../../renderer/src/files/save-target';
import { en } from '../../renderer/src/i18n/en';
import { createTranslator } from '../../renderer/src/i18n/translate';
import {
  AppError,
  type BackofficeApi,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type PreloadBridge,
} from '../../shared/contract';

/**
 * Where an export goes, from the window's side: the save targets the dialogs use, over the real core and, for
 * the desktop, over the real Electron wiring (electron/desktop-ipc.ts) with a stand-in dialog and shell, since
 * Electron's binary cannot run here.
 */

let dir: string;
let core: Core;
const t = createTranslator(en);
const api: BackofficeApi = {
  async invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
    const result = await core.dispatch(name, input, { transport: 'internal' });
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
    return result.value as CommandOutput<N>;
  },
  on: () => () => {},
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-save-target-'));
  core = createCore({ dataDir: dir, mode: 'browser', version: 'test', logger: silentLogger });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('exports in browser mode', () => {
  it('are written to a place of the core’s own, then downloaded by the page through a link, once', async () => {
    vi.stubGlobal('window', {});
    const clicked: { href: string; download: string }[] = [];
    const body = { append: vi.fn() };
    vi.stubGlobal('document', {
      body,
      createElement: () => {
        const link = {
          href: '',
          download: '',
          hidden: false,
          click: () => clicked.push({ href: link.href, download: link.download }),
          remove: vi.fn(),
        };
        return link;
      },
    });
    const saves = saveTargets(api, t);
    expect(saves.mode).toBe('download');
    const target = (await saves.file('lettering-2026-03-03-1405.xlsx', 'xlsx'))!;
    expect(target.name).toBe('lettering-2026-03-03-1405.xlsx');
    expect(target.path.startsWith(path.join(dir, 'downloads'))).toBe(true);
    // The export command writes there as it writes any path (written by hand here: no site is set up).
    fs.writeFileSync(target.path, 'PK');
    saves.deliver(target);
    expect(clicked).toEqual([{ href: `/api/downloads/${target.downloadId}`, download: 'lettering-2026-03-03-1405.xlsx' }]);
    expect(takeDownload(path.join(dir, 'downloads'), target.downloadId!)).toMatchObject({
      kind: 'file',
      name: 'lettering-2026-03-03-1405.xlsx',
    });

    const folder = (await saves.folder('invoices-2026-03-03-1405'))!;
    expect(folder).toMatchObject({ folder: true, name: 'invoices-2026-03-03-1405.zip' });
    expect(fs.statSync(folder.path).isDirectory()).toBe(true);
  });
});

describe('exports in the desktop app', () => {
  /** window.backoffice as the preload makes it, its desktop calls going through the real wiring. */
  function desktop(answers: { save?: string | null; folder?: string | null }) {
    let listener: Parameters<DesktopIpcMain['handle']>[1] | undefined;
    const asked: unknown[] = [];
    const opened: string[] = [];
    registerDesktopIpc(
      { handle: (_channel, l) => void (listener = l), removeHandler: () => {} },
      {
        dialog: {
          showSaveDialog: async (_w, options) => {
            asked.push(options);
            return answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' };
          },
          showOpenDialog: async (_w, options) => {
            asked.push(options);
            return answers.folder ? { canceled: false, filePaths: [answers.folder] } : { canceled: true, filePaths: [] };
          },
        },
        shell: { openPath: async (p) => (opened.push(p), ''), showItemInFolder: (p) => void opened.push(p) },
        windowOf: () => ({}) as never,
        startFolder: () => dir,
      },
    );
    const bridge: Partial<PreloadBridge> = {
      desktop: async (name, input) =>
        (await listener!({ senderFrame: { url: APP_ENTRY }, sender: {} as WebContents }, name, input)) as Awaited<
          ReturnType<PreloadBridge['desktop']>
        >,
    };
    vi.stubGlobal('window', { backoffice: bridge });
    return { asked, opened };
  }

  it('asks with the system dialog in the window’s language, writes there, and opens what it wrote', async () => {
    const chosen = path.join(dir, 'Bills March');
    const fake = desktop({ save: chosen });
    const saves = saveTargets(api, t);
    expect(saves.mode).toBe('desktop');
    const target = (await saves.file('bills-2026-03-03-1405.xlsx', 'xlsx'))!;
    expect(target).toEqual({ path: `${chosen}.xlsx`, name: 'Bills March.xlsx', downloadId: null, folder: false });
    expect(fake.asked).toEqual([
      expect.objectContaining({ title: 'Save the workbook', filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] }),
    ]);
    // The export writes where the operator chose (by hand here: no site is set up); the shell may open it, and
    // nothing else.
    fs.writeFileSync(target.path, 'PK');
    const { desktopApi } = await import('../../renderer/src/files/desktop');
    await desktopApi()!.invoke('desktop.openPath', { path: target.path });
    expect(fake.opened).toEqual([target.path]);
    await expect(desktopApi()!.invoke('desktop.openPath', { path: path.join(dir, 'settings.json') })).rejects.toMatchObject({
      code: 'export_file_not_openable',
    });
  });

  it('answers null when the operator closes the dialog: nothing is written', async () => {
    desktop({ save: null, folder: null });
    const saves = saveTargets(api, t);
    expect(await saves.file('invoice-12.pdf', 'pdf')).toBeNull();
    expect(await saves.folder('invoices')).toBeNull();
  });
});
