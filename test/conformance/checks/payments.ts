import type { BillRecord } from '../../../main/shop-api/records';
import type { BillStatus } from '../../../shared/bills/bill-status';
import { expectEqual, expectThat, fail, type Check } from '../check';
import type { Fixtures } from '../fixtures';
import { expectRefusal } from '../moodle-errors';
import type { SiteUnderTest } from '../site-under-test';
import { expectBillsUntouched, expectBillUnchanged } from './bill-probe';

/**
 * local_shopbackoffice_record_payment (docs/shop-api.md): the status follows the amounts (PARTIAL, then
 * SOLDOUT, or COMPLETE for a bill produced before it was paid), `paidcents` stays the sum of the payments,
 * and a payment the bill cannot take is refused with its own code, writing nothing.
 */
const due = (bill: BillRecord) => bill.amountcents - bill.paidcents;
const sum = (bill: BillRecord) => bill.payments.reduce((total, p) => total + p.amountcents, 0);
const wasProduced = (bill: BillRecord) => bill.history.some((step) => step.fromstatus === 'PREPROD' || step.tostatus === 'PREPROD');

function payment(site: SiteUnderTest, bill: BillRecord, amountcents: number, paymode: 'check' | 'transfer' = 'check') {
  return { amountcents, currency: bill.currency, paymode, paidon: bill.emissiondate, reference: `CONF-${site.runId}-${amountcents}` };
}

function rawPayment(site: SiteUnderTest, bill: BillRecord, overrides: Record<string, string | number>) {
  return site.raw('local_shopbackoffice_record_payment', {
    clientmutationid: site.mutationId(),
    billid: bill.id,
    payment: { ...payment(site, bill, 1), ...overrides },
  });
}

/** Pays and checks what the doc says every payment does, whatever the status it leads to. */
async function pay(
  site: SiteUnderTest,
  bill: BillRecord,
  amountcents: number,
  status: BillStatus,
  paymode: 'check' | 'transfer' = 'check',
) {
  const sent = payment(site, bill, amountcents, paymode);
  const answer = await site.api.recordPayment(site.mutationId(), bill.id, sent);
  const after = answer.bill;
  const what = `paying ${amountcents} of the ${due(bill)} due on bill ${bill.id} (${bill.status})`;
  expectEqual(
    `${what}: status, replayed, bill status, version`,
    [answer.status, answer.replayed, after.status, after.version],
    ['applied', 0, status, bill.version + 1],
  );
  const recorded = after.payments.find((p) => p.id === answer.paymentid);
  if (!recorded) fail(`${what}: payment ${answer.paymentid} is not among the bill's payments`);
  expectEqual(
    `${what}: the payment recorded`,
    [recorded.amountcents, recorded.paymode, recorded.paidon, recorded.reference],
    [sent.amountcents, sent.paymode, sent.paidon, sent.reference],
  );
  expectEqual(`${what}: paidcents`, after.paidcents, bill.paidcents + amountcents);
  expectEqual(`${what}: paidcents against the sum of the payments`, after.paidcents, sum(after));
  if (status !== bill.status) {
    const added = after.history.filter((step) => !bill.history.some((old) => old.id === step.id));
    expectThat(
      added.some((step) => step.fromstatus === bill.status && step.tostatus === status),
      `${what}: no history row ${bill.status} → ${status} (added: ${JSON.stringify(added)})`,
    );
  }
  return after;
}

/** A bill in `status` with something due, taken for a refusal: nothing may change it before the verification. */
function billFor(fixtures: Fixtures, status: BillStatus, minimumDue = 1) {
  return fixtures.takeBill(`in ${status} with ${minimumDue} cent(s) due`, (b) => b.status === status && due(b) >= minimumDue);
}

export const paymentChecks: Check[] = [
  {
    name: 'record_payment: part of what is due makes the bill PARTIAL, the rest SOLDOUT, paidcents the sum of the payments',
    async run({ site, fixtures }) {
      const bill = await fixtures.takeBill(
        'in PENDING with 3 cents due, never produced',
        (b) => b.status === 'PENDING' && due(b) >= 3 && !wasProduced(b),
      );
      const part = Math.floor(due(bill) / 3);
      const partial = await pay(site, bill, part, 'PARTIAL');
      const paid = await pay(site, partial, due(partial), 'SOLDOUT', 'transfer');
      expectEqual(`bill ${bill.id} paidcents against amountcents`, paid.paidcents, paid.amountcents);
      return async () => expectEqual(`bill ${bill.id} served after its payments`, await fixtures.settled('bills', bill.id), paid);
    },
  },
  {
    name: 'record_payment: a PREPROD bill paid in full becomes COMPLETE',
    async run({ site, fixtures }) {
      const bill = await billFor(fixtures, 'PREPROD');
      const paid = await pay(site, bill, due(bill), 'COMPLETE');
      return async () => expectEqual(`bill ${bill.id} served after its payment`, await fixtures.settled('bills', bill.id), paid);
    },
  },
  {
    name: 'record_payment: more than what is due is paymentexceedsdue, and writes nothing',
    async run({ site, fixtures }) {
      const bill = await billFor(fixtures, 'PENDING');
      expectRefusal(
        `paying ${due(bill) + 1} of ${due(bill)} due on bill ${bill.id}`,
        await rawPayment(site, bill, { amountcents: due(bill) + 1 }),
        'paymentexceedsdue',
      );
      await expectBillUnchanged(site, 'after a refused payment', bill);
      return () => expectBillsUntouched(fixtures, 'a payment above what is due', [bill]);
    },
  },
  {
    name: 'record_payment: a payment in another currency is currencymismatch, and writes nothing',
    async run({ site, fixtures }) {
      const bill = await billFor(fixtures, 'PENDING');
      const currency = bill.currency === 'USD' ? 'EUR' : 'USD';
      expectRefusal(`paying in ${currency} on a ${bill.currency} bill`, await rawPayment(site, bill, { currency }), 'currencymismatch');
      await expectBillUnchanged(site, 'after a refused payment', bill);
      return () => expectBillsUntouched(fixtures, 'a payment in another currency', [bill]);
    },
  },
  {
    name: 'record_payment: a bill in SOLDOUT, COMPLETE, PAYBACK or CANCELLED is billnotpayable, and nothing is written',
    async run({ site, fixtures }) {
      const bills: BillRecord[] = [];
      for (const status of ['SOLDOUT', 'COMPLETE', 'PAYBACK', 'CANCELLED'] as const) {
        // The status decides before the amount: the doc lists the statuses a payment is accepted in.
        const bill = await fixtures.takeBill(`in ${status}`, (b) => b.status === status);
        bills.push(bill);
        expectRefusal(`paying 1 cent on bill ${bill.id} in ${status}`, await rawPayment(site, bill, { amountcents: 1 }), 'billnotpayable');
      }
      return () => expectBillsUntouched(fixtures, 'payments on bills that take none', bills);
    },
  },
  {
    name: 'record_payment: an amount of 0, a paymode other than check or transfer, a reference over 100 characters are invalidparameter',
    async run({ site, fixtures }) {
      const bill = await billFor(fixtures, 'PENDING', 2);
      const cases: [string, Record<string, string | number>][] = [
        ['an amount of 0', { amountcents: 0 }],
        ['paymode paypal', { paymode: 'paypal' }],
        ['a 101-character reference', { reference: 'R'.repeat(101) }],
      ];
      for (const [what, overrides] of cases)
        expectRefusal(`paying with ${what}`, await rawPayment(site, bill, overrides), 'invalidparameter');
      return () => expectBillsUntouched(fixtures, 'payments with invalid parameters', [bill]);
    },
  },
];
