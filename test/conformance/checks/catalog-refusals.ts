import type { CategoryRecord } from '../../../main/shop-api/records';
import { expectThat, fail, type Check } from '../check';
import { customerInput, type Fixtures, type ItemInput } from '../fixtures';
import { expectRefusal } from '../moodle-errors';
import type { SiteUnderTest } from '../site-under-test';

/**
 * The refusals of the catalog and customer writes (docs/shop-api.md, "Error codes"), each with its code in
 * the documented shape, and nothing written: no record made, none changed, none deleted.
 */
function rawItem(site: SiteUnderTest, input: ItemInput, baseversion = 0) {
  return site.raw('local_shopbackoffice_save_catalogitem', {
    clientmutationid: site.mutationId(),
    baseversion,
    item: { ...input, prices: input.prices.map((tier) => ({ ...tier })) },
  });
}

function rawCategory(site: SiteUnderTest, category: Omit<CategoryRecord, 'version' | 'timemodified'>, baseversion: number) {
  return site.raw('local_shopbackoffice_save_category', { clientmutationid: site.mutationId(), baseversion, category: { ...category } });
}

/** Once settled: no item has one of these codes but those named (the refused creations made nothing). */
async function expectNoItems(fixtures: Fixtures, codes: string[], existing: number[]): Promise<void> {
  const made = (await fixtures.changesSinceSnapshot('catalogitems')).rows.filter(
    (row) => codes.includes(row.code) && !existing.includes(row.id),
  );
  if (made.length > 0) fail(`refused creations made items anyway: ${made.map((row) => `${row.id} (${row.code})`).join(', ')}`);
}

/** Once settled: the record is served as the check last knew it, not deleted (a refused delete). */
async function expectStillThere(fixtures: Fixtures, entity: 'catalogs' | 'categories' | 'catalogitems', id: number): Promise<void> {
  const changes = await fixtures.changesSinceSnapshot(entity);
  expectThat(!changes.deleted.some((gone) => gone.id === id), `sync_${entity} sends ${id} as deleted after a refused delete`);
}

/**
 * A refused item creation per case: `cases` gives what is wrong and the input with it, and the items that
 * may hold its code (the one whose code is taken).
 */
type ItemCase = [what: string, input: ItemInput, existing?: number];

function itemRefusal(name: string, errorcode: string, cases: (fixtures: Fixtures) => Promise<ItemCase[]>): Check {
  return {
    name,
    async run({ site, fixtures }) {
      const inputs = await cases(fixtures);
      for (const [what, input] of inputs) expectRefusal(`creating an item with ${what}`, await rawItem(site, input), errorcode);
      const existing = inputs.flatMap(([, , id]) => (id === undefined ? [] : [id]));
      return () =>
        expectNoItems(
          fixtures,
          inputs.map(([, input]) => input.code),
          existing,
        );
    },
  };
}

export const catalogRefusalChecks: Check[] = [
  {
    name: 'save_catalog: a groupid naming a catalog that is not a master is invalidmastercatalog',
    async run({ site, fixtures }) {
      const standalone = await fixtures.catalog();
      const name = `Conformance ${site.runId} slave of a standalone`;
      const answer = await site.raw('local_shopbackoffice_save_catalog', {
        clientmutationid: site.mutationId(),
        baseversion: 0,
        catalog: { id: 0, name, description: '', salesconditions: '', groupid: standalone.id, countryrestrictions: '', billfooter: '' },
      });
      expectRefusal(`creating a slave of the standalone catalog ${standalone.id}`, answer, 'invalidmastercatalog');
      return async () => {
        const made = (await fixtures.changesSinceSnapshot('catalogs')).rows.filter((row) => row.name === name);
        expectThat(made.length === 0, `the refused creation made catalog ${made.map((row) => row.id).join(', ')} anyway`);
      };
    },
  },
  {
    name: 'delete_catalog: a catalog with categories and items is catalognotempty',
    async run({ site, fixtures }) {
      const { catalog } = await fixtures.createCatalogTree('not empty');
      const answer = await site.raw('local_shopbackoffice_delete_catalog', {
        clientmutationid: site.mutationId(),
        id: catalog.id,
        baseversion: catalog.version,
      });
      expectRefusal(`deleting catalog ${catalog.id}, which has a category and an item`, answer, 'catalognotempty');
      return () => expectStillThere(fixtures, 'catalogs', catalog.id);
    },
  },
  {
    name: 'save_category: a parent in another catalog, itself or below itself is invalidparent',
    async run({ site, fixtures }) {
      const catalog = await fixtures.catalog();
      const make = async (name: string, parentid: number) => {
        const answer = await site.api.saveCategory(site.mutationId(), 0, {
          id: 0,
          catalogid: catalog.id,
          parentid,
          name,
          description: '',
          sortorder: 1,
          visible: 1,
          seoalias: '',
        });
        if (answer.status !== 'applied' || !answer.current) fail(`creating category ${name} answered ${answer.status}`);
        fixtures.categoryCreated(answer.id, answer.version);
        return answer.current;
      };
      const parent = await make('parent', 0);
      const child = await make('child', parent.id);
      const foreign = (await fixtures.snapshot('categories')).rows.find((row) => row.catalogid !== catalog.id);
      if (!foreign) fail('no category of another catalog on the site: the demo data has some');
      const { version: _version, timemodified: _time, ...editable } = parent;
      const cases: [string, number][] = [
        [`under its own child ${child.id}`, child.id],
        ['under itself', parent.id],
        [`under category ${foreign.id} of catalog ${foreign.catalogid}`, foreign.id],
      ];
      for (const [what, parentid] of cases) {
        expectRefusal(
          `moving category ${parent.id} ${what}`,
          await rawCategory(site, { ...editable, parentid }, parent.version),
          'invalidparent',
        );
      }
      return async () => {
        const served = await fixtures.settled('categories', parent.id);
        expectThat(served?.parentid === 0, `category ${parent.id} is served under ${served?.parentid} after refused moves`);
      };
    },
  },
  {
    name: 'delete_category: a category with items is categorynotempty',
    async run({ site, fixtures }) {
      const { category } = await fixtures.createCatalogTree('category not empty');
      const answer = await site.raw('local_shopbackoffice_delete_category', {
        clientmutationid: site.mutationId(),
        id: category.id,
        baseversion: category.version,
      });
      expectRefusal(`deleting category ${category.id}, which has an item`, answer, 'categorynotempty');
      return () => expectStillThere(fixtures, 'categories', category.id);
    },
  },
  itemRefusal('save_catalogitem: a code another item of the catalog has is codetaken', 'codetaken', async (fixtures) => {
    const taken = await fixtures.createItem();
    return [[`code ${taken.code}, item ${taken.id}'s`, await fixtures.itemInput({ code: taken.code }), taken.id]];
  }),
  itemRefusal(
    'save_catalogitem: price tiers that are not 1 to 5 tiers rising from quantity 1 are invalidpricetiers',
    'invalidpricetiers',
    async (f) => [
      ['a first tier from quantity 2', await f.itemInput({ prices: [{ fromquantity: 2, unitcents: 100 }] })],
      [
        'quantities not strictly increasing',
        await f.itemInput({
          prices: [
            { fromquantity: 1, unitcents: 100 },
            { fromquantity: 1, unitcents: 90 },
          ],
        }),
      ],
      ['a negative price', await f.itemInput({ prices: [{ fromquantity: 1, unitcents: -1 }] })],
      ['six tiers', await f.itemInput({ prices: Array.from({ length: 6 }, (_, i) => ({ fromquantity: i + 1, unitcents: 100 })) })],
    ],
  ),
  itemRefusal(
    'save_catalogitem: requireddata that is not a JSON array of field descriptions is invalidrequireddata',
    'invalidrequireddata',
    async (f) => [
      ['a JSON object', await f.itemInput({ requireddata: '{"field":"company"}' })],
      ['text that is not JSON', await f.itemInput({ requireddata: 'company' })],
    ],
  ),
  itemRefusal('save_catalogitem: a handler the site does not have is unknownhandler', 'unknownhandler', async (f) => [
    ['handler std_conformance_nosuchhandler', await f.itemInput({ enablehandler: 'std_conformance_nosuchhandler' })],
  ]),
  itemRefusal('save_catalogitem: a setid that is not a set or bundle of the catalog is invalidsetid', 'invalidsetid', async (f) => {
    const plain = await f.createItem();
    const foreign = (await f.snapshot('catalogitems')).rows.find((row) => row.type !== 'plain' && row.catalogid !== plain.catalogid);
    if (!foreign) fail('no set or bundle on the site: the demo catalog has some');
    return [
      [`setid ${plain.id}, a plain item`, await f.itemInput({ setid: plain.id })],
      [`setid ${foreign.id}, a ${foreign.type} of catalog ${foreign.catalogid}`, await f.itemInput({ setid: foreign.id })],
    ];
  }),
  {
    name: 'delete_catalogitem: an item bills refer to is itemsold',
    async run({ site, fixtures }) {
      const sold = new Set((await fixtures.snapshot('bills')).rows.flatMap((bill) => bill.items.map((line) => line.catalogitemid)));
      const item = (await fixtures.snapshot('catalogitems')).rows.find((row) => sold.has(row.id));
      if (!item) fail('no catalog item that bills refer to: the demo bills sell catalog items');
      const answer = await site.raw('local_shopbackoffice_delete_catalogitem', {
        clientmutationid: site.mutationId(),
        id: item.id,
        baseversion: item.version,
      });
      expectRefusal(`deleting item ${item.id}, which bills refer to`, answer, 'itemsold');
      return () => expectStillThere(fixtures, 'catalogitems', item.id);
    },
  },
  {
    name: 'update_customer: a malformed email is invalidemail, and writes nothing',
    async run({ site, fixtures }) {
      const customer = await fixtures.takeCustomer();
      const answer = await site.raw('local_shopbackoffice_update_customer', {
        clientmutationid: site.mutationId(),
        baseversion: customer.version,
        customer: { ...customerInput(customer), email: 'not an email' },
      });
      expectRefusal(`updating customer ${customer.id} with the email "not an email"`, answer, 'invalidemail');
      return async () => {
        const served = await fixtures.settled('customers', customer.id);
        expectThat(served === undefined, `customer ${customer.id} changed (version ${served?.version}) though its update was refused`);
      };
    },
  },
];
