import fs from 'node:fs';
import path from 'node:path';
import type { BaseWindow, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue, WebContents } from 'electron';
import {
  AppError,
  desktopCommands,
  IPC_DESKTOP_CHANNEL,
  isDesktopCommandName,
  type AppErrorShape,
  type DesktopCommandName,
  type DesktopOutput,
  type ExportFileKind,
  type Result,
} from '../shared/contract';
import { mayNavigate } from './navigation-policy';

/**
 * The system dialogs and the shell for exports (shared/contract/desktop.ts), answered here in Electron's main
 * process. The page names a file only through a dialog the operator answered: openPath and showItemInFolder
 * accept only a file chosen that way in this session (or a file in a folder chosen that way), so a page that
 * went wrong cannot have the shell open any file it likes. The slices below are what this wiring uses of
 * ipcMain, dialog and shell, so the tests drive it without Electron's binary; app.ts passes the real ones, and
 * the type checker holds them to these shapes.
 */

export interface DesktopIpcMain {
  handle(
    channel: string,
    listener: (event: { senderFrame: { url: string } | null; sender: WebContents }, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

export interface DialogSlice {
  showSaveDialog(window: BaseWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(window: BaseWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

export interface ShellSlice {
  /** Resolves to '' when opened, else the system's error message. */
  openPath(path: string): Promise<string>;
  showItemInFolder(fullPath: string): void;
}

export interface DesktopDeps {
  dialog: DialogSlice;
  shell: ShellSlice;
  /** The window a call came from, to make the dialog modal to it. */
  windowOf(sender: WebContents): BaseWindow | null;
  /** Where the first dialog opens (the user's Documents folder). */
  startFolder(): string;
}

const EXTENSIONS: Readonly<Record<ExportFileKind, string>> = { xlsx: '.xlsx', pdf: '.pdf', fec: '.txt', json: '.json' };

type DesktopCommand<N extends DesktopCommandName> = (input: unknown, window: BaseWindow) => Promise<DesktopOutput<N>>;

function refused(code: AppErrorShape['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Registers the channel; returns what unregisters it. */
export function registerDesktopIpc(ipcMain: DesktopIpcMain, deps: DesktopDeps): () => void {
  /** Files the operator chose in a save dialog, and folders chosen for one file per bill, this session. */
  const chosenFiles = new Set<string>();
  const chosenFolders = new Set<string>();
  let lastFolder: string | null = null;

  const granted = (target: string): boolean => {
    const resolved = path.resolve(target);
    return chosenFiles.has(resolved) || chosenFolders.has(resolved) || chosenFolders.has(path.dirname(resolved));
  };
  const checkGranted = (target: string): string => {
    const resolved = path.resolve(target);
    if (!granted(resolved) || !fs.existsSync(resolved))
      throw new AppError(
        'export_file_not_openable',
        `${resolved} is not a file chosen for an export in this session, or it is no longer there. Export again.`,
      );
    return resolved;
  };

  const commands: { [N in DesktopCommandName]: DesktopCommand<N> } = {
    'desktop.chooseSaveFile': async (raw, window) => {
      const input = desktopCommands['desktop.chooseSaveFile'].input.parse(raw);
      const extension = EXTENSIONS[input.kind];
      const answer = await deps.dialog.showSaveDialog(window, {
        title: input.title,
        defaultPath: path.join(lastFolder ?? deps.startFolder(), path.basename(input.defaultName)),
        filters: [{ name: input.filterName ?? extension.slice(1).toUpperCase(), extensions: [extension.slice(1)] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (answer.canceled || !answer.filePath) return { file: null };
      // GTK's dialog keeps the name as typed: the exports need the extension (an .xlsx must end with .xlsx).
      const file = path.extname(answer.filePath).toLowerCase() === extension ? answer.filePath : `${answer.filePath}${extension}`;
      chosenFiles.add(path.resolve(file));
      lastFolder = path.dirname(file);
      return { file };
    },
    'desktop.chooseFolder': async (raw, window) => {
      const input = desktopCommands['desktop.chooseFolder'].input.parse(raw);
      const answer = await deps.dialog.showOpenDialog(window, {
        title: input.title,
        defaultPath: lastFolder ?? deps.startFolder(),
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      });
      const folder = answer.canceled ? undefined : answer.filePaths[0];
      if (!folder) return { folder: null };
      chosenFolders.add(path.resolve(folder));
      lastFolder = folder;
      return { folder };
    },
    'desktop.openPath': async (raw) => {
      const input = desktopCommands['desktop.openPath'].input.parse(raw);
      const problem = await deps.shell.openPath(checkGranted(input.path));
      if (problem !== '') throw new AppError('export_file_not_openable', `The system could not open the file: ${problem}`);
      return { opened: true };
    },
    'desktop.showInFolder': async (raw) => {
      const input = desktopCommands['desktop.showInFolder'].input.parse(raw);
      deps.shell.showItemInFolder(checkGranted(input.path));
      return { shown: true };
    },
  };

  ipcMain.handle(IPC_DESKTOP_CHANNEL, async (event, name, input): Promise<Result<unknown>> => {
    if (!event.senderFrame || !mayNavigate(event.senderFrame.url))
      return refused('unauthorized', 'Calls are accepted only from the app’s own page.');
    if (!isDesktopCommandName(name)) return refused('unknown_command', `Unknown command ${String(name)}.`);
    const window = deps.windowOf(event.sender);
    if (!window) return refused('unauthorized', 'The call came from no window of the app.');
    const spec = desktopCommands[name];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return refused('invalid_input', parsed.error.issues.map((issue) => issue.message).join('; '));
    try {
      const value = await (commands[name] as DesktopCommand<typeof name>)(parsed.data, window);
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      if (error instanceof AppError) return refused(error.code, error.message);
      return refused('internal', 'The desktop app could not do this.');
    }
  });
  return () => ipcMain.removeHandler(IPC_DESKTOP_CHANNEL);
}
