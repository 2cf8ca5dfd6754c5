import { z } from 'zod';
import { command } from './define';
import type { Result } from './result';

/**
 * What only the desktop app can do for a window, answered by Electron's main process (electron/desktop-ipc.ts)
 * rather than by the core: the system's save and folder dialogs, and opening or showing a file an export wrote.
 * Same shape as the core's commands (a schema for the input, one for the output, a Result back), on a channel of
 * its own: the core runs on worker threads, where Electron's modules do not answer, and the CLI and browser mode
 * have no such thing (browser mode downloads exports through the page instead).
 */

export const exportFileKindSchema = z.enum(['xlsx', 'pdf', 'fec', 'json']);
export type ExportFileKind = z.infer<typeof exportFileKindSchema>;

/** Words the dialog shows, in the window's language (Electron's main process does not know it). */
const dialogText = {
  title: z.string().min(1).max(200),
  /** Names the file type in the dialog's filter, e.g. "Excel workbook". */
  filterName: z.string().min(1).max(100).optional(),
};

export const desktopCommands = {
  'desktop.chooseSaveFile': command(
    'Ask where to save an export with the system dialog; null when the operator cancels',
    z.object({ defaultName: z.string().min(1).max(255), kind: exportFileKindSchema, ...dialogText }).strict(),
    z.object({ file: z.string().nullable() }),
  ),
  'desktop.chooseFolder': command(
    'Ask for a folder to write one file per bill into; null when the operator cancels',
    z.object({ title: dialogText.title }).strict(),
    z.object({ folder: z.string().nullable() }),
  ),
  'desktop.openPath': command(
    'Open a file an export wrote (or its folder) with the program the system gives it',
    z.object({ path: z.string().min(1).max(4096) }).strict(),
    z.object({ opened: z.boolean() }),
  ),
  'desktop.showInFolder': command(
    'Show a file an export wrote in the system file manager',
    z.object({ path: z.string().min(1).max(4096) }).strict(),
    z.object({ shown: z.boolean() }),
  ),
} as const;

export type DesktopCommands = typeof desktopCommands;
export type DesktopCommandName = keyof DesktopCommands;
export type DesktopInput<N extends DesktopCommandName> = z.input<DesktopCommands[N]['input']>;
export type DesktopOutput<N extends DesktopCommandName> = z.output<DesktopCommands[N]['output']>;

export function isDesktopCommandName(name: unknown): name is DesktopCommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(desktopCommands, name);
}

export const IPC_DESKTOP_CHANNEL = 'backoffice:desktop';

/** What the preload adds to window.backoffice for these commands. */
export interface DesktopBridge {
  desktop(name: string, input: unknown): Promise<Result<unknown>>;
}

/** The renderer's typed view of it. */
export interface DesktopApi {
  invoke<N extends DesktopCommandName>(name: N, input: DesktopInput<N>): Promise<DesktopOutput<N>>;
}
