import type { Migration } from '../migration';

/**
 * The dashboard's reads (main/dashboard/): every figure is a sum over an index range, never a walk through
 * a million bills. `bill_dashboard` answers the invoices of a currency between two dates, per shop, with their
 * untaxed amount and customer, without reading a bill row; `bill_payment_paidon` the payments between two
 * dates; `bill_stage` the bills waiting at a stage in a currency; `bill_item_dashboard` an invoice's lines by product
 * and catalog. The first sync builds them at its end
 * (main/sync/bulk-load.ts READ_INDEXES).
 */
export const migration0150: Migration = {
  version: 150,
  name: 'dashboard indexes',
  sql: `
    CREATE INDEX bill_dashboard ON bill (currency, emissiondate, shopid, idnumber, untaxedcents, customerid);
    CREATE INDEX bill_payment_paidon ON bill_payment (paidon, billid, amountcents);
    CREATE INDEX bill_stage ON bill (status, currency, shopid, amountcents);
    CREATE INDEX bill_item_dashboard ON bill_item (billid, type, itemcode, catalogitemid, totalcents);
  `,
};
