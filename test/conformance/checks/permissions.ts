import type { WsValue } from '../../../main/moodle/encode-params';
import { ALL_FUNCTIONS, GET_SITE } from '../answer-shapes';
import { CheckSkipped, fail, type Check } from '../check';
import { customerInput } from '../fixtures';
import { expectRefusal } from '../moodle-errors';

/**
 * local/shopbackoffice:use (docs/shop-api.md, "Capabilities"): a token whose user lacks it is refused with
 * `nopermissions` by every function. Moodle validates parameters before the function runs, so each call is
 * sent with valid ones: the refusal must come from the capability, not from the form. The API cannot make
 * such a token; it is given to the suite (--token-without-capability).
 */
export const permissionCheck: Check = {
  name: 'capability: a token without local/shopbackoffice:use is refused by every function with nopermissions',
  async run({ site, fixtures }) {
    if (!site.hasTokenWithoutCapability)
      throw new CheckSkipped('needs --token-without-capability <token of a user without local/shopbackoffice:use>');
    const bills = (await fixtures.snapshot('bills')).rows;
    // A COMPLETE bill, and a transition from another status: were the capability not checked, every write
    // below would still be refused (billnotpayable, conflict...) rather than change the demo data.
    const bill = bills.find((b) => b.status === 'COMPLETE' && b.items.length > 0);
    const customer = (await fixtures.snapshot('customers')).rows[0];
    if (!bill || !customer) fail('no bill or customer on the site: the demo data has hundreds');
    const item = await fixtures.itemInput();
    const line = bill.items[0] as (typeof bill.items)[number];
    const m = () => site.mutationId();
    const writes: Record<string, Record<string, WsValue>> = {
      local_shopbackoffice_save_catalog: {
        clientmutationid: m(),
        baseversion: 0,
        catalog: { id: 0, name: 'Refused', description: '', salesconditions: '', groupid: 0, countryrestrictions: '', billfooter: '' },
      },
      local_shopbackoffice_delete_catalog: { clientmutationid: m(), id: item.catalogid, baseversion: 1 },
      local_shopbackoffice_save_category: {
        clientmutationid: m(),
        baseversion: 0,
        category: {
          id: 0,
          catalogid: item.catalogid,
          parentid: 0,
          name: 'Refused',
          description: '',
          sortorder: 1,
          visible: 1,
          seoalias: '',
        },
      },
      local_shopbackoffice_delete_category: { clientmutationid: m(), id: item.categoryid, baseversion: 1 },
      local_shopbackoffice_save_catalogitem: {
        clientmutationid: m(),
        baseversion: 0,
        item: { ...item, prices: item.prices.map((p) => ({ ...p })) },
      },
      local_shopbackoffice_delete_catalogitem: { clientmutationid: m(), id: line.catalogitemid, baseversion: 1 },
      local_shopbackoffice_update_customer: {
        clientmutationid: m(),
        baseversion: customer.version,
        customer: { ...customerInput(customer) },
      },
      local_shopbackoffice_transition_bill: {
        clientmutationid: m(),
        billid: bill.id,
        fromstatus: 'PENDING',
        tostatus: 'CANCELLED',
        note: '',
      },
      local_shopbackoffice_record_payment: {
        clientmutationid: m(),
        billid: bill.id,
        payment: { amountcents: 1, currency: bill.currency, paymode: 'check', paidon: bill.emissiondate, reference: '' },
      },
      local_shopbackoffice_set_bill_lettering: { clientmutationid: m(), billid: bill.id, idnumber: bill.idnumber },
      local_shopbackoffice_record_production: {
        clientmutationid: m(),
        billid: bill.id,
        billitemid: line.id,
        products: [],
        events: [],
        feedback: '',
      },
    };
    for (const fn of ALL_FUNCTIONS) {
      const params = writes[fn] ?? (fn === GET_SITE ? {} : { limit: 1 });
      expectRefusal(`${fn} with a token without the capability`, await site.raw(fn, params, { withoutCapability: true }), 'nopermissions');
    }
  },
};
