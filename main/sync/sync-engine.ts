import { AppError } from '../../shared/contract';
import type { SyncProgress, SyncRun } from '../../shared/contract/sync';
import type { Db } from '../db/open';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/logger';
import type { ShopApi } from '../shop-api/shop-client';
import type { SyncEntity } from '../shop-api/sync-entities';
import { PARENTS, PULL_ORDER } from './cache-tables';
import { outboxCounts } from './outbox';
import { beginBulkLoad, finishBulkLoad, type BuildProgress } from './bulk-load';
import { damagedCacheError, isDamage } from '../db/damage';
import { oneValue } from '../db/single-value';
import { claimCache } from './cache-site';
import { markFilled, noteExpected } from './cache-filling';
import { emptyServerCopy } from './server-copy';
import { MissingParentError, pullEntity, type PullOptions } from './pull';
import { pushOutbox } from './push';
import { readRun, recentRuns } from './sync-runs';
import { refusal } from '../../shared/errors/error-text';
import { refreshDashboardTotals } from '../dashboard/dashboard-totals';

/** The entities whose lists say, while a first sync fills the cache, how many of them the shop announced. */
const ANNOUNCED: Partial<Record<SyncEntity, 'bill' | 'customer'>> = { bills: 'bill', customers: 'customer' };

export type SyncTrigger = 'manual' | 'schedule' | 'online' | 'startup' | 'rebuild';

export interface SyncEngineOptions {
  db: Db;
  api: () => ShopApi;
  bus: EventBus;
  logger: Logger;
  pageSize?: number;
  /** Tests kill the process here, right after a page is committed. */
  afterCommit?: PullOptions['afterCommit'];
  /**
   * The two long transactions of the engine, run elsewhere than on this connection's thread: the app runs
   * each on a thread of its own (core-thread/cache-jobs.ts), so that the thread answering commands is free
   * meanwhile (a cancel, the status, a list). By default they run here.
   */
  offload?: {
    /** finishBulkLoad (bulk-load.ts): 4 to 30 s at 100,000 bills; its progress is reported as the run's build phase. */
    buildIndexes(onProgress?: (progress: BuildProgress) => void): Promise<void>;
    /** emptyServerCopy, before a rebuild: its deletes go through the deriving triggers, row by row. */
    emptyServerCopy(): Promise<void>;
  };
}

/**
 * One site's sync: push the outbox, then pull every entity, parents first. One run at a time: asking for a
 * sync while one runs joins it. A run interrupted by a crash is marked so at the next start, and the next run
 * simply continues from the cursors, which only ever move with the pages they follow.
 */
export class SyncEngine {
  private current: Promise<SyncRun> | null = null;
  private abort: AbortController | null = null;
  private timer: NodeJS.Timeout | null = null;
  private scheduleMinutes = 5;
  private disposed = false;

  constructor(private readonly options: SyncEngineOptions) {
    options.db.prepare("UPDATE sync_run SET outcome = 'interrupted', finished_at = started_at WHERE outcome = 'running'").run();
  }

  get running(): boolean {
    return this.current !== null;
  }

  get schedule(): number {
    return this.scheduleMinutes;
  }

  start(trigger: SyncTrigger): Promise<SyncRun> {
    if (this.current) return this.current;
    const promise: Promise<SyncRun> = this.run(trigger).finally(() => {
      if (this.current === promise) this.current = null;
    });
    this.current = promise;
    return promise;
  }

  cancel(): boolean {
    if (!this.abort) return false;
    this.abort.abort();
    return true;
  }

  /** Syncs every `minutes` (0: never on its own). Calls that find a run going simply join it. */
  setSchedule(minutes: number): void {
    this.scheduleMinutes = minutes;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (minutes > 0) {
      this.timer = setInterval(() => void this.start('schedule').catch(() => {}), minutes * 60_000);
      this.timer.unref();
    }
  }

  /** Empties the server's copy and the cursors, keeps the outbox, and pulls everything again. */
  rebuild(): Promise<SyncRun> {
    if (this.current) throw refusal('sync_running', 'sync.runningRebuild', {});
    const { db, offload } = this.options;
    if (!offload) {
      emptyServerCopy(db);
      return this.start('rebuild');
    }
    // The emptying counts as the run's start: a sync asked for meanwhile joins the rebuild. A session closed
    // meanwhile (another site became active) does not go on to pull.
    const promise: Promise<SyncRun> = offload
      .emptyServerCopy()
      .then(() => {
        if (this.disposed) throw refusal('sync_cancelled', 'sync.rebuildStopped', {});
        return this.run('rebuild');
      })
      .finally(() => {
        if (this.current === promise) this.current = null;
      });
    this.current = promise;
    return promise;
  }

  dispose(): void {
    this.disposed = true;
    this.setSchedule(0);
    this.cancel();
  }

  recentRuns(limit = 20): SyncRun[] {
    return recentRuns(this.options.db, limit);
  }

  private async run(trigger: SyncTrigger): Promise<SyncRun> {
    const { db, bus, logger } = this.options;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    const runId = Number(
      db.prepare("INSERT INTO sync_run (trigger, started_at, outcome) VALUES (?, ?, 'running')").run(trigger, Date.now()).lastInsertRowid,
    );
    let rows = 0;
    let refused = 0;
    // An empty cache is filled without its derived tables kept row by row; they are computed once at the end.
    const bulk = beginBulkLoad(db);
    const progress = (p: Omit<SyncProgress, 'runId' | 'filling'>) => bus.emit('sync.progressed', { runId, ...p, filling: bulk });
    const finish = async (outcome: SyncRun['outcome'], detail: string | null, errorCode: string | null = null): Promise<SyncRun> => {
      if (bulk) {
        // The last phase of a first sync: the search, the counts and the sort indexes, built at once.
        const started = performance.now();
        const building = ({ done, total }: BuildProgress) => {
          const seconds = (performance.now() - started) / 1000;
          const eta = done > 0 && done < total ? Math.ceil((seconds * (total - done)) / done) : null;
          progress({ phase: 'build', entity: null, done: Math.round(done), total: Math.round(total), ratePerSecond: 0, etaSeconds: eta });
        };
        try {
          if (this.options.offload) await this.options.offload.buildIndexes(building);
          else finishBulkLoad(db, building);
        } catch (error) {
          // Still pending in the cache: the next sync, or the next opening of the cache, finishes it.
          logger.error('sync: building the search and sort indexes failed', { error });
          if (outcome === 'done')
            [outcome, detail, errorCode] = [
              'failed',
              'The search and sort indexes could not be built; the next sync tries again.',
              'internal',
            ];
        }
      } else {
        // The dashboard's totals of the days this run's pages touched (a first sync's build added up every day).
        try {
          refreshDashboardTotals(db);
        } catch (error) {
          // The days stay marked stale: the dashboard reads them from the rows, and the next sync tries again.
          logger.error('sync: adding up the dashboard totals failed', { error });
        }
      }
      // Only a run that ended well completes a cache being filled (cache-filling.ts).
      if (outcome === 'done') markFilled(db);
      db.prepare(
        'UPDATE sync_run SET outcome = ?, finished_at = ?, rows_applied = ?, detail = ?, error_code = ?, refused = ? WHERE id = ?',
      ).run(outcome, Date.now(), rows, detail, errorCode, refused, runId);
      // Over before the events go out: whoever hears "finished" and asks for a sync gets a new run.
      this.current = null;
      this.abort = null;
      const run = readRun(db, runId);
      bus.emit('sync.finished', run);
      bus.emit('outbox.changed', outboxCounts(db));
      return run;
    };
    try {
      const api = this.options.api();
      // Before anything is sent: this cache's edits go only to the site it was filled from.
      claimCache(db, await api.getSite());
      const push = async () => {
        progress({ phase: 'push', entity: null, done: 0, total: null, ratePerSecond: 0, etaSeconds: null });
        const pushed = await pushOutbox(db, api, {
          signal,
          runId,
          // "Sync now", or the site just answered again: what waits out a backoff is worth trying at once.
          ignoreBackoff: trigger === 'manual' || trigger === 'online',
          onEntry: (done) => progress({ phase: 'push', entity: null, done, total: null, ratePerSecond: 0, etaSeconds: null }),
        });
        refused += pushed.parked + pushed.conflicts;
        bus.emit('outbox.changed', outboxCounts(db));
        // An unreachable site stops the run here: pulling would fail the same way.
        if (pushed.stoppedBy) throw pushed.stoppedBy;
      };
      // An empty cache (a rebuild, a fresh one after damage) first gets the records the waiting changes are
      // about: the shop's answer to a change is written into the cache, beside its customer and catalog.
      if (!bulk) await push();
      // Counted page by page, so a run cut short still says how much it brought in.
      const pull = async (entity: SyncEntity) => {
        let counted = 0;
        // Filling an empty cache: the lists say how many bills and customers the shop announced (cache-filling.ts).
        const announced = bulk ? ANNOUNCED[entity] : undefined;
        const before = announced ? oneValue(db.prepare<[], number>(`SELECT count(*) FROM ${announced}`).pluck().get()) : 0;
        await pullEntity(db, api, entity, {
          pageSize: this.options.pageSize ?? 500,
          signal,
          ...(this.options.afterCommit ? { afterCommit: this.options.afterCommit } : {}),
          onProgress: (p) => {
            rows += p.applied - counted;
            counted = p.applied;
            const total = p.remaining === null ? null : p.applied + p.remaining;
            const eta = p.remaining !== null && p.ratePerSecond > 0 ? Math.ceil(p.remaining / p.ratePerSecond) : null;
            if (announced && total !== null) noteExpected(db, announced, before + total);
            progress({ phase: 'pull', entity, done: p.applied, total, ratePerSecond: p.ratePerSecond, etaSeconds: eta });
          },
        });
      };
      for (const entity of PULL_ORDER) {
        try {
          await pull(entity);
        } catch (error) {
          if (!(error instanceof MissingParentError)) throw error;
          // A parent changed after its own pull in this run: fetch the parents again, then this page once more.
          logger.info('sync: page refers to missing parents, pulling them again', { entity });
          for (const parent of PARENTS[entity]) await pull(parent);
          await pull(entity);
        }
      }
      if (bulk) await push();
      return await finish('done', null);
    } catch (error) {
      if (error instanceof AppError && error.code === 'sync_cancelled') return finish('cancelled', error.message, error.code);
      const message =
        error instanceof AppError
          ? error.message
          : error instanceof MissingParentError
            ? `${error.message}; the next sync will try again.`
            : 'Internal error';
      // A damaged page met while syncing: the run says so with the code whose way out is a rebuild.
      if (isDamage(error)) return finish('failed', damagedCacheError(null).message, 'db_corrupt');
      if (!(error instanceof AppError)) logger.error('sync failed', { error });
      return finish('failed', message, error instanceof AppError ? error.code : error instanceof MissingParentError ? null : 'internal');
    }
  }
}
