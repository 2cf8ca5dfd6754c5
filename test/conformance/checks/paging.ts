import { isDeepStrictEqual } from 'node:util';
import { syncEntities, syncEntityNames, type SyncCursor, type SyncEntity } from '../../../main/shop-api/sync-entities';
import { expectEqual, expectThat, fail, show, type Check } from '../check';
import { expectRefusal } from '../moodle-errors';
import { after, checkPage, firstDifferentChange, pull, type Change } from '../pull';

/**
 * Paging and the cursor (docs/shop-api.md, "Ordering and the cursor"): small pages give what one big page
 * gives, `limit` is bounded, `remaining` and `hasmore` tell what follows, `shopid` filters. Every page pulled
 * here is also held to the rules pull.ts checks on each page.
 */
const SMALL_PAGE = 7;
const ORIGIN: SyncCursor = { timemodified: 0, id: 0 };

function smallPagesEqualOnePage(entity: SyncEntity): Check {
  return {
    name: `sync_${entity}: pages of ${SMALL_PAGE} give what the largest pages give`,
    async run({ site, fixtures }) {
      const big = await fixtures.snapshot(entity);
      const small = await pull(site, entity, { limit: SMALL_PAGE });
      expectThat(big.changes.length > 0, `sync_${entity} gave nothing: the site should hold the demo data`);
      // A change that settled between the two pulls lies beyond the big pull's end: compare up to there.
      const known = small.changes.filter((c) => !after(c, big.next));
      const difference = firstDifferentChange(known, big.changes);
      if (difference) fail(`in pages of ${SMALL_PAGE} against pages of ${site.maxPage}, ${difference}`);
      const bigRows = new Map(big.rows.map((row) => [row.id, row]));
      const changed = small.rows.find((row) => bigRows.has(row.id) && !isDeepStrictEqual(row, bigRows.get(row.id)));
      if (changed) fail(`${entity} ${changed.id} differs between page sizes: ${show(changed)} against ${show(bigRows.get(changed.id))}`);
    },
  };
}

export const pagingChecks: Check[] = [
  ...syncEntityNames.map(smallPagesEqualOnePage),
  {
    name: 'sync: a limit of 0 or above maxpage is invalidparameter, maxpage is accepted',
    async run({ site }) {
      for (const entity of syncEntityNames) {
        const fn = syncEntities[entity].fn;
        for (const limit of [0, site.maxPage + 1]) {
          expectRefusal(`${fn} with limit ${limit}`, await site.raw(fn, { limit }), 'invalidparameter');
        }
        const page = await site.api.syncPage(entity, ORIGIN, site.maxPage);
        checkPage(site, `${fn} with limit ${site.maxPage}`, page, ORIGIN, site.maxPage, true);
      }
    },
  },
  {
    name: 'sync: remaining counts the changes after next, and hasmore agrees',
    async run({ site }) {
      // A fresh pull rather than the snapshot: the count must match the site as it is now.
      const all = await pull(site, 'customers', { limit: site.maxPage });
      const total = all.changes.length;
      expectThat(total > 2 * SMALL_PAGE, `sync_customers gave ${total} changes: the demo data has hundreds`);
      const pageAt = async (position: number) => {
        const since = position === 0 ? ORIGIN : (all.changes[position - 1] as Change);
        const cursor = { timemodified: since.timemodified, id: since.id };
        const page = await site.api.syncPage('customers', cursor, SMALL_PAGE);
        checkPage(site, `sync_customers from change #${position}`, page, cursor, SMALL_PAGE, true);
        return page;
      };
      for (const position of [0, Math.floor(total / 2), total - SMALL_PAGE]) {
        const page = await pageAt(position);
        expectEqual(
          `remaining after a page of ${SMALL_PAGE} from change #${position} of ${total}`,
          page.remaining,
          total - position - SMALL_PAGE,
        );
      }
      const end = await pageAt(total);
      expectEqual(
        'the page after the last change',
        { ...end, servertime: 0 },
        {
          rows: [],
          deleted: [],
          next: all.next,
          hasmore: 0,
          remaining: 0,
          servertime: 0,
        },
      );
    },
  },
  {
    name: 'sync: countremaining=0 answers remaining -1, and hasmore still tells',
    async run({ site }) {
      const all = await pull(site, 'customers', { limit: site.maxPage });
      const first = await site.api.syncPage('customers', ORIGIN, SMALL_PAGE, { countRemaining: false });
      checkPage(site, 'sync_customers without the count', first, ORIGIN, SMALL_PAGE, false);
      expectEqual('hasmore on the first of many pages', first.hasmore, 1);
      const last = all.changes[all.changes.length - SMALL_PAGE - 1];
      if (!last) fail('too few customers to page through');
      const cursor = { timemodified: last.timemodified, id: last.id };
      const tail = await site.api.syncPage('customers', cursor, SMALL_PAGE, { countRemaining: false });
      checkPage(site, 'sync_customers last page without the count', tail, cursor, SMALL_PAGE, false);
      expectEqual('hasmore on the last page', tail.hasmore, 0);
    },
  },
  {
    name: "sync: shopid keeps one shop's customers and bills; shops and taxes ignore it",
    async run({ site, fixtures }) {
      const shops = (await fixtures.snapshot('shops')).rows;
      const shop = shops[0];
      if (!shop) fail('sync_shops gave no shop');
      const unknown = Math.max(...shops.map((s) => s.id)) + 1000;
      for (const entity of ['customers', 'bills'] as const) {
        const all = await fixtures.snapshot(entity);
        const expected = all.rows.filter((row) => row.shopid === shop.id).map((row) => row.id);
        const filtered = await pull(site, entity, { limit: site.maxPage, shopid: shop.id });
        const ids = filtered.rows.filter((row) => !after(row, all.next)).map((row) => row.id);
        expectEqual(`sync_${entity} ids with shopid ${shop.id}`, ids, expected);
        const none = await pull(site, entity, { limit: site.maxPage, shopid: unknown });
        expectEqual(`sync_${entity} rows with shopid ${unknown}, a shop that does not exist`, none.rows.length, 0);
      }
      for (const entity of ['shops', 'taxes'] as const) {
        const all = await fixtures.snapshot(entity);
        const page = await pull(site, entity, { limit: site.maxPage, shopid: unknown });
        expectEqual(
          `sync_${entity} ids with shopid ${unknown} (ignored)`,
          page.rows.map((row) => row.id),
          all.rows.map((row) => row.id),
        );
      }
    },
  },
];
