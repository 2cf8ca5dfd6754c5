import type { WsValue } from '../../../main/moodle/encode-params';
import { fail, type Check } from '../check';
import { customerInput } from '../fixtures';
import { expectRefusal, MISSING_RECORD, NEVER_AN_ID } from '../moodle-errors';

/**
 * A write naming a record that never existed (docs/shop-api.md, "Protocol" and "Error codes"):
 * dml_missing_record_exception, `invalidrecordunknown` with debugging off, `invalidrecord` on Moodle 4.5.
 * A record that existed and was deleted is `gone` instead (the versions checks). record_production has its
 * own check.
 */
export const missingRecordCheck: Check = {
  name: `writes: a record that never existed is ${MISSING_RECORD.join(' or ')}`,
  async run({ site, fixtures }) {
    const catalog = await fixtures.catalog();
    const item = await fixtures.itemInput();
    const customer = (await fixtures.snapshot('customers')).rows[0];
    if (!customer) fail('no customer on the site: the demo data has hundreds');
    const id = NEVER_AN_ID;
    const mutation = () => site.mutationId();
    const calls: [string, Record<string, WsValue>][] = [
      [
        'local_shopbackoffice_save_catalog',
        {
          clientmutationid: mutation(),
          baseversion: 1,
          catalog: { id, name: 'Never', description: '', salesconditions: '', groupid: 0, countryrestrictions: '', billfooter: '' },
        },
      ],
      ['local_shopbackoffice_delete_catalog', { clientmutationid: mutation(), id, baseversion: 1 }],
      [
        'local_shopbackoffice_save_category',
        {
          clientmutationid: mutation(),
          baseversion: 1,
          category: { id, catalogid: catalog.id, parentid: 0, name: 'Never', description: '', sortorder: 1, visible: 1, seoalias: '' },
        },
      ],
      ['local_shopbackoffice_delete_category', { clientmutationid: mutation(), id, baseversion: 1 }],
      [
        'local_shopbackoffice_save_catalogitem',
        { clientmutationid: mutation(), baseversion: 1, item: { ...item, id, prices: item.prices.map((tier) => ({ ...tier })) } },
      ],
      ['local_shopbackoffice_delete_catalogitem', { clientmutationid: mutation(), id, baseversion: 1 }],
      [
        'local_shopbackoffice_update_customer',
        { clientmutationid: mutation(), baseversion: 1, customer: { ...customerInput(customer), id } },
      ],
      [
        'local_shopbackoffice_transition_bill',
        { clientmutationid: mutation(), billid: id, fromstatus: 'PENDING', tostatus: 'SOLDOUT', note: '' },
      ],
      [
        'local_shopbackoffice_record_payment',
        {
          clientmutationid: mutation(),
          billid: id,
          payment: { amountcents: 1, currency: 'EUR', paymode: 'check', paidon: 0, reference: '' },
        },
      ],
      ['local_shopbackoffice_set_bill_lettering', { clientmutationid: mutation(), billid: id, idnumber: '' }],
    ];
    for (const [fn, params] of calls) expectRefusal(`${fn} on record ${id}`, await site.raw(fn, params), MISSING_RECORD);
  },
};
