import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startCoreHost, type CoreHost } from '../core/core-thread/host';
import { sourceWorkerScript } from '../core/core-thread/source-script';
import { createLogger, type Logger } from '../core/logger';
import { DataDir } from '../core/data-dir';
import { APP_VERSION } from '../core/version';
import { sweepDownloads } from '../exports/staged-downloads';
import { startHttpTransport, type HttpTransport } from './http-transport';

export interface BrowserModeOptions {
  dataDir: string;
  port?: number;
  /** The built renderer; defaults to dist/renderer beside the sources. */
  staticDir?: string;
  logger?: Logger;
  moodleTimeoutMs?: number;
  /** Sync on start, on schedule and on reconnection, as the app does (default true). */
  autoSync?: boolean;
}

export interface BrowserMode {
  /** The core, on threads of its own (core-thread/host.ts): its dispatch and its events. */
  core: CoreHost;
  dataDir: DataDir;
  transport: HttpTransport;
  close(): Promise<void>;
}

/** The core and the renderer served on 127.0.0.1, for machines without Electron and for end-to-end tests. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const dataDir = new DataDir(options.dataDir);
  const logger = options.logger ?? createLogger({ file: dataDir.logFile });
  // Downloads a page never fetched before the last stop (a closed tab, a crash) go once an hour old.
  sweepDownloads(dataDir.downloadsDir);
  // This thread only serves HTTP: the core answers from its own threads, so a long sync, import or export
  // never holds up a request.
  const core = await startCoreHost({
    script: sourceWorkerScript(),
    core: {
      dataDir: options.dataDir,
      mode: 'browser',
      version: APP_VERSION,
      autoSync: options.autoSync ?? true,
      ...(options.moodleTimeoutMs ? { moodleTimeoutMs: options.moodleTimeoutMs } : {}),
    },
    logger,
  });
  const transport = await startHttpTransport(
    {
      dispatch: core.dispatch,
      bus: core.bus,
      secret: randomBytes(32).toString('base64url'),
      staticDir: options.staticDir ?? path.resolve(import.meta.dirname, '../../dist/renderer'),
      downloadsDir: dataDir.downloadsDir,
      logger,
    },
    options.port ?? 0,
  );
  return {
    core,
    dataDir,
    transport,
    async close() {
      await transport.close();
      await core.close();
      // main.ts exits the process next; lines still in the stream would be lost.
      await logger.flush();
    },
  };
}
