import type { SyncCursor } from '../../../main/shop-api/sync-entities';
import { expectEqual, expectThat, fail, type Check } from '../check';
import { firstDifferentChange, pull } from '../pull';

/**
 * Ties on timemodified (docs/shop-api.md, "Ordering and the cursor"): records written in the same second are
 * ordered by id, so none is skipped or repeated whatever the page size, even when a page ends inside a tie.
 * The suite makes its ties the way they happen on a site: a burst of writes.
 */
const BURST = 12;
const PAGE_SIZES = [1, 2, 3, 5, 7];

export const cursorTieCheck: Check = {
  name: 'cursor: records sharing a timemodified are neither skipped nor repeated, at any page size',
  async run({ site, fixtures }) {
    const before: SyncCursor = (await fixtures.snapshot('catalogitems')).next;
    const inputs = [];
    for (let i = 0; i < BURST; i += 1) inputs.push(await fixtures.itemInput());
    // Sent together: the client keeps a few in flight, so several land in the same second.
    const answers = await Promise.all(inputs.map((input) => site.api.saveCatalogItem(site.mutationId(), 0, input)));
    const created = answers.map((answer) => {
      if (answer.status !== 'applied' || !answer.current) fail(`creating an item of the burst answered ${answer.status}`);
      fixtures.itemCreated(answer.id, answer.version);
      return answer.current;
    });
    const bySecond = new Map<number, number[]>();
    for (const item of created) bySecond.set(item.timemodified, [...(bySecond.get(item.timemodified) ?? []), item.id]);
    const tie = [...bySecond.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    if (!tie || tie[1].length < 2) {
      fail(`no two of ${BURST} items written in a burst share a timemodified (${[...bySecond.keys()].join(', ')}): no tie to page through`);
    }
    const [tieTime, tieIds] = [tie[0], [...tie[1]].sort((a, b) => a - b)];
    const ids = new Set(created.map((item) => item.id));

    return async () => {
      const reference = await pull(site, 'catalogitems', { limit: site.maxPage, since: before });
      const got = reference.rows.filter((row) => ids.has(row.id)).map((row) => row.id);
      expectEqual(
        `the burst's items in pages of ${site.maxPage}`,
        [...got].sort((a, b) => a - b),
        [...ids].sort((a, b) => a - b),
      );
      for (const limit of PAGE_SIZES) {
        const paged = await pull(site, 'catalogitems', { limit, since: before });
        const difference = firstDifferentChange(paged.changes, reference.changes);
        if (difference) fail(`the changes after the snapshot in pages of ${limit} against pages of ${site.maxPage}, ${difference}`);
      }
      // A cursor inside the tie: the rest of the tie follows, none of it before the cursor comes again.
      const cursor = { timemodified: tieTime, id: tieIds[0] as number };
      const rest = await pull(site, 'catalogitems', { limit: 2, since: cursor });
      const tied = rest.rows.filter((row) => row.timemodified === tieTime).map((row) => row.id);
      const expected = reference.rows.filter((row) => row.timemodified === tieTime && row.id > cursor.id).map((row) => row.id);
      expectEqual(`rows at ${tieTime} after a cursor on the tie's first id ${cursor.id}`, tied, expected);
      expectThat(
        tieIds.slice(1).every((id) => tied.includes(id)),
        `the tie ${tieIds.join(', ')} at ${tieTime} lost ids after a cursor on ${cursor.id}: got ${tied.join(', ')}`,
      );
    };
  },
};
