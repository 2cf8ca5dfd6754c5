import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createCore, type Core } from '../core/create-core';
import { createLogger, type Logger } from '../core/logger';
import { DataDir } from '../core/data-dir';
import { APP_VERSION } from '../core/version';
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
  core: Core;
  transport: HttpTransport;
  close(): Promise<void>;
}

/** The core and the renderer served on 127.0.0.1, for machines without Electron and for end-to-end tests. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const logger = options.logger ?? createLogger({ file: new DataDir(options.dataDir).logFile });
  const core = createCore({
    dataDir: options.dataDir,
    mode: 'browser',
    version: APP_VERSION,
    logger,
    autoSync: options.autoSync ?? true,
    ...(options.moodleTimeoutMs ? { moodleTimeoutMs: options.moodleTimeoutMs } : {}),
  });
  const transport = await startHttpTransport(
    {
      dispatch: core.dispatch,
      bus: core.bus,
      secret: randomBytes(32).toString('base64url'),
      staticDir: options.staticDir ?? path.resolve(import.meta.dirname, '../../dist/renderer'),
      logger,
    },
    options.port ?? 0,
  );
  return {
    core,
    transport,
    async close() {
      await transport.close();
      core.close();
      // main.ts exits the process next; lines still in the stream would be lost.
      await logger.flush();
    },
  };
}
