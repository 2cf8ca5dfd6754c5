import { syncEntities, syncEntityNames, syncPageSchema, type SyncEntity } from '../../../main/shop-api/sync-entities';
import { expectDocumentedAnswer, WRITE_FUNCTIONS } from '../answer-shapes';
import { expectThat, fail, type Check } from '../check';

/**
 * Every function answers in the shape docs/shop-api.md gives it (main/shop-api's schemas, no undeclared key).
 * The syncs are read here, in raw; the writes are held to it on every answer the other checks get (the
 * suite's client checks each one), and the last check says which write functions were seen doing so.
 */
function syncShape(entity: SyncEntity): Check {
  const fn = syncEntities[entity].fn;
  return {
    name: `sync_${entity}: answers the documented shape`,
    async run({ site }) {
      const page = expectDocumentedAnswer(fn, await site.raw(fn, { limit: 25 }), syncPageSchema(entity));
      // An empty page would check no record: the demo data has records of every entity.
      expectThat(page.rows.length > 0, `${fn} gave no rows from the start: the site should hold the demo data`);
    },
  };
}

export const syncShapeChecks: Check[] = syncEntityNames.map(syncShape);

export const writeShapeCheck: Check = {
  name: 'writes: every write function answered in its documented shape',
  async run({ site }) {
    const problems: string[] = [];
    for (const fn of WRITE_FUNCTIONS) {
      const answers = site.answers.of(fn);
      if (answers.length === 0) problems.push(`${fn} never answered (not called by the checks that ran)`);
      const invalid = answers.filter((a) => !a.valid).length;
      if (invalid > 0) problems.push(`${fn}: ${invalid} of ${answers.length} answers not in the documented shape`);
    }
    if (problems.length > 0) fail(problems.join('; '));
  },
};
