import { describe, expect, it } from 'vitest';
import { billColumns } from '../../../../shared/contract/bills';
import { defaultBillColumnPrefs } from './bill-columns';
import { initialExportColumns } from './export-columns';

describe('initialExportColumns', () => {
  it('ticks the untaxed and tax amounts even where the table hides them, and what the table shows', () => {
    const prefs = defaultBillColumnPrefs;
    expect(prefs.hidden).toEqual(expect.arrayContaining(['untaxedcents', 'taxcents']));
    const ticked = initialExportColumns(billColumns, prefs.hidden);
    expect(ticked.has('untaxedcents')).toBe(true);
    expect(ticked.has('taxcents')).toBe(true);
    expect(ticked.has('amountcents')).toBe(true);
    // Other hidden columns stay unticked.
    expect(ticked.has('transactionid')).toBe(false);
    expect(ticked.has('currency')).toBe(false);
  });
});
