import type { BillRecord } from '../../../main/shop-api/records';
import { BILL_STATUSES, BILL_TRANSITIONS } from '../../../shared/bills/bill-status';
import { expectEqual, fail } from '../check';
import type { Fixtures } from '../fixtures';
import type { SiteUnderTest } from '../site-under-test';

/**
 * Shows that refused calls wrote nothing on a bill, through the API alone: a transition from a status the
 * bill is not in answers `conflict` with the bill as the site has it now (docs/shop-api.md,
 * transition_bill), which must be the bill as it was before.
 */
export async function expectBillUnchanged(site: SiteUnderTest, what: string, bill: BillRecord): Promise<void> {
  const from = BILL_STATUSES.find((status) => status !== bill.status && BILL_TRANSITIONS[status].length > 0);
  const to = from && BILL_TRANSITIONS[from][0];
  if (!from || !to) fail('the flow table has no transition to probe with');
  const answer = await site.api.transitionBill(site.mutationId(), bill.id, from, to, 'conformance: probe, expected to conflict');
  expectEqual(`${what}: a transition from ${from} on bill ${bill.id} (in ${bill.status})`, answer.status, 'conflict');
  expectEqual(`${what}: bill ${bill.id} as the site has it`, answer.bill, bill);
}

/** Once the run's writes settled: none of these bills changed, every write on them having been refused. */
export async function expectBillsUntouched(fixtures: Fixtures, what: string, bills: readonly BillRecord[]): Promise<void> {
  for (const bill of bills) {
    const served = await fixtures.settled('bills', bill.id);
    if (served)
      fail(`${what}: bill ${bill.id} changed (version ${bill.version} to ${served.version}) though every write on it was refused`);
  }
}
