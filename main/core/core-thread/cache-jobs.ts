import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/contract';
import { errorTextOf } from '../../../shared/errors/error-text';
import { openDatabase, type Db } from '../../db/open';
import { finishBulkLoad, type BuildProgress } from '../../sync/bulk-load';
import { emptyServerCopy } from '../../sync/server-copy';
import type { CacheJobs } from '../create-core';
import type { Logger } from '../logger';
import type { CacheJobMessage, CacheJobOutcome, WorkerData, WorkerScript } from './protocol';

/**
 * Long transactions on the cache, each on a thread of its own with a connection of its own, so that the core
 * thread goes on answering commands meanwhile (a cancel, the sync's status, a list). A job's thread lives as
 * long as the job: they are rare (the end of a first sync or of a rebuild, the emptying before a rebuild), and
 * last seconds.
 */
export function threadedCacheJobs(script: WorkerScript, nativeBinding: string | undefined, logger: Logger): CacheJobs {
  const job = async (name: 'buildIndexes' | 'emptyServerCopy', file: string, onProgress?: (progress: BuildProgress) => void) => {
    const data: CacheJobData = { role: 'cache-job', script, job: name, file, ...(nativeBinding ? { nativeBinding } : {}) };
    let outcome = await onItsOwnThread(data, onProgress);
    if (!outcome) {
      // The thread could not run it at all (it did not start, or died): here, as before threads, rather than
      // leave the cache without its indexes. A transaction cut short was rolled back; both jobs start over.
      logger.error('cache job thread lost: running the job on the core thread', { job: name });
      outcome = runCacheJob(data, onProgress);
    }
    if (outcome.ok) return;
    // The error as the job met it: an AppError (db_corrupt when the file would not open), or SQLite's code
    // (isDamage reads it).
    throw outcome.appError
      ? new AppError(outcome.code as ErrorCode, outcome.message, outcome.text ? { text: outcome.text } : undefined)
      : Object.assign(new Error(outcome.message), outcome.code ? { code: outcome.code } : {});
  };
  return {
    buildIndexes: (file, onProgress) => job('buildIndexes', file, onProgress),
    emptyServerCopy: (file) => job('emptyServerCopy', file),
  };
}

type CacheJobData = Extract<WorkerData, { role: 'cache-job' }>;

/** The job's outcome, or null when its thread ended without one; its progress is passed on as it comes. */
function onItsOwnThread(data: CacheJobData, onProgress?: (progress: BuildProgress) => void): Promise<CacheJobOutcome | null> {
  return new Promise((resolve) => {
    let outcome: CacheJobOutcome | null = null;
    let worker: Worker;
    try {
      worker = new Worker(data.script.file, { workerData: data });
    } catch {
      resolve(null);
      return;
    }
    worker.on('message', (message: CacheJobMessage) => {
      if (message.type === 'outcome') outcome = message.outcome;
      else onProgress?.({ done: message.done, total: message.total });
    });
    // An uncaught error ends the thread: 'exit' follows, without an outcome.
    worker.on('error', () => {});
    worker.once('exit', () => resolve(outcome));
  });
}

/** On the job's thread. */
export function runCacheJob(data: CacheJobData, onProgress?: (progress: BuildProgress) => void): CacheJobOutcome {
  let db: Db | null = null;
  try {
    // Opened as the core's own connection (db/open.ts): the core opened and migrated the file before.
    db = openDatabase(data.file, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
    // The core thread writes nothing meanwhile (routes.ts), but another process may (a nightly CLI run); waiting
    // here holds no one up.
    db.pragma('busy_timeout = 60000');
    if (data.job === 'buildIndexes') finishBulkLoad(db, onProgress);
    else emptyServerCopy(db);
    return { ok: true };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      ok: false,
      message: (error as Error).message,
      code: typeof code === 'string' ? code : null,
      appError: error instanceof AppError,
      text: error instanceof AppError ? errorTextOf(error.details) : null,
    };
  } finally {
    db?.close();
  }
}
