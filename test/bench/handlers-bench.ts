import { participants, productionSite } from '../../main/production/production-site.test-support';
import { planProduction, runProduction } from '../../main/production/run-production';
import { report, timed } from './measure';

/**
 * Issue "Product handlers, triggered by hand": a session set up for 50 learners and 2 tutors against the
 * simulated site, through the real client: Moodle calls (goal: at most 10) and wall time, for the plan, the
 * run, and a second run that must find everything done. Then 200 participants, to show the batches grow
 * in size, not in number (cut only by PHP's max_input_vars).
 */
export async function handlersBench(): Promise<void> {
  const site = await productionSite();
  try {
    site.addCustomer({ id: 990_001, organisation: 'ACME' });
    site.addBill(990_101, 990_001, [{ code: 'SESSION-EXCEL', quantity: 52 }]);
    site.addBill(990_102, 990_001, [{ code: 'SESSION-EXCEL', quantity: 200 }]);
    await site.sync();
    const lineOf = (billId: number) => site.db.prepare('SELECT id FROM bill_item WHERE billid = ?').pluck().get(billId) as number;

    for (const [billId, learners, tutors] of [
      [990_101, 50, 2],
      [990_102, 196, 4],
    ] as const) {
      const request = {
        billId,
        billItemId: lineOf(billId),
        participants: participants(learners, tutors, `company${billId}.example`, `trainers${billId}.example`),
      };
      const before = site.sim.requests.length;
      const plan = await timed(() => planProduction(site.deps, request));
      const planCalls = site.sim.requests.length - before;
      const run = await timed(() => runProduction(site.deps, request));
      const byFunction = new Map<string, number>();
      for (const r of site.sim.requests.slice(before + planCalls))
        byFunction.set(r.wsfunction ?? '?', (byFunction.get(r.wsfunction ?? '?') ?? 0) + 1);
      const again = await timed(() => runProduction(site.deps, request));
      report(`Session setup, ${learners} learners + ${tutors} tutors (learners and tutors in two email domains)`, [
        ['plan: Moodle calls', `${planCalls} (reads only), ${plan.ms.toFixed(0)} ms`],
        ['run: outcome', run.value.outcome],
        [
          'run: Moodle calls',
          `${run.value.calls} (${run.value.plan.readCalls} reads + ${run.value.plan.writeCalls} writes; goal for 52: at most 10)`,
        ],
        ['run: wall time', `${run.ms.toFixed(0)} ms`],
        ['run: calls by function', [...byFunction].map(([fn, n]) => `${fn} ×${n}`).join(', ')],
        [
          'created',
          `${run.value.created.accounts} accounts, ${run.value.created.enrolments} enrolments, ${run.value.created.groups} group, ${run.value.created.memberships} members, ${run.value.created.products} products`,
        ],
        ['second run', `${again.value.outcome}, ${again.value.calls} calls (reads), ${again.ms.toFixed(0)} ms`],
        [
          'at 30 ms per call (a real site, README fact 12)',
          `${(run.value.calls * 30).toFixed(0)} ms of latency, against ${((learners + tutors) * 3 * 30).toFixed(0)} ms for one call per person and step`,
        ],
      ]);
    }
  } finally {
    await site.close();
  }
}
