import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract';
import { openDatabase } from '../../db/open';
import { isDamage } from '../../db/damage';
import { beginBulkLoad, bulkLoadPending } from '../../sync/bulk-load';
import { assertCacheComplete } from '../../sync/cache-filling';
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import { threadedCacheJobs } from './cache-jobs';
import { sourceWorkerScript } from './source-script';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-cache-jobs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** An empty cache whose first sync set its indexes aside, as the sync engine leaves it before the build. */
function pendingCache(name: string): string {
  const file = path.join(dir, name);
  const db = openDatabase(file);
  expect(beginBulkLoad(db)).toBe(true);
  db.close();
  return file;
}

function recording(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { ...silentLogger, errors, error: (message) => errors.push(message) };
}

describe('cache jobs', () => {
  it('build the indexes on a thread of their own, on a connection of their own', async () => {
    const file = pendingCache('threaded.sqlite');
    const logger = recording();
    const progress: { done: number; total: number }[] = [];
    await threadedCacheJobs(sourceWorkerScript(), undefined, logger).buildIndexes(file, (step) => progress.push(step));
    const db = openDatabase(file);
    expect(bulkLoadPending(db)).toBe(false);
    // Its progress came across, step by step, to the end.
    expect(progress.length).toBeGreaterThan(10);
    expect(progress[0]!.done).toBe(0);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    await threadedCacheJobs(sourceWorkerScript(), undefined, logger).emptyServerCopy(file);
    expect(() => assertCacheComplete(db)).toThrow(/being filled/);
    db.close();
    expect(logger.errors).toEqual([]);
  }, 60_000);

  it('run on the calling thread when theirs cannot run, rather than leave the cache without its indexes', async () => {
    const file = pendingCache('fallback.sqlite');
    const logger = recording();
    await threadedCacheJobs({ file: path.join(dir, 'no-such-script.cjs') }, undefined, logger).buildIndexes(file);
    const db = openDatabase(file);
    expect(bulkLoadPending(db)).toBe(false);
    db.close();
    expect(logger.errors).toEqual(['cache job thread lost: running the job on the core thread']);
  });

  it('fail as the job failed: a damaged cache is damage to the caller too', async () => {
    const file = path.join(dir, 'damaged.sqlite');
    fs.writeFileSync(file, Buffer.alloc(64 * 1024, 0x5a));
    const failure = await threadedCacheJobs(sourceWorkerScript(), undefined, silentLogger)
      .buildIndexes(file)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(AppError);
    expect(isDamage(failure)).toBe(true);
  }, 60_000);
});
