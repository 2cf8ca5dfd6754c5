import { expectEqual, expectThat, fail, type Check } from '../check';

/**
 * Deletions (docs/shop-api.md, "Incremental reads"): a deleted record comes in `deleted` after the cursor,
 * from its tombstone, and no longer in `rows`. An item, its category and its catalog are deleted in turn, so
 * the three entities' tombstones are seen.
 */
export const cursorDeletionCheck: Check = {
  name: 'cursor: deleted records come in deleted after the cursor, never in rows',
  async run({ site, fixtures }) {
    const { catalog, category, item } = await fixtures.createCatalogTree('deletions');
    const api = site.api;
    const deletes = [
      { entity: 'catalogitems', record: item, answer: await api.deleteCatalogItem(site.mutationId(), item.id, item.version) },
      { entity: 'categories', record: category, answer: await api.deleteCategory(site.mutationId(), category.id, category.version) },
      { entity: 'catalogs', record: catalog, answer: await api.deleteCatalog(site.mutationId(), catalog.id, catalog.version) },
    ] as const;
    for (const { entity, record, answer } of deletes) {
      expectEqual(`deleting ${entity} ${record.id}`, answer, {
        status: 'applied',
        replayed: 0,
        id: record.id,
        version: record.version + 1,
      });
    }
    // Ids are never reused, so a row and a tombstone never share one: the next item gets a new id.
    const next = await fixtures.createItem();
    expectThat(next.id !== item.id, `the item created after deleting item ${item.id} got its id again`);

    return async () => {
      for (const { entity, record } of deletes) {
        const changes = await fixtures.changesSinceSnapshot(entity);
        expectThat(!changes.rows.some((row) => row.id === record.id), `sync_${entity} still sends ${record.id} in rows after its delete`);
        const tombstone = changes.deleted.find((gone) => gone.id === record.id);
        if (!tombstone) fail(`sync_${entity} does not send ${record.id} in deleted after its delete`);
        expectThat(
          tombstone.timemodified >= record.timemodified,
          `the deletion of ${entity} ${record.id} is dated ${tombstone.timemodified}, before its creation at ${record.timemodified}`,
        );
      }
    };
  },
};
