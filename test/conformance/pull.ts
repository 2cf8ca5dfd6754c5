import { isDeepStrictEqual } from 'node:util';
import type {
  BillRecord,
  CatalogItemRecord,
  CatalogRecord,
  CategoryRecord,
  CustomerRecord,
  ProductEventRecord,
  ProductRecord,
  ShopRecord,
  TaxRecord,
} from '../../main/shop-api/records';
import type { SyncCursor, SyncEntity, SyncPage } from '../../main/shop-api/sync-entities';
import { expectThat, fail, show } from './check';
import type { SiteUnderTest } from './site-under-test';

/**
 * A pull through local_shopbackoffice_sync_<entity>, page after page until `hasmore` is 0, the way the
 * back-office pulls (the count asked on the first page only). Every page is held to the doc's paging rules
 * as it arrives, so any pull the suite makes also checks them:
 *
 * - at most `limit` changes, rows and deletions each in strictly increasing (timemodified, id) order, all after
 *   the cursor sent;
 * - `next` is the page's last change, or the cursor sent when the page is empty;
 * - nothing younger than servertime - settling;
 * - `remaining` is -1 when not asked for, else the number of changes after `next`, and `hasmore` agrees with it;
 * - no record comes twice in one pull of a quiet site, and no id is both a row and a deletion.
 */

/** The record of each entity: ShopApi.syncPage types a page's rows as the union of them all. */
interface SyncRows {
  shops: ShopRecord;
  taxes: TaxRecord;
  catalogs: CatalogRecord;
  categories: CategoryRecord;
  catalogitems: CatalogItemRecord;
  customers: CustomerRecord;
  bills: BillRecord;
  products: ProductRecord;
  productevents: ProductEventRecord;
}

export type SyncRow<E extends SyncEntity> = SyncRows[E];

export interface Change extends SyncCursor {
  deleted: boolean;
}

export interface Pull<E extends SyncEntity> {
  entity: E;
  /** Every change in the order received: rows and deletions of each page merged in (timemodified, id) order. */
  changes: Change[];
  rows: SyncRow<E>[];
  deleted: SyncCursor[];
  next: SyncCursor;
  pages: SyncPage<E>[];
}

export interface PullOptions {
  limit: number;
  since?: SyncCursor;
  shopid?: number;
  /** Ask for `remaining` on every page rather than the first only. */
  countEveryPage?: boolean;
}

const ORIGIN: SyncCursor = { timemodified: 0, id: 0 };
const MAX_PAGES = 100_000;

export const after = (a: SyncCursor, b: SyncCursor) =>
  a.timemodified > b.timemodified || (a.timemodified === b.timemodified && a.id > b.id);
export const key = (change: SyncCursor): SyncCursor => ({ timemodified: change.timemodified, id: change.id });
const fmt = (c: SyncCursor) => `(${c.timemodified}, ${c.id})`;

const describeChange = (c: Change | undefined) => (c ? `${c.deleted ? 'deletion' : 'row'} ${fmt(c)}` : 'nothing');

/** The first place two lists of changes differ, said for a message; null when they are the same. */
export function firstDifferentChange(got: Change[], expected: Change[]): string | null {
  const length = Math.max(got.length, expected.length);
  for (let i = 0; i < length; i += 1) {
    if (!isDeepStrictEqual(got[i], expected[i]))
      return `change #${i + 1}: expected ${describeChange(expected[i])}, got ${describeChange(got[i])}`;
  }
  return null;
}

function expectIncreasing(what: string, keys: SyncCursor[]): void {
  keys.forEach((k, i) => {
    const before = keys[i - 1];
    if (before && !after(k, before))
      fail(`${what}: ${fmt(k)} comes after ${fmt(before)}, not in strictly increasing (timemodified, id) order`);
  });
}

/** Checks one page against the cursor it was asked with; returns its changes merged in order. */
export function checkPage<E extends SyncEntity>(
  site: SiteUnderTest,
  what: string,
  page: SyncPage<E>,
  since: SyncCursor,
  limit: number,
  counted: boolean,
): Change[] {
  const rows = page.rows.map((row) => key(row));
  expectThat(
    rows.length + page.deleted.length <= limit,
    `${what}: ${rows.length} rows and ${page.deleted.length} deletions, limit ${limit}`,
  );
  expectIncreasing(`${what} rows`, rows);
  expectIncreasing(`${what} deleted`, page.deleted.map(key));
  const changes: Change[] = [
    ...rows.map((k) => ({ ...k, deleted: false })),
    ...page.deleted.map((d) => ({ ...key(d), deleted: true })),
  ].sort((a, b) => a.timemodified - b.timemodified || a.id - b.id);
  const first = changes[0];
  if (first && !after(first, since)) fail(`${what}: change ${fmt(first)} is not after the cursor sent, ${fmt(since)}`);
  const last = changes.at(-1);
  if (JSON.stringify(key(page.next)) !== JSON.stringify(last ? key(last) : key(since))) {
    fail(
      `${what}: next should be ${last ? `the page's last change ${fmt(last)}` : `the cursor sent ${fmt(since)} (empty page)`}, got ${fmt(page.next)}`,
    );
  }
  const horizon = page.servertime - site.settling;
  const young = changes.find((c) => c.timemodified > horizon);
  if (young) {
    fail(`${what}: change ${fmt(young)} is younger than servertime ${page.servertime} - settling ${site.settling}: it must be held back`);
  }
  if (counted) {
    expectThat(page.remaining >= 0, `${what}: remaining was asked for (countremaining=1), got ${page.remaining}`);
    expectThat(
      page.hasmore === (page.remaining > 0 ? 1 : 0),
      `${what}: hasmore ${page.hasmore} disagrees with remaining ${page.remaining}`,
    );
  } else {
    expectThat(page.remaining === -1, `${what}: with countremaining=0, remaining should be -1, got ${page.remaining}`);
  }
  return changes;
}

export async function pull<E extends SyncEntity>(site: SiteUnderTest, entity: E, options: PullOptions): Promise<Pull<E>> {
  const result: Pull<E> = { entity, changes: [], rows: [], deleted: [], next: options.since ?? ORIGIN, pages: [] };
  const seenRows = new Set<number>();
  const seenDeleted = new Set<number>();
  for (;;) {
    const counted = options.countEveryPage === true || result.pages.length === 0;
    const since = result.next;
    const page = await site.api.syncPage(entity, since, options.limit, { shopid: options.shopid ?? 0, countRemaining: counted });
    const what = `sync_${entity} page ${result.pages.length + 1} (limit ${options.limit}, since ${fmt(since)})`;
    const changes = checkPage(site, what, page, since, options.limit, counted);
    for (const row of page.rows) {
      if (seenRows.has(row.id)) fail(`${what}: ${entity} ${row.id} came twice in one pull of a quiet site`);
      if (seenDeleted.has(row.id)) fail(`${what}: ${entity} ${row.id} came as a row after coming as a deletion`);
      seenRows.add(row.id);
    }
    for (const gone of page.deleted) {
      if (seenDeleted.has(gone.id)) fail(`${what}: the deletion of ${entity} ${gone.id} came twice`);
      if (seenRows.has(gone.id)) fail(`${what}: ${entity} ${gone.id} came as a deletion after coming as a row: ids are never reused`);
      seenDeleted.add(gone.id);
    }
    result.pages.push(page);
    result.changes.push(...changes);
    result.rows.push(...(page.rows as SyncRow<E>[]));
    result.deleted.push(...page.deleted.map(key));
    result.next = key(page.next);
    if (page.hasmore === 0) return result;
    if (changes.length === 0) fail(`${what}: hasmore is 1 on an empty page; the pull would never end`);
    if (result.pages.length >= MAX_PAGES) fail(`sync_${entity}: still hasmore after ${MAX_PAGES} pages (last ${show(page.next)})`);
  }
}
