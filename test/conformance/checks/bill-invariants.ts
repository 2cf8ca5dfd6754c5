import type { BillRecord } from '../../../main/shop-api/records';
import { fail, type Check } from '../check';

/**
 * The invariants the server keeps on every bill (docs/shop-api.md, "Records", Bill), on every bill of the
 * seeded site and on every bill the run changed. The back-office computes nothing from a bill's lines that
 * the bill already states; these are what let it trust both.
 */
const total = (values: number[]) => values.reduce((a, b) => a + b, 0);

const RULES: [string, (bill: BillRecord) => [number, number]][] = [
  ['amountcents = untaxedcents + taxcents', (b) => [b.amountcents, b.untaxedcents + b.taxcents]],
  ["untaxedcents = the sum of the lines' totalcents", (b) => [b.untaxedcents, total(b.items.map((i) => i.totalcents))]],
  ["taxcents = the sum of the lines' taxcents", (b) => [b.taxcents, total(b.items.map((i) => i.taxcents))]],
  ['paidcents = the sum of the payments', (b) => [b.paidcents, total(b.payments.map((p) => p.amountcents))]],
  ['discountcents = untaxeddiscountcents + discounttaxcents', (b) => [b.discountcents, b.untaxeddiscountcents + b.discounttaxcents]],
  [
    'shippingcents = the untaxed total of the SHIPPING lines',
    (b) => [b.shippingcents, total(b.items.filter((i) => i.type === 'SHIPPING').map((i) => i.totalcents))],
  ],
];

function expectInvariants(where: string, bills: readonly BillRecord[]): void {
  const broken: string[] = [];
  for (const bill of bills) {
    for (const [rule, sides] of RULES) {
      const [stated, computed] = sides(bill);
      if (stated !== computed) broken.push(`bill ${bill.id}: ${rule}, but ${stated} against ${computed}`);
    }
  }
  if (broken.length > 0) fail(`${broken.length} broken on ${where}: ${broken.slice(0, 4).join('; ')}`);
}

export const billInvariantCheck: Check = {
  name: 'bills: amountcents = untaxedcents + taxcents, paidcents = the sum of the payments, and the other totals, on every bill',
  async run({ fixtures }) {
    const seeded = (await fixtures.snapshot('bills')).rows;
    if (seeded.length === 0) fail('sync_bills gave no bill: the site should hold the demo data');
    expectInvariants('the bills of a full pull', seeded);
    return async () => expectInvariants('the bills the run changed', (await fixtures.changesSinceSnapshot('bills')).rows);
  },
};
