import { expectEqual, fail, type Check } from '../check';
import { customerInput } from '../fixtures';
import { checkPage, pull, type SyncRow } from '../pull';

/**
 * A write that lands while a client is between two pages (docs/shop-api.md, "Ordering and the cursor"): the
 * record leaves its old place, ahead of the cursor, for a newer one, so the client receives it exactly once,
 * in its new version, whether the pull ends before the write settles or after.
 */
const LIMIT = 7;

export const cursorConcurrentWriteCheck: Check = {
  name: 'cursor: a record changed between two pages is received once, in its new version',
  async run({ site, fixtures }) {
    const order = (await fixtures.snapshot('customers')).rows.map((row) => row.id);
    // One the pull has not reached after its first page: from the second half of the order.
    const target = await fixtures.takeCustomer((c) => order.indexOf(c.id) >= order.length / 2);
    const origin = { timemodified: 0, id: 0 };
    const first = await site.api.syncPage('customers', origin, LIMIT);
    checkPage(site, 'sync_customers first page', first, origin, LIMIT, true);
    if (first.rows.some((row) => row.id === target.id))
      fail(`customer ${target.id} came on the first page: cannot write behind the cursor`);

    const update = await site.api.updateCustomer(site.mutationId(), target.version, customerInput(target));
    expectEqual(`updating customer ${target.id}`, [update.status, update.version], ['applied', target.version + 1]);
    const rest = await pull(site, 'customers', { limit: LIMIT, since: first.next });

    return async () => {
      const late = await pull(site, 'customers', { limit: LIMIT, since: rest.next });
      const received = [...(first.rows as SyncRow<'customers'>[]), ...rest.rows, ...late.rows].filter((row) => row.id === target.id);
      expectEqual(
        `versions of customer ${target.id} received over the pull and the one after it`,
        received.map((row) => row.version),
        [update.version],
      );
    };
  },
};
