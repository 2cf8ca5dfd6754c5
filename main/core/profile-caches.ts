import type { DataDir } from './data-dir';
import { damagedCacheError, isDamage } from '../db/damage';
import { openDatabase, openReadOnly, type Db, type ReadableDb } from '../db/open';
import { finishBulkLoad } from '../sync/bulk-load';
import { refreshDashboardTotals } from '../dashboard/dashboard-totals';
import type { Logger } from './logger';

/** One SQLite cache per site profile, opened on first use and kept open until the core closes. */
export class ProfileCaches {
  private readonly open = new Map<string, Db>();

  constructor(
    private readonly dataDir: DataDir,
    private readonly nativeBinding?: string,
    private readonly logger?: Logger,
  ) {}

  get(profileId: string): Db {
    let db = this.open.get(profileId);
    if (!db) {
      const file = this.dataDir.cacheFile(profileId);
      db = openDatabase(file, this.nativeBinding ? { nativeBinding: this.nativeBinding } : {});
      try {
        // A first sync cut short (the process was killed) left the indexes aside: the screens need them now.
        finishBulkLoad(db);
        // A cache from before the dashboard's totals, or last opened in another time zone: added up once now.
        // Not a reason to refuse the cache: without them the dashboard reads the rows.
        try {
          refreshDashboardTotals(db);
        } catch (error) {
          if (isDamage(error)) throw error;
          this.logger?.error('dashboard totals not added up on opening the cache; the dashboard reads the rows', { error });
        }
      } catch (error) {
        db.close();
        throw isDamage(error) ? damagedCacheError(file) : error;
      }
      this.open.set(profileId, db);
    }
    return db;
  }

  /** A profile's cache opened a second time, read-only, for a long read's snapshot (db/snapshot.ts). */
  openReader(profileId: string): ReadableDb {
    return this.openReadOnly(this.dataDir.cacheFile(profileId));
  }

  /** A cache file opened only to read it (a kept cache): never migrated, never written. */
  openReadOnly(file: string): ReadableDb {
    return openReadOnly(file, this.nativeBinding);
  }

  /** Closes a profile's cache, before its folder is moved aside. */
  release(profileId: string): void {
    this.open.get(profileId)?.close();
    this.open.delete(profileId);
  }

  closeAll(): void {
    for (const db of this.open.values()) db.close();
    this.open.clear();
  }
}
