import { siteSellerSchema, type SiteSeller } from '../../shared/contract/invoicing';
import type { Db, ReadableDb } from '../db/open';
import type { ShopSite } from '../shop-api/site';

/**
 * The seller identity of the shop's settings (local_shop's sellername, selleraddress, sellerID, tvaeurope...),
 * as local_shopbackoffice_get_site answered it, kept in the cache's site_meta at every sync and first contact:
 * invoices are written offline, from the cache, and must name the seller as the shop does.
 */

const KEY = 'site_seller';

export function storeSiteSeller(db: Db, site: ShopSite, now = Date.now()): void {
  const seller: SiteSeller = { ...site.seller };
  db.prepare(
    'INSERT INTO site_meta (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  ).run(KEY, JSON.stringify(seller), now);
}

/** The seller last reported by the site, and when; null before a sync with a plugin that reports it. */
export function siteSeller(db: ReadableDb): { seller: SiteSeller; readAt: number } | null {
  const row = db.prepare('SELECT value, updated_at FROM site_meta WHERE key = ?').get(KEY) as
    { value: string; updated_at: number } | undefined;
  if (!row) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.value);
  } catch {
    return null; // Rewritten at the next sync.
  }
  const seller = siteSellerSchema.safeParse(parsed);
  return seller.success ? { seller: seller.data, readAt: row.updated_at } : null;
}
