import type { BillRecord } from '../../../main/shop-api/records';
import { BILL_STATUSES, BILL_TRANSITIONS } from '../../../shared/bills/bill-status';
import { expectEqual, fail, type Check } from '../check';
import { expectRefusal } from '../moodle-errors';
import { expectBillsUntouched, expectBillUnchanged } from './bill-probe';
import { walkEveryTransition } from './flow-walk';

/**
 * local_shopbackoffice_transition_bill and the flow table, both ways (docs/shop-api.md): every pair of the
 * table is applied, every other pair is `invalidtransition`, and a bill no longer in `fromstatus` is a
 * `conflict` that writes nothing. The table is the back-office's (shared/bills/bill-status.ts), which the
 * simulator's tests hold equal to the doc's.
 */
export const transitionChecks: Check[] = [
  {
    name: 'transition_bill: every pair of the flow table is applied',
    async run({ site, fixtures }) {
      const moved = await walkEveryTransition(site, fixtures);
      return async () => {
        for (const [id, answered] of moved) {
          expectEqual(
            `bill ${id} served after its last transition, against that transition's answer`,
            await fixtures.settled('bills', id),
            answered,
          );
        }
      };
    },
  },
  {
    name: 'transition_bill: every pair outside the flow table is invalidtransition, and writes nothing',
    async run({ site, fixtures }) {
      const used: BillRecord[] = [];
      const missing: string[] = [];
      for (const from of BILL_STATUSES) {
        const free = await fixtures.peekBill(from);
        if (!free) {
          missing.push(from);
          continue;
        }
        // Taken, though nothing is written: no other check may change it before the verification.
        const bill = await fixtures.takeBill(`in ${from}`, (b) => b.id === free.id);
        used.push(bill);
        for (const to of BILL_STATUSES.filter((status) => !BILL_TRANSITIONS[from].includes(status))) {
          const answer = await site.raw('local_shopbackoffice_transition_bill', {
            clientmutationid: site.mutationId(),
            billid: bill.id,
            fromstatus: from,
            tostatus: to,
            note: 'conformance: not in the table',
          });
          expectRefusal(`transition_bill ${from} → ${to} on bill ${bill.id}`, answer, 'invalidtransition');
        }
        await expectBillUnchanged(site, `after its refused transitions`, bill);
      }
      if (missing.length > 0) fail(`no bill in ${missing.join(', ')} to try the transitions from it on (seed the site again)`);
      return () => expectBillsUntouched(fixtures, 'refused transitions', used);
    },
  },
  {
    name: 'transition_bill: a bill not in fromstatus is conflict with the current bill, and writes nothing',
    async run({ site, fixtures }) {
      const bill = await fixtures.takeBill('in PENDING', (b) => b.status === 'PENDING');
      await expectBillUnchanged(site, 'a transition from another status', bill);
      return () => expectBillsUntouched(fixtures, 'a conflicting transition', [bill]);
    },
  },
];
