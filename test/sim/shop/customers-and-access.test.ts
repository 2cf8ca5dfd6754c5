import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncEntities } from '../../../main/shop-api/sync-entities';
import { createUser } from '../lib/users';
import { customerFixture, editable, seedSmallShop } from './fixtures';
import { countRows, errorCode, mutationId, NOW, startShopSite, type ShopTestSite } from './shop-site';

/** local_shopbackoffice_update_customer, the capability, mutation ids across faults, and the admin service. */

let site: ShopTestSite;
beforeEach(async () => {
  site = await startShopSite();
  seedSmallShop(site.sim);
});
afterEach(async () => {
  await site.close();
});

const customerInput = (overrides: Parameters<typeof customerFixture>[0] = {}) => {
  const { shopid: _shop, hasaccount: _account, timecreated: _created, ...rest } = editable(customerFixture(overrides));
  return rest;
};

describe('local_shopbackoffice_update_customer', () => {
  it('applies once, conflicts after a change on the site, refuses a bad email, and reports gone', async () => {
    const { api, sim } = site;
    const id = mutationId();
    const moved = await api.updateCustomer(id, 1, customerInput({ city: 'Lyon', zip: '69001' }));
    expect(moved).toMatchObject({
      status: 'applied',
      replayed: 0,
      id: 1,
      version: 2,
      current: { city: 'Lyon', shopid: 1, timemodified: NOW },
    });
    expect(await api.updateCustomer(id, 1, customerInput({ city: 'Lyon', zip: '69001' }))).toEqual({ ...moved, replayed: 1 });
    expect(sim.shop.read('customers', 1)?.version).toBe(2);

    sim.shop.touch('customers', 1, { organisation: 'Analytical Engines Ltd' });
    const stale = await api.updateCustomer(mutationId(), 2, customerInput({ city: 'Nice' }));
    expect(stale).toMatchObject({ status: 'conflict', version: 3, current: { city: 'Lyon', organisation: 'Analytical Engines Ltd' } });
    expect(await errorCode(api.updateCustomer(mutationId(), 3, customerInput({ email: 'ada@' })))).toBe('invalidemail');

    sim.shop.remove('customers', 1);
    expect(await api.updateCustomer(mutationId(), 3, customerInput())).toEqual({ status: 'gone', replayed: 0, id: 1, version: 0 });
    expect(await errorCode(api.updateCustomer(mutationId(), 3, customerInput({ id: 77 })))).toBe('invalidrecordunknown');
  });
});

describe('client mutation ids', () => {
  it('apply a write once when its answer was lost and the client sent it again', async () => {
    const { api, sim } = site;
    // The write runs, its answer is cut in half; the client retries the same mutation and gets the first answer.
    sim.injectFault('local_shopbackoffice_update_customer', { kind: 'truncated-json' }, 1);
    const answer = await api.updateCustomer(mutationId(), 1, customerInput({ city: 'Lille' }));
    expect(answer).toMatchObject({ status: 'applied', replayed: 1, version: 2, current: { city: 'Lille' } });
    expect(sim.requests.filter((r) => r.wsfunction === 'local_shopbackoffice_update_customer')).toHaveLength(2);
    expect(sim.shop.read('customers', 1)?.version).toBe(2);
    expect(countRows(sim, 'local_shop_mutation')).toBe(1);
  });

  it('must have 8 to 64 characters and belong to one function', async () => {
    const { api } = site;
    expect(await errorCode(api.updateCustomer('short', 1, customerInput()))).toBe('invalidparameter');
    expect(await errorCode(api.updateCustomer('x'.repeat(65), 1, customerInput()))).toBe('invalidparameter');
    const id = mutationId();
    await api.updateCustomer(id, 1, customerInput());
    expect(await errorCode(api.setBillLettering(id, 1, 'FA-1'))).toBe('invalidparameter');
  });
});

describe('local/shopbackoffice:use', () => {
  it('is required by every read and write; given through a role, it is enough', async () => {
    const { sim, apiFor } = site;
    const userid = sim.site.transaction(() =>
      createUser(
        sim.site,
        { username: 'clerk', firstname: 'Sales', lastname: 'Clerk', email: 'clerk@example.com', confirmed: 1, mnethostid: 1 },
        null,
      ),
    );
    const clerk = apiFor(sim.addToken({ userid }));
    for (const entity of Object.keys(syncEntities) as (keyof typeof syncEntities)[]) {
      expect(await errorCode(clerk.syncPage(entity, { timemodified: 0, id: 0 }, 10)), entity).toBe('nopermissions');
    }
    expect(await errorCode(clerk.updateCustomer(mutationId(), 1, customerInput()))).toBe('nopermissions');
    expect(await errorCode(clerk.transitionBill(mutationId(), 1, 'WORKING', 'PLACED'))).toBe('nopermissions');
    expect(countRows(sim, 'local_shop_mutation')).toBe(0);

    sim.shop.grantSalesAdmin(userid);
    expect((await clerk.syncPage('customers', { timemodified: 0, id: 0 }, 10)).rows).toHaveLength(1);
    expect((await clerk.updateCustomer(mutationId(), 1, customerInput({ city: 'Rouen' }))).status).toBe('applied');
    expect((sim.db.prepare('SELECT userid FROM mdl_local_shop_mutation').get() as { userid: number }).userid).toBe(userid);
  });

  it('is named in the error, as required_capability_exception puts it', async () => {
    const userid = site.sim.site.transaction(() =>
      createUser(
        site.sim.site,
        { username: 'u2', firstname: 'U', lastname: 'Two', email: 'u2@example.com', confirmed: 1, mnethostid: 1 },
        null,
      ),
    );
    const refused = await fetch(`${site.sim.url}/webservice/rest/server.php`, {
      method: 'POST',
      body: new URLSearchParams([
        ['wstoken', site.sim.addToken({ userid })],
        ['wsfunction', 'local_shopbackoffice_sync_bills'],
        ['moodlewsrestformat', 'json'],
      ]),
    });
    expect(await refused.json()).toEqual({
      exception: 'core\\exception\\required_capability_exception',
      errorcode: 'nopermissions',
      message: 'Sorry, but you do not currently have permissions to do that (Use the shop back-office web services).',
    });
  });
});

describe("the admin token's service", () => {
  it('holds every core and shop function', async () => {
    const info = await site.client.call<{ functions: { name: string }[] }>('core_webservice_get_site_info');
    const names = info.functions.map((f) => f.name);
    const shop = [
      ...Object.values(syncEntities).map((e) => e.fn),
      'local_shopbackoffice_save_catalog',
      'local_shopbackoffice_delete_catalog',
      'local_shopbackoffice_save_category',
      'local_shopbackoffice_delete_category',
      'local_shopbackoffice_save_catalogitem',
      'local_shopbackoffice_delete_catalogitem',
      'local_shopbackoffice_update_customer',
      'local_shopbackoffice_transition_bill',
      'local_shopbackoffice_record_payment',
      'local_shopbackoffice_set_bill_lettering',
      'local_shopbackoffice_record_production',
      'local_shop_get_shop',
    ];
    expect(names).toEqual(expect.arrayContaining([...shop, 'core_user_get_users', 'enrol_manual_enrol_users']));
  });
});
