import type { BillRecord } from '../../../main/shop-api/records';
import { expectEqual, expectThat, fail, type Check } from '../check';
import { expectRefusal } from '../moodle-errors';
import type { SiteUnderTest } from '../site-under-test';
import { expectBillsUntouched, expectBillUnchanged } from './bill-probe';

/**
 * local_shopbackoffice_record_refund (docs/shop-api.md): a credit note for part of an invoiced, paid bill goes
 * through PAYBACK back to the bill's status, one for the rest cancels it with the bill's VAT to the cent; the
 * numbers follow one sequence; what a credit note cannot be is refused and writes nothing.
 */
const billing = (bill: BillRecord) => bill.items.filter((line) => line.totalcents > 0);

function refund(
  site: SiteUnderTest,
  bill: BillRecord,
  amountcents: number,
  lines: { billitemid: number; quantity: number; totalcents: number }[],
) {
  return {
    reason: `conformance ${site.runId}`,
    lines,
    refund: {
      amountcents,
      currency: bill.currency,
      paymode: 'transfer' as const,
      refundedon: bill.emissiondate,
      reference: `CONF-${site.runId}`,
    },
  };
}

export const refundChecks: Check[] = [
  {
    name: 'record_refund: part of a paid invoice credited goes through PAYBACK back to paid; the rest cancels it, its VAT to the cent',
    async run({ site, fixtures }) {
      const bill = await fixtures.takeBill(
        'invoiced, SOLDOUT, fully paid, with two billing lines and no credit note, its first line less than what was paid',
        (b) =>
          b.status === 'SOLDOUT' &&
          b.idnumber !== '' &&
          b.paidcents === b.amountcents &&
          billing(b).length >= 2 &&
          // A discount can bring the bill below its first line: crediting that line whole would refund more
          // than was paid (refundmismatch, rightly), so such a bill cannot show the part-then-rest path.
          billing(b)[0]!.totalcents + billing(b)[0]!.taxcents < b.paidcents &&
          b.creditnotes.length === 0,
      );
      const [first] = billing(bill);
      if (!first) fail(`bill ${bill.id} has no billing line`);
      const part = await site.api.recordRefund(
        site.mutationId(),
        bill.id,
        refund(site, bill, first.totalcents + first.taxcents, [
          { billitemid: first.id, quantity: first.quantity, totalcents: first.totalcents },
        ]),
      );
      expectEqual(`bill ${bill.id} after part credited: status`, part.bill.status, 'SOLDOUT');
      expectThat(/^AV-\d{4}-\d{6,}$/.test(part.number), `credit note number ${part.number} is not AV-<year>-<sequence>`);
      const steps = part.bill.history.slice(-2).map((step) => `${step.fromstatus}→${step.tostatus}`);
      expectEqual(`bill ${bill.id}: the last two history rows`, steps, ['SOLDOUT→PAYBACK', 'PAYBACK→SOLDOUT']);
      const rest = part.bill.items
        .filter((line) => line.id !== first.id)
        .map((line) => ({ billitemid: line.id, quantity: line.quantity, totalcents: line.totalcents }));
      const left = bill.amountcents - (first.totalcents + first.taxcents);
      const full = await site.api.recordRefund(site.mutationId(), bill.id, refund(site, bill, left, rest));
      expectEqual(`bill ${bill.id} after the rest credited: status`, full.bill.status, 'CANCELLED');
      const sum = (key: 'untaxedcents' | 'taxcents' | 'amountcents') => full.bill.creditnotes.reduce((total, note) => total + note[key], 0);
      expectEqual(
        `bill ${bill.id}: credited untaxed, tax, total`,
        [sum('untaxedcents'), sum('taxcents'), sum('amountcents')],
        [bill.untaxedcents, bill.taxcents, bill.amountcents],
      );
      const sequence = (number: string) => Number(/(\d+)$/.exec(number)?.[1]);
      expectEqual(`bill ${bill.id}: the two numbers follow each other`, sequence(full.number) - sequence(part.number), 1);
      return async () => expectEqual(`bill ${bill.id} served after its credit notes`, await fixtures.settled('bills', bill.id), full.bill);
    },
  },
  {
    name: 'record_refund: a bill not invoiced or not paid is billnotrefundable; a refund other than the credit note is refundmismatch; nothing is written',
    async run({ site, fixtures }) {
      const pending = await fixtures.takeBill('in PENDING with a billing line', (b) => b.status === 'PENDING' && billing(b).length > 0);
      const paid = await fixtures.takeBill(
        'invoiced, SOLDOUT, fully paid, no credit note',
        (b) =>
          b.status === 'SOLDOUT' &&
          b.idnumber !== '' &&
          b.paidcents === b.amountcents &&
          billing(b).length > 0 &&
          b.creditnotes.length === 0,
      );
      const line = (b: BillRecord) => billing(b)[0]!;
      const whole = (b: BillRecord) => [{ billitemid: line(b).id, quantity: 1, totalcents: line(b).totalcents }];
      const raw = (b: BillRecord, amountcents: number, lines: { billitemid: number; quantity: number; totalcents: number }[]) =>
        site.raw('local_shopbackoffice_record_refund', {
          clientmutationid: site.mutationId(),
          billid: b.id,
          creditnote: { reason: '', lines },
          refund: refund(site, b, amountcents, lines).refund,
        });
      expectRefusal(
        `crediting PENDING bill ${pending.id}`,
        await raw(pending, line(pending).totalcents + line(pending).taxcents, whole(pending)),
        'billnotrefundable',
      );
      expectRefusal(
        `refunding a cent less than the credit note on bill ${paid.id}`,
        await raw(paid, line(paid).totalcents + line(paid).taxcents - 1, whole(paid)),
        'refundmismatch',
      );
      expectRefusal(
        `crediting more than line ${line(paid).id}`,
        await raw(paid, 1, [{ ...whole(paid)[0]!, totalcents: line(paid).totalcents + 1 }]),
        'creditexceedsline',
      );
      await expectBillUnchanged(site, 'after refused credit notes', paid);
      return () => expectBillsUntouched(fixtures, 'refused credit notes', [pending, paid]);
    },
  },
];
