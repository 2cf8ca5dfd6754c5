import type { BillRecord } from '../../../main/shop-api/records';
import { BILL_STATUSES, LETTERABLE_STATUSES } from '../../../shared/bills/bill-status';
import { expectEqual, fail, type Check } from '../check';
import { expectRefusal } from '../moodle-errors';
import type { SiteUnderTest } from '../site-under-test';
import { expectBillsUntouched } from './bill-probe';

/**
 * local_shopbackoffice_set_bill_lettering (docs/shop-api.md): a (partly) paid bill takes a formal invoice
 * number, unique across bills, and '' removes it; an unpaid bill takes none.
 */
function rawLettering(site: SiteUnderTest, bill: BillRecord, idnumber: string) {
  return site.raw('local_shopbackoffice_set_bill_lettering', { clientmutationid: site.mutationId(), billid: bill.id, idnumber });
}

export const letteringChecks: Check[] = [
  {
    name: "set_bill_lettering: a SOLDOUT, COMPLETE or PARTIAL bill takes an invoice number, and '' removes it",
    async run({ site, fixtures }) {
      const last = new Map<number, BillRecord>();
      for (const status of LETTERABLE_STATUSES) {
        const bill = await fixtures.takeBill(`in ${status} without lettering`, (b) => b.status === status && b.idnumber === '');
        const idnumber = `CONF-${site.runId}-${status}`;
        const set = await site.api.setBillLettering(site.mutationId(), bill.id, idnumber);
        expectEqual(
          `lettering bill ${bill.id} (${status})`,
          [set.status, set.replayed, set.bill.idnumber, set.bill.version],
          ['applied', 0, idnumber, bill.version + 1],
        );
        const removed = await site.api.setBillLettering(site.mutationId(), bill.id, '');
        expectEqual(
          `removing the lettering of bill ${bill.id}`,
          [removed.status, removed.bill.idnumber, removed.bill.version],
          ['applied', '', bill.version + 2],
        );
        last.set(bill.id, removed.bill);
      }
      return async () => {
        for (const [id, bill] of last)
          expectEqual(`bill ${id} served after its lettering was removed`, await fixtures.settled('bills', id), bill);
      };
    },
  },
  {
    name: 'set_bill_lettering: a number another bill holds is idnumbertaken, and writes nothing',
    async run({ site, fixtures }) {
      const holder = (await fixtures.snapshot('bills')).rows.find((b) => b.idnumber !== '');
      if (!holder) fail('no lettered bill on the site: the demo data letters its invoices');
      const bill = await fixtures.takeBill('in SOLDOUT without lettering', (b) => b.status === 'SOLDOUT' && b.idnumber === '');
      expectRefusal(
        `lettering bill ${bill.id} with ${holder.idnumber}, bill ${holder.id}'s`,
        await rawLettering(site, bill, holder.idnumber),
        'idnumbertaken',
      );
      return () => expectBillsUntouched(fixtures, 'a lettering already taken', [bill]);
    },
  },
  {
    name: 'set_bill_lettering: a bill in any other status is billnotpaid, and nothing is written',
    async run({ site, fixtures }) {
      const bills: BillRecord[] = [];
      for (const status of BILL_STATUSES.filter((s) => !LETTERABLE_STATUSES.includes(s))) {
        const bill = await fixtures.takeBill(`in ${status}`, (b) => b.status === status);
        bills.push(bill);
        expectRefusal(
          `lettering bill ${bill.id} in ${status}`,
          await rawLettering(site, bill, `CONF-${site.runId}-${status}`),
          'billnotpaid',
        );
      }
      return () => expectBillsUntouched(fixtures, 'letterings of unpaid bills', bills);
    },
  },
];
