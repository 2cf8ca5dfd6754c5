import type { RunMode } from '../../shared/contract/app';
import { appCommands } from '../app/commands';
import { relayBillChanges } from '../bills/bills-changed-relay';
import { billsCommands } from '../bills/commands';
import { catalogsCommands } from '../catalogs/commands';
import { customersCommands } from '../customers/commands';
import { dashboardCommands } from '../dashboard/commands';
import { exportsCommands } from '../exports/commands';
import { followupCommands } from '../followup/commands';
import { letteringCommands } from '../lettering/commands';
import { createMoodleClient } from '../moodle/rest-client';
import { productionCommands } from '../production/commands';
import { auditCommands } from '../audit/commands';
import { profilesCommands } from '../profiles/commands';
import { ProfileRegistry } from '../profiles/profile-registry';
import { createSecretStore, plainFileCodec, type SecretCodec } from '../profiles/secret-store';
import { settingsCommands } from '../settings/commands';
import { invoicingCommands } from '../invoicing/commands';
import { InvoicingSettingsStore } from '../invoicing/invoicing-settings-store';
import { SettingsStore } from '../settings/settings-store';
import { syncCommands } from '../sync/commands';
import { uploadsCommands } from '../uploads/commands';
import { StagedUploads, UPLOAD_IDLE_MS } from '../uploads/staged-uploads';
import type { BuildProgress } from '../sync/bulk-load';
import { lastSuccessfulSync } from '../sync/sync-runs';
import { startAutoSync } from '../sync/auto-sync';
import { StatusTracker } from '../status/status-tracker';
import { DataDir } from './data-dir';
import { waitsForIndexBuild, WriteGate } from './core-thread/routes';
import { createDispatch, type Dispatch } from './dispatch';
import { EventBus } from './event-bus';
import { defineCommands, type Commands } from './commands';
import { createLogger, type Logger } from './logger';
import { ProfileCaches } from './profile-caches';
import type { CoreServices } from './services';
import { SiteSessions } from './site-sessions';

export interface CoreOptions {
  dataDir: string;
  mode: RunMode;
  version: string;
  /** Electron passes its safeStorage codec; elsewhere the token is a 0600 file. */
  secretCodec?: SecretCodec;
  /** better-sqlite3 built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  logger?: Logger;
  moodleTimeoutMs?: number;
  /** Sync on start, on a schedule and when the site comes back (the app); off for the CLI and unit tests. */
  autoSync?: boolean;
  /** Rows per sync page (tests use small pages to exercise paging). */
  syncPageSize?: number;
  /**
   * Runs long work on the cache elsewhere than on the thread answering commands (core-thread/cache-jobs.ts).
   * Without it (the CLI, unit tests) the work runs here.
   */
  cacheJobs?: CacheJobs;
}

/** Each on a connection of its own to the cache `file`. */
export interface CacheJobs {
  /** finishBulkLoad (sync/bulk-load.ts), telling its progress. */
  buildIndexes(file: string, onProgress?: (progress: BuildProgress) => void): Promise<void>;
  /** emptyServerCopy (sync/server-copy.ts), before a rebuild. */
  emptyServerCopy(file: string): Promise<void>;
}

export interface Core {
  dispatch: Dispatch;
  bus: EventBus;
  services: CoreServices;
  close(): void;
}

/** The back-office core, the same in Electron, browser mode and the CLI. */
export function createCore(options: CoreOptions): Core {
  const dataDir = new DataDir(options.dataDir);
  const logger = options.logger ?? createLogger({ file: dataDir.logFile });
  const bus = new EventBus();
  const profiles = new ProfileRegistry(dataDir, createSecretStore(options.secretCodec ?? plainFileCodec), logger);
  const caches = new ProfileCaches(dataDir, options.nativeBinding, logger);
  const uploads = new StagedUploads(dataDir.uploadsDir);
  // What a closed window or a crash left staged a day ago is not coming back for.
  uploads.sweep(UPLOAD_IDLE_MS);
  let sessions: SiteSessions | null = null;
  // While a long transaction runs on another thread (a first sync's index build, a rebuild's emptying), what
  // would write waits for it (routes.ts).
  const gate = new WriteGate();
  const cacheJobs = options.cacheJobs;
  const offloaded = async (job: keyof CacheJobs, profileId: string, onProgress?: (progress: BuildProgress) => void) => {
    const started = performance.now();
    await gate.hold(cacheJobs![job](dataDir.cacheFile(profileId), onProgress));
    logger.info('cache job done on its own thread', { job, ms: Math.round(performance.now() - started) });
  };
  const status = new StatusTracker(bus, () => {
    const active = profiles.active();
    let lastSyncAt: number | null = null;
    try {
      if (active) lastSyncAt = lastSuccessfulSync(caches.get(active.id));
    } catch {
      // A cache that cannot be opened shows as never synced; opening it again reports why.
    }
    return { activeProfile: active ? { id: active.id, name: active.name, url: active.url } : null, lastSyncAt };
  });

  const services: CoreServices = {
    version: options.version,
    mode: options.mode,
    dataDir,
    logger,
    bus,
    profiles,
    settings: new SettingsStore(dataDir, logger),
    invoicing: new InvoicingSettingsStore(dataDir, logger),
    status,
    caches,
    uploads,
    moodle(target) {
      const isSaved = 'id' in target;
      const url = isSaved ? profiles.get(target.id).url : target.url;
      const token = isSaved ? profiles.token(target.id) : target.token;
      const reportsStatus = isSaved && profiles.active()?.id === target.id;
      return createMoodleClient({
        url,
        token,
        logger,
        ...(options.moodleTimeoutMs ? { timeoutMs: options.moodleTimeoutMs } : {}),
        ...(reportsStatus ? { onReachability: (reachable: boolean, detail: string | null) => status.reachability(reachable, detail) } : {}),
      });
    },
    activeSite: () => sessions!.active(),
    resetSite: () => sessions?.close(),
  };
  sessions = new SiteSessions({
    activeProfileId: () => profiles.active()?.id ?? null,
    caches,
    moodle: (id) => services.moodle({ id }),
    bus,
    logger,
    ...(options.syncPageSize ? { pageSize: options.syncPageSize } : {}),
    ...(cacheJobs
      ? {
          offload: (id: string) => ({
            buildIndexes: (onProgress?: (progress: BuildProgress) => void) => offloaded('buildIndexes', id, onProgress),
            emptyServerCopy: () => offloaded('emptyServerCopy', id),
          }),
        }
      : {}),
  });
  bus.subscribe((name) => {
    if (name === 'sync.finished') status.publish();
  });
  // The bills and customers screens learn of each committed sync page and acknowledged change.
  const stopBillRelay = relayBillChanges(bus);

  const commands: Commands = defineCommands({
    ...appCommands(services),
    ...billsCommands(services),
    ...catalogsCommands(services),
    ...customersCommands(services),
    ...dashboardCommands(services),
    ...profilesCommands(services),
    ...settingsCommands(services),
    ...invoicingCommands(services),
    ...syncCommands(services),
    ...exportsCommands(services),
    ...followupCommands(services),
    ...letteringCommands(services),
    ...productionCommands(services),
    ...auditCommands(services),
    ...uploadsCommands(services),
  });

  const stopAutoSync = options.autoSync ? startAutoSync(services) : () => {};

  const dispatch = createDispatch(commands, logger);
  return {
    dispatch: cacheJobs
      ? async (name, input, context) => {
          if (gate.busy && waitsForIndexBuild(name)) await gate.idle();
          return dispatch(name, input, context);
        }
      : dispatch,
    bus,
    services,
    close: () => {
      stopAutoSync();
      stopBillRelay();
      sessions?.close();
      caches.closeAll();
    },
  };
}
