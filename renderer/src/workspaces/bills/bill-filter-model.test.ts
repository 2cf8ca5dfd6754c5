import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart } from '../../dates/day-input';
import {
  activeFilterCount,
  billFilter,
  columnFiltersOf,
  emptyFilterForm,
  filterKey,
  filterOfForm,
  withoutStatus,
} from './bill-filter-model';

describe('bill filter model', () => {
  it('turns the panel into the contract filter, amounts in cents', () => {
    const { filter, errors } = filterOfForm({
      ...emptyFilterForm,
      from: '2026-01-01',
      to: '2026-01-31',
      paymode: 'transfer',
      minAmount: '1 250,50',
      maxAmount: '2000',
      lettered: 'no',
      customer: { id: 42, label: 'Ada Lovelace' },
      productCode: ' SESS-01 ',
    });
    expect(errors).toEqual({});
    expect(filter).toEqual({
      from: dayStart('2026-01-01'),
      to: dayEnd('2026-01-31'),
      paymode: 'transfer',
      minCents: 125050,
      maxCents: 200000,
      lettered: false,
      customerId: 42,
      productCode: 'SESS-01',
    });
  });

  it('leaves out what is wrong and says why', () => {
    const { filter, errors } = filterOfForm({
      ...emptyFilterForm,
      minAmount: '12,345',
      maxAmount: 'abc',
      from: '2026-02-10',
      to: '2026-02-01',
    });
    expect(errors).toEqual({ minAmount: 'ambiguous', maxAmount: 'invalid', to: 'order' });
    expect(filter).toEqual({});
    expect(filterOfForm({ ...emptyFilterForm, minAmount: '30', maxAmount: '20' }).errors).toEqual({ maxAmount: 'order' });
  });

  it('adds the status tab and the search, and takes the status out for the counts', () => {
    const filter = billFilter({ paymode: 'check' }, 'PENDING', '  dupont ');
    expect(filter).toEqual({ paymode: 'check', status: 'PENDING', search: 'dupont' });
    expect(withoutStatus(filter)).toEqual({ paymode: 'check', search: 'dupont' });
    expect(billFilter({}, null, '   ')).toEqual({});
  });

  it('counts the panel filters set', () => {
    expect(activeFilterCount(emptyFilterForm)).toBe(0);
    expect(activeFilterCount({ ...emptyFilterForm, from: '2026-01-01', to: '2026-01-02', lettered: 'yes' })).toBe(2);
  });

  it('marks the filtered columns, and keys filters whatever their order', () => {
    expect(columnFiltersOf({ status: 'SOLDOUT', minCents: 5, lettered: true }).map((entry) => entry.id)).toEqual([
      'status',
      'amountcents',
      'idnumber',
    ]);
    expect(filterKey({ paymode: 'check', status: 'PENDING' })).toBe(filterKey({ status: 'PENDING', paymode: 'check' }));
  });
});
