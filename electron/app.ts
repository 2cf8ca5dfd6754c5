import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron';
import { startCoreHost, type CoreHost } from '../main/core/core-thread/host';
import { createLogger } from '../main/core/logger';
import { DataDir } from '../main/core/data-dir';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerDesktopIpc } from './desktop-ipc';
import { forwardEvents, registerIpc } from './ipc';
import { onWillNavigate, onWindowOpen } from './navigation-policy';
import { resolveNativeBinding } from './native-binding';
import { safeStorageCodec } from './safe-storage-codec';
import { APP_ENTRY, mainWindowOptions } from './window-options';

// Bundled to dist/electron/app.cjs; the preload and the renderer sit beside it.
const distDir = path.resolve(__dirname, '..');

let core: CoreHost | undefined;

registerAppScheme();

// `--data-dir <dir>` (npm run demo, support): another data folder than the user's own.
const dataDirFlag = process.argv.indexOf('--data-dir');
const dataDirArg = dataDirFlag >= 0 ? process.argv[dataDirFlag + 1] : undefined;
if (dataDirArg) app.setPath('userData', path.resolve(dataDirArg));

if (!app.requestSingleInstanceLock()) {
  // A second launch focuses the first window: two cores on one cache would race on the outbox.
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('The back-office could not start:', (error as Error).message);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const logger = createLogger({ file: new DataDir(dataDir).logFile });
  // Crashes go to the same redacting log: a token in a stack trace or an error message is masked there too.
  process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));
  process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
  const nativeBinding = resolveNativeBinding(app.isPackaged, distDir);
  // The core runs on threads of its own (docs/architecture.md, "Processes"): this thread keeps the windows
  // and IPC, and stays free while a sync, an import or an export runs. The token codec stays here, where
  // safeStorage answers; the core thread calls it through the host.
  core = await startCoreHost({
    script: { file: path.join(distDir, 'electron', 'core-worker.cjs') },
    core: {
      dataDir,
      mode: 'electron',
      autoSync: true,
      version: app.getVersion(),
      ...(nativeBinding ? { nativeBinding } : {}),
    },
    secretCodec: safeStorageCodec(),
    logger,
  });
  serveRenderer(path.join(distDir, 'renderer'));
  registerIpc(ipcMain, core.dispatch);
  // Exports: the system's save dialog, then "Open the file" / "Show in folder" for what was written.
  registerDesktopIpc(ipcMain, {
    dialog,
    shell,
    windowOf: (sender) => BrowserWindow.fromWebContents(sender),
    startFolder: () => app.getPath('documents'),
  });
  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
  openWindow(core);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && core) openWindow(core);
  });
}

function openWindow(running: CoreHost): void {
  const window = new BrowserWindow(mainWindowOptions(path.join(distDir, 'electron', 'preload.cjs')));
  const openExternal = (url: string) => void shell.openExternal(url);
  window.webContents.setWindowOpenHandler(({ url }) => onWindowOpen(url, openExternal));
  window.webContents.on('will-navigate', (event, url) => {
    if (onWillNavigate(url, openExternal)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const stopEvents = forwardEvents(running.bus, window.webContents);
  window.on('closed', stopEvents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  // The core thread closes its caches and stops its sync first; then the app quits for good.
  const closing = core;
  if (!closing) return;
  core = undefined;
  event.preventDefault();
  void closing.close().finally(() => app.quit());
});
