import type { BillRecord } from '../../../main/shop-api/records';
import { BILL_STATUSES, BILL_TRANSITIONS, type BillStatus } from '../../../shared/bills/bill-status';
import { expectEqual, expectThat, fail } from '../check';
import type { Fixtures } from '../fixtures';
import type { SiteUnderTest } from '../site-under-test';

/**
 * Walks demo bills through every transition of the flow table (docs/shop-api.md, transition_bill), using as
 * few bills as it can: a bill keeps moving while its status has transitions left to try, heading where
 * most are left; a new bill is taken only when it cannot. WORKING and FAILED are destinations of nothing in
 * the table, so their transitions need bills found in them: each run uses four WORKING bills and two FAILED
 * ones of the site's demo data. A status no free bill is in is reached along the table from one that is.
 */
const edge = (from: BillStatus, to: BillStatus) => `${from} → ${to}`;

/** Statuses nothing in the table leads to: a bill there can only be found, never brought. */
const FOUND_ONLY = BILL_STATUSES.filter((status) => !BILL_STATUSES.some((from) => BILL_TRANSITIONS[from].includes(status)));

export async function walkEveryTransition(site: SiteUnderTest, fixtures: Fixtures): Promise<Map<number, BillRecord>> {
  const untried = new Set(BILL_STATUSES.flatMap((from) => BILL_TRANSITIONS[from].map((to) => edge(from, to))));
  const left = (status: BillStatus) => BILL_TRANSITIONS[status].filter((to) => untried.has(edge(status, to)));
  const last = new Map<number, BillRecord>();
  // "lastactiondate is set": to the time of the transition, so no earlier than now.
  const started = await site.serverTime();
  const userid = await site.tokenUserId();

  const move = async (bill: BillRecord, to: BillStatus): Promise<BillRecord> => {
    const from = bill.status;
    const note = `conformance ${site.runId}: ${from} to ${to}`;
    const answer = await site.api.transitionBill(site.mutationId(), bill.id, from, to, note);
    const what = `bill ${bill.id} ${edge(from, to)}`;
    expectEqual(
      `${what}: status, replayed, bill status, version`,
      [answer.status, answer.replayed, answer.bill.status, answer.bill.version],
      ['applied', 0, to, bill.version + 1],
    );
    const added = answer.bill.history.filter((step) => !bill.history.some((old) => old.id === step.id));
    expectEqual(
      `${what}: history rows added (from, to, note, the token's user)`,
      added.map((step) => [step.fromstatus, step.tostatus, step.note, step.userid]),
      [[from, to, note, userid ?? added[0]?.userid]],
    );
    expectThat(
      answer.bill.lastactiondate >= started,
      `${what}: lastactiondate ${answer.bill.lastactiondate} was not set (the walk began at ${started})`,
    );
    untried.delete(edge(from, to));
    last.set(bill.id, answer.bill);
    return answer.bill;
  };

  const take = async (status: BillStatus) => {
    const free = await fixtures.peekBill(status);
    return free ? fixtures.takeBill(`in ${status}`, (bill) => bill.id === free.id) : null;
  };

  /** The shortest way along the table from a status a free bill is in to one with transitions left. */
  const pathToWork = async (): Promise<BillStatus[] | null> => {
    const queue: BillStatus[][] = [];
    for (const status of BILL_STATUSES) if (await fixtures.peekBill(status)) queue.push([status]);
    const seen = new Set(queue.map((path) => path[0]));
    while (queue.length > 0) {
      const path = queue.shift() as BillStatus[];
      const at = path[path.length - 1] as BillStatus;
      if (left(at).length > 0) return path;
      for (const to of BILL_TRANSITIONS[at]) {
        if (!seen.has(to)) {
          seen.add(to);
          queue.push([...path, to]);
        }
      }
    }
    return null;
  };

  let current: BillRecord | null = null;
  while (untried.size > 0) {
    if (current && left(current.status).length > 0) {
      const to = [...left(current.status)].sort((a, b) => left(b).length - left(a).length)[0] as BillStatus;
      current = await move(current, to);
      continue;
    }
    const wanted = BILL_STATUSES.filter((status) => left(status).length > 0).sort(
      (a, b) => Number(FOUND_ONLY.includes(b)) - Number(FOUND_ONLY.includes(a)),
    );
    current = null;
    for (const status of wanted) {
      current = await take(status);
      if (current) break;
    }
    if (current) continue;
    const path = await pathToWork();
    const start = path && (await take(path[0] as BillStatus));
    if (!path || !start) {
      fail(
        `no bill is in, or can be brought into, ${wanted.join(', ')}: ${[...untried].join(', ')} not tried (each run moves four WORKING and two FAILED demo bills on: seed the site again)`,
      );
    }
    current = start;
    for (const to of path.slice(1)) current = await move(current, to);
  }
  return last;
}
