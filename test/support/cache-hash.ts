import { createHash } from 'node:crypto';
import type { Db } from '../../main/db/open';

/** The shop tables of a cache: what a pull writes. */
export const CACHE_TABLES = [
  'shop',
  'tax',
  'catalog',
  'category',
  'catalog_item',
  'customer',
  'bill',
  'bill_item',
  'bill_payment',
  'bill_history',
  'product',
  'product_event',
];

/** A content hash per table (rows in id order), to compare two caches exactly. */
export function tableHashes(db: Db): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of CACHE_TABLES) {
    const hash = createHash('sha256');
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY id`).iterate()) hash.update(JSON.stringify(row));
    out[table] = `${db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number}:${hash.digest('hex').slice(0, 16)}`;
  }
  return out;
}
