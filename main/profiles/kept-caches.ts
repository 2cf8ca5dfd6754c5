import fs from 'node:fs';
import path from 'node:path';
import { type KeptCache } from '../../shared/contract';
import type { CacheSite } from '../../shared/contract/sync';
import type { DataDir } from '../core/data-dir';
import type { ProfileCaches } from '../core/profile-caches';
import { writeJsonFileAtomic } from '../core/json-file';
import { checkFileTarget } from '../exports/export-target';
import { cacheSite } from '../sync/cache-site';
import type { OutboxTableRow } from '../db/tables';
import { oneValue } from '../db/single-value';
import { refusal } from '../../shared/errors/error-text';

/**
 * Caches set aside when a profile starts a new cache for another site: `profiles/<id>/kept-caches/<name>/`.
 * Their unsent changes are never pushed anywhere again; the operator can read them, write them to a file to
 * redo them by hand on the right site, or delete the cache for good. A kept cache is only ever read here.
 */

const CACHE_FILES = ['cache.sqlite', 'cache.sqlite-wal', 'cache.sqlite-shm'];

function keptRoot(dataDir: DataDir, profileId: string): string {
  return path.join(dataDir.profileDir(profileId), 'kept-caches');
}

/**
 * Moves the profile's cache files into a new kept folder. The caller has closed the cache first (closing
 * checkpoints the WAL into the main file, so the moved file is whole).
 */
export function setCacheAside(caches: ProfileCaches, dataDir: DataDir, profileId: string, now = new Date()): KeptCache {
  const site = readSite(caches, dataDir.cacheFile(profileId));
  const host = site ? safeHost(site.wwwroot) : 'unknown-site';
  const name = `${now.toISOString().replace(/[:.]/g, '-')}-${host}`;
  const folder = path.join(keptRoot(dataDir, profileId), name);
  fs.mkdirSync(folder, { recursive: true });
  for (const file of CACHE_FILES) {
    const from = path.join(dataDir.profileDir(profileId), file);
    if (fs.existsSync(from)) fs.renameSync(from, path.join(folder, file));
  }
  return describe(caches, folder, name);
}

export function keptCaches(caches: ProfileCaches, dataDir: DataDir, profileId: string): KeptCache[] {
  const root = keptRoot(dataDir, profileId);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => describe(caches, path.join(root, entry.name), entry.name))
    .sort((a, b) => b.keptAt - a.keptAt);
}

export function discardKeptCache(dataDir: DataDir, profileId: string, name: string): void {
  fs.rmSync(keptFolder(dataDir, profileId, name), { recursive: true, force: true });
}

/** The kept cache's unsent changes as a JSON file: what each was, on which record, and why it was not sent. */
export function exportKeptCache(
  caches: ProfileCaches,
  dataDir: DataDir,
  profileId: string,
  name: string,
  file: string,
): { file: string; entries: number } {
  const folder = keptFolder(dataDir, profileId, name);
  const target = checkFileTarget(file, '.json');
  const db = caches.openReadOnly(path.join(folder, 'cache.sqlite'));
  try {
    const entries = db
      .prepare<[], UnsentRow>(
        'SELECT seq, kind, entity, entity_id, payload, state, error_code, error_message, created_at FROM outbox ORDER BY seq',
      )
      .all()
      .map((row) => ({
        seq: row.seq,
        kind: row.kind,
        entity: row.entity,
        entityId: row.entity_id,
        state: row.state,
        createdAt: new Date(row.created_at).toISOString(),
        error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
        change: parsePayload(row.payload),
      }));
    writeJsonFileAtomic(target, { site: cacheSite(db), keptCache: name, unsentChanges: entries });
    return { file: target, entries: entries.length };
  } finally {
    db.close();
  }
}

type UnsentRow = Pick<
  OutboxTableRow,
  'seq' | 'kind' | 'entity' | 'entity_id' | 'payload' | 'state' | 'error_code' | 'error_message' | 'created_at'
>;

function keptFolder(dataDir: DataDir, profileId: string, name: string): string {
  const folder = path.join(keptRoot(dataDir, profileId), name);
  if (path.basename(folder) !== name || !fs.existsSync(folder))
    throw refusal('kept_cache_not_found', 'profile.keptCacheGone', { name }, { name });
  return folder;
}

function describe(caches: ProfileCaches, folder: string, name: string): KeptCache {
  const file = path.join(folder, 'cache.sqlite');
  const keptAt = keptTime(name) ?? Math.round(fs.statSync(folder).mtimeMs);
  if (!fs.existsSync(file)) return { name, keptAt, site: null, unsent: 0 };
  const db = caches.openReadOnly(file);
  try {
    return { name, keptAt, site: cacheSite(db), unsent: oneValue(db.prepare<[], number>('SELECT count(*) FROM outbox').pluck().get()) };
  } finally {
    db.close();
  }
}

function readSite(caches: ProfileCaches, file: string): CacheSite | null {
  if (!fs.existsSync(file)) return null;
  const db = caches.openReadOnly(file);
  try {
    return cacheSite(db);
  } finally {
    db.close();
  }
}

/** The time a folder name starts with (an ISO time with ':' and '.' made '-'), so a copied folder keeps it. */
function keptTime(name: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
  if (!match) return null;
  const time = Date.parse(`${match[1]}:${match[2]}:${match[3]}.${match[4]}Z`);
  return Number.isNaN(time) ? null : time;
}

function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}

function safeHost(wwwroot: string): string {
  try {
    return new URL(wwwroot).host.replace(/[^A-Za-z0-9.-]/g, '-') || 'unknown-site';
  } catch {
    return 'unknown-site';
  }
}
