import fs from 'node:fs';
import type { DataDir } from '../../main/core/data-dir';
import { silentLogger } from '../../main/core/logger';
import { openReadOnly, type ReadableDb } from '../../main/db/open';
import { ProfileRegistry } from '../../main/profiles/profile-registry';
import { createSecretStore, plainFileCodec } from '../../main/profiles/secret-store';

const open = new Map<string, ReadableDb>();

/**
 * The active site's cache, read-only, for a test to look at what the app wrote: the app's core runs on threads
 * of its own (main/core/core-thread/), so a test opens the file as another reader would. Reopened when the
 * file is replaced (a new cache, a rebuild after damage).
 */
export function activeCache(dataDir: DataDir): ReadableDb {
  const active = new ProfileRegistry(dataDir, createSecretStore(plainFileCodec), silentLogger).active();
  if (!active) throw new Error('no active site profile');
  const file = dataDir.cacheFile(active.id);
  const { dev, ino } = fs.statSync(file);
  const key = `${file}:${dev}:${ino}`;
  let db = open.get(key);
  if (!db) {
    db = openReadOnly(file);
    open.set(key, db);
  }
  return db;
}

export function closeActiveCaches(): void {
  for (const db of open.values()) db.close();
  open.clear();
}
