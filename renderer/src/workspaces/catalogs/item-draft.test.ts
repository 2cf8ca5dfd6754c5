import { describe, expect, it } from 'vitest';
import type { ItemDraftInput } from '../../../../shared/contract/catalogs';
import { formOf, toDraft } from './item-draft';

const item: ItemDraftInput = {
  id: 7,
  catalogid: 1,
  categoryid: 2,
  code: 'EXCEL-BASE',
  shortname: 'excel-base',
  name: 'Excel',
  idnumber: '',
  description: '',
  notes: '',
  eula: '',
  prices: [
    { fromquantity: 1, unitcents: 29000 },
    { fromquantity: 5, unitcents: 26050 },
  ],
  taxcode: 1,
  stock: 0,
  status: 'AVAILABLE',
  maxdeliveryquant: 0,
  onlyforloggedin: 0,
  seatmode: 0,
  renewable: 0,
  type: 'plain',
  setid: 0,
  requireddata: '',
  enablehandler: 'std_enrolonecourse',
  // Not in the form's order: kept as it is while nobody touches the parameters.
  handlerparams: 'role=student&coursename=EXCEL-BASE&endtime=+180D',
};

describe('the item form', () => {
  it('gives back the item unchanged when nothing was touched, in either locale', () => {
    for (const locale of ['fr-FR', 'en-GB']) expect(toDraft(formOf(item, locale))).toEqual({ item, unreadable: [] });
  });

  it('reads typed prices into cents and re-encodes changed parameters in the form’s order', () => {
    const form = formOf(item, 'fr-FR');
    const next = toDraft({ ...form, tiers: [{ fromquantity: '1', price: '1 234,5' }], params: { ...form.params, groupname: 'Session A' } });
    expect(next.item.prices).toEqual([{ fromquantity: 1, unitcents: 123450 }]);
    expect(next.item.handlerparams).toBe('coursename=EXCEL-BASE&role=student&endtime=+180D&groupname=Session A');
  });

  it('reports a price or quantity it cannot read, on its tier', () => {
    const form = formOf(item, 'en-GB');
    const next = toDraft({ ...form, tiers: [{ fromquantity: 'one', price: 'abc' }] });
    expect(next.unreadable.map((u) => u.field)).toEqual(['prices.0.fromquantity', 'prices.0.unitcents']);
  });
});
