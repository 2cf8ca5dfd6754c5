import type { AppError } from '../../shared/contract';
import { refusal } from '../../shared/errors/error-text';
import type { CacheSite } from '../../shared/contract/sync';
import type { Db, ReadableDb } from '../db/open';
import { storeSiteSeller } from '../invoicing/site-seller';
import type { ShopSite } from '../shop-api/site';
import { outboxCounts } from './outbox';

/**
 * A cache belongs to the one site it was filled from: Moodle's own site identifier (get_site_identifier(), kept
 * for the site's life whatever its address) as the plugin's get_site reports it, with the address and name the
 * site gave, for the operator. Checked before anything is sent or pulled, so a profile pointed at another site
 * never pushes the first site's edits there, nor mixes two shops' records in one cache.
 */

const KEYS = { identifier: 'site_identifier', wwwroot: 'site_wwwroot', name: 'site_fullname', claimedAt: 'site_claimed_at' } as const;

export function cacheSite(db: ReadableDb): CacheSite | null {
  const read = (key: string) => db.prepare<[string], string>('SELECT value FROM site_meta WHERE key = ?').pluck().get(key);
  const identifier = read(KEYS.identifier);
  if (!identifier) return null;
  return { identifier, wwwroot: read(KEYS.wwwroot) ?? '', name: read(KEYS.name) ?? '', claimedAt: Number(read(KEYS.claimedAt) ?? 0) };
}

/**
 * Ties an untied cache to the site that answered, or refuses when it is tied to another one. A cache from a
 * build that did not record its site is tied to the first site it syncs with: nothing tells which it was.
 */
export function claimCache(db: Db, reached: ShopSite, now = Date.now()): CacheSite {
  const recorded = cacheSite(db);
  if (recorded) {
    if (recorded.identifier !== reached.siteidentifier) throw siteChanged(db, recorded, reached);
    // The shop's seller identity, kept for the invoices, follows the site's settings at every contact.
    storeSiteSeller(db, reached, now);
    return recorded;
  }
  const upsert = db.prepare(
    'INSERT INTO site_meta (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  db.transaction(() => {
    upsert.run(KEYS.identifier, reached.siteidentifier, now);
    upsert.run(KEYS.wwwroot, reached.wwwroot, now);
    upsert.run(KEYS.name, reached.sitename, now);
    upsert.run(KEYS.claimedAt, String(now), now);
    storeSiteSeller(db, reached, now);
  })();
  return cacheSite(db)!;
}

function siteChanged(db: Db, recorded: CacheSite, reached: ShopSite): AppError {
  const counts = outboxCounts(db);
  const unsent = counts.pending + counts.parked + counts.conflict;
  const sites = { reached: describe(reached.sitename, reached.wwwroot), recorded: describe(recorded.name, recorded.wwwroot) };
  const details = {
    cacheSite: { identifier: recorded.identifier, wwwroot: recorded.wwwroot, name: recorded.name },
    reachedSite: { identifier: reached.siteidentifier, wwwroot: reached.wwwroot, name: reached.sitename },
    unsent,
  };
  // The unsent changes stay with the old cache: the text says how many, when there are any.
  if (unsent === 0) return refusal('site_changed', 'site.changed', sites, details);
  if (unsent === 1) return refusal('site_changed', 'site.changedOneUnsent', sites, details);
  return refusal('site_changed', 'site.changedUnsent', { ...sites, unsent }, details);
}

const describe = (name: string, wwwroot: string) => (name ? `${name} (${wwwroot})` : wwwroot);
