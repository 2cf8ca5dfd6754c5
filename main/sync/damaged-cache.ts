import fs from 'node:fs';
import path from 'node:path';
import type { DataDir } from '../core/data-dir';
import type { ProfileCaches } from '../core/profile-caches';
import type { ReadableDb } from '../db/open';

/**
 * The way out of a damaged cache (overwritten bytes, a truncated file): the file is set aside, never deleted,
 * for diagnosis; the unsent changes that can still be read from it, and the site it belongs to, are carried
 * into a fresh, empty cache, which a rebuild then fills from the site. What the damaged file held of the shop
 * itself is not worth saving: the site has it.
 */

export interface Recovery {
  /** Where the damaged files now are. */
  folder: string;
  /** Unsent changes carried into the fresh cache. */
  saved: number;
  /** Unsent changes that could not be read (null: not even their number could be). */
  lost: number | null;
}

const CACHE_FILES = ['cache.sqlite', 'cache.sqlite-wal', 'cache.sqlite-shm'];
const OUTBOX_COLUMNS = [
  'seq',
  'mutation_id',
  'kind',
  'entity',
  'entity_id',
  'base_version',
  'payload',
  'state',
  'attempts',
  'next_attempt_at',
  'error_code',
  'error_message',
  'remote',
  'created_at',
] as const;
/** The keys of site_meta worth keeping: which site the cache belongs to (cache-site.ts), the schedule. */
const KEPT_META = ['site_identifier', 'site_wwwroot', 'site_fullname', 'site_claimed_at', 'sync_schedule_minutes'];

type Row = Record<(typeof OUTBOX_COLUMNS)[number], unknown>;

export function recoverDamagedCache(caches: ProfileCaches, dataDir: DataDir, profileId: string, now = new Date()): Recovery {
  caches.release(profileId);
  const folder = path.join(dataDir.profileDir(profileId), 'damaged-caches', now.toISOString().replace(/[:.]/g, '-'));
  fs.mkdirSync(folder, { recursive: true });
  for (const file of CACHE_FILES) {
    const from = path.join(dataDir.profileDir(profileId), file);
    if (fs.existsSync(from)) fs.renameSync(from, path.join(folder, file));
  }
  const salvaged = salvage(caches, path.join(folder, 'cache.sqlite'));
  const fresh = caches.get(profileId);
  const insert = fresh.prepare(
    `INSERT OR IGNORE INTO outbox (${OUTBOX_COLUMNS.join(', ')}) VALUES (${OUTBOX_COLUMNS.map(() => '?').join(', ')})`,
  );
  const meta = fresh.prepare('INSERT OR REPLACE INTO site_meta (key, value, updated_at) VALUES (?, ?, ?)');
  let saved = 0;
  fresh.transaction(() => {
    for (const row of salvaged.rows) saved += insert.run(...OUTBOX_COLUMNS.map((c) => row[c])).changes;
    for (const [key, value] of salvaged.meta) meta.run(key, value, Date.now());
  })();
  return { folder, saved, lost: salvaged.lost };
}

/** What can still be read of the damaged file, row by row, so one bad page costs only its own rows. */
function salvage(caches: ProfileCaches, file: string): { rows: Row[]; meta: [string, string][]; lost: number | null } {
  let db: ReadableDb;
  try {
    db = caches.openReadOnly(file);
  } catch {
    return { rows: [], meta: [], lost: null };
  }
  try {
    const meta: [string, string][] = [];
    for (const key of KEPT_META) {
      try {
        const value = db.prepare('SELECT value FROM site_meta WHERE key = ?').pluck().get(key);
        if (typeof value === 'string') meta.push([key, value]);
      } catch {
        // That page is gone: the fresh cache learns the site again at its first sync.
      }
    }
    let seqs: number[];
    try {
      seqs = db.prepare<[], number>('SELECT seq FROM outbox ORDER BY seq').pluck().all();
    } catch {
      return { rows: [], meta, lost: null };
    }
    const read = db.prepare<[number], Row>(`SELECT ${OUTBOX_COLUMNS.join(', ')} FROM outbox WHERE seq = ?`);
    const rows: Row[] = [];
    let lost = 0;
    for (const seq of seqs) {
      try {
        const row = read.get(seq);
        if (row && typeof row.payload === 'string' && isJson(row.payload)) rows.push(row);
        else lost += 1;
      } catch {
        lost += 1;
      }
    }
    return { rows, meta, lost };
  } finally {
    db.close();
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
