import { refusal } from '../../shared/errors/error-text';
import type { Db, ReadableDb } from '../db/open';
import type { MoodleClient } from '../moodle/rest-client';
import { ShopApi } from '../shop-api/shop-client';
import { readSnapshot } from '../db/snapshot';
import { assertCacheComplete } from '../sync/cache-filling';
import { claimCache } from '../sync/cache-site';
import { SyncEngine, type SyncEngineOptions } from '../sync/sync-engine';
import type { CacheSite } from '../../shared/contract';
import type { EventBus } from './event-bus';
import type { Logger } from './logger';
import type { ProfileCaches } from './profile-caches';

/** What the app holds open for the active site: its cache, its shop API client and its sync engine. */
export interface SiteSession {
  profileId: string;
  db: Db;
  engine: SyncEngine;
  shop(): ShopApi;
  /**
   * The site the profile reaches is the one the cache belongs to (claiming an untied cache): asked once per
   * session by what acts on the site outside a sync (product handlers); the sync checks on every run.
   */
  verifySite(): Promise<CacheSite>;
  /**
   * Runs a long read on one snapshot of the cache, on a connection of its own (db/snapshot.ts). A read of the
   * shop's data (bills, catalogs) refuses a cache still being filled; one of the app's own data (lettering)
   * says `whole: false`.
   */
  snapshot<T>(work: (db: ReadableDb) => Promise<T> | T, options?: { whole?: boolean }): Promise<T>;
}

/** Opens the active site's session on first use and closes it when another site becomes active. */
export class SiteSessions {
  private session: SiteSession | null = null;

  constructor(
    private readonly deps: {
      activeProfileId: () => string | null;
      caches: ProfileCaches;
      moodle: (profileId: string) => MoodleClient;
      bus: EventBus;
      logger: Logger;
      pageSize?: number;
      /** Runs the engine's long transactions elsewhere than on this thread (SyncEngineOptions.offload). */
      offload?: (profileId: string) => NonNullable<SyncEngineOptions['offload']>;
    },
  ) {}

  active(): SiteSession {
    const id = this.deps.activeProfileId();
    if (!id) throw refusal('no_active_profile', 'profile.noneYet', {});
    if (this.session?.profileId === id) return this.session;
    this.close();
    const db = this.deps.caches.get(id);
    const shop = () => new ShopApi(this.deps.moodle(id));
    const engine = new SyncEngine({
      db,
      api: shop,
      bus: this.deps.bus,
      logger: this.deps.logger,
      ...(this.deps.pageSize ? { pageSize: this.deps.pageSize } : {}),
      ...(this.deps.offload ? { offload: this.deps.offload(id) } : {}),
    });
    const stored = db.prepare<[], string>("SELECT value FROM site_meta WHERE key = 'sync_schedule_minutes'").pluck().get();
    engine.setSchedule(stored === undefined ? 5 : Number(stored));
    let verified: Promise<CacheSite> | null = null;
    const verifySite = () => {
      verified ??= shop()
        .getSite()
        .then((site) => claimCache(db, site));
      // A failure is not remembered: the next action asks again (the site may be back, or fixed).
      verified.catch(() => (verified = null));
      return verified;
    };
    const snapshot = <T>(work: (reader: ReadableDb) => Promise<T> | T, options: { whole?: boolean } = {}) =>
      readSnapshot(
        () => this.deps.caches.openReader(id),
        (reader) => {
          if (options.whole !== false) assertCacheComplete(reader);
          return work(reader);
        },
      );
    this.session = { profileId: id, db, engine, shop, verifySite, snapshot };
    return this.session;
  }

  close(): void {
    this.session?.engine.dispose();
    this.session = null;
  }
}
