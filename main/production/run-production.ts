import type { Plan, RunResult } from '../../shared/contract/production';
import type { Participant } from '../../shared/production/participants';
import type { Db } from '../db/open';
import type { MoodleClient } from '../moodle/rest-client';
import { enqueue } from '../sync/outbox';
import type { OutboxPayload } from '../sync/outbox-kinds';
import { executePlan, resolveUser, type Execution } from './execute-plan';
import { personOf, readLineInput } from './line-input';
import { LoggedMoodle } from './logged-moodle';
import { planLine } from './plan-line';
import { finishRun, logCall, recordProducts, runningRun, startRun, taughtRoles, type LocalRecord } from './production-store';
import { gatherFacts } from './site-facts';
import { refusal } from '../../shared/errors/error-text';

export interface ProductionDeps {
  db: Db;
  moodle: MoodleClient;
  /** Unix seconds; the plan's dates start from it. */
  now?: () => number;
  onProgress?: (progress: { runId: number; billId: number; billItemId: number; step: string; done: number; total: number }) => void;
}

export interface LineRequest {
  billId: number;
  billItemId: number;
  participants?: Participant[] | undefined;
}

const seconds = () => Math.floor(Date.now() / 1000);

/** What running the line's handler would do, read from the site now. Sends no write. */
export async function planProduction(deps: ProductionDeps, request: LineRequest): Promise<Plan> {
  const input = readLineInput(deps.db, request.billId, request.billItemId, request.participants);
  const facts = await gatherFacts(new LoggedMoodle(deps.moodle), input, taughtRoles(deps.db), (deps.now ?? seconds)());
  return planLine(input, facts);
}

/** Lines being run by this process: a second click waits for the first run's result instead of racing it. */
const inFlight = new Set<number>();

/**
 * Runs a line's handler: reads the site and plans again (the plan shown may be stale), stops on a blocking
 * problem, sends the writes, then records the products, their events and a line of feedback through the
 * outbox, in the same transaction as the local record that makes a re-run find them done. Every call is
 * logged with the run, kept with the bill.
 */
export async function runProduction(deps: ProductionDeps, request: LineRequest): Promise<RunResult> {
  if (inFlight.has(request.billItemId))
    throw refusal('production_running', 'production.lineRunning', { line: request.billItemId, id: request.billId });
  inFlight.add(request.billItemId);
  try {
    return await run(deps, request);
  } finally {
    inFlight.delete(request.billItemId);
  }
}

async function run(deps: ProductionDeps, request: LineRequest): Promise<RunResult> {
  const { db } = deps;
  const started = performance.now();
  const input = readLineInput(db, request.billId, request.billItemId, request.participants);
  // A run the process did not finish (it was killed): whatever it sent, the site and the records say now.
  const stale = runningRun(db, input.line.id);
  if (stale !== undefined) finishRun(db, stale, 'failed', 'Interrupted before it finished.', { interrupted: true });

  const runId = startRun(db, { billId: input.bill.id, billItemId: input.line.id, handler: input.item?.enablehandler ?? '', plan: null });
  const moodle = new LoggedMoodle(deps.moodle, (call) => logCall(db, runId, call));
  const progress = (step: string, done: number, total: number) =>
    deps.onProgress?.({ runId, billId: input.bill.id, billItemId: input.line.id, step, done, total });
  const result = (outcome: RunResult['outcome'], plan: Plan, execution: Execution | null): RunResult => ({
    runId,
    outcome,
    plan,
    failure: execution?.failure ?? null,
    created: execution?.created ?? { accounts: 0, enrolments: 0, groups: 0, memberships: 0, roleAssignments: 0, products: 0 },
    calls: moodle.calls.length,
    ms: Math.round(performance.now() - started),
  });

  let plan: Plan;
  try {
    progress('plan', 0, 1);
    const facts = await gatherFacts(moodle, input, taughtRoles(db), (deps.now ?? seconds)());
    plan = planLine(input, facts);
  } catch (error) {
    finishRun(db, runId, 'failed', error instanceof Error ? error.message : String(error), null);
    throw error;
  }
  db.prepare('UPDATE production_run SET plan = ? WHERE id = ?').run(JSON.stringify(plan), runId);

  const blocking = plan.problems.filter((p) => p.blocking);
  if (blocking.length > 0) {
    finishRun(db, runId, 'blocked', blocking.map((p) => p.message).join(' '), { problems: blocking });
    return result('blocked', plan, null);
  }
  if (plan.done) {
    finishRun(db, runId, 'nothing_to_do', 'Everything was done already.', null);
    return result('nothing_to_do', plan, null);
  }

  let execution: Execution;
  try {
    execution = await executePlan(plan, moodle, progress);
  } catch (error) {
    finishRun(db, runId, 'failed', error instanceof Error ? error.message : String(error), null);
    throw error;
  }
  if (execution.failure) {
    finishRun(db, runId, 'failed', execution.failure.message, { failure: execution.failure, created: execution.created });
    return result('failed', plan, execution);
  }

  const feedback = feedbackLine(plan, execution);
  db.transaction(() => {
    const products: OutboxPayload<'bill.production'>['products'] = [];
    const events: OutboxPayload<'bill.production'>['events'] = [];
    const records: LocalRecord[] = [];
    for (const draft of plan.products) {
      const userid = draft.user ? resolveUser(draft.user, execution) : 0;
      const person = personOf(draft.extradata);
      events.push({ productindex: products.length, eventtype: draft.eventtype, eventdata: draft.eventdata });
      products.push({
        id: draft.id,
        catalogitemid: draft.catalogitemid,
        customerid: draft.customerid,
        contexttype: draft.contexttype,
        // The enrolled or upgraded Moodle user: no web service gives the enrolment's own id.
        instanceid: draft.instanceid || userid,
        startdate: draft.startdate,
        enddate: draft.enddate,
        reference: '',
        productiondata: draft.productiondata,
        extradata: draft.extradata,
      });
      records.push({ productId: draft.id, eventtype: draft.eventtype, person, userid, enddate: draft.enddate });
    }
    execution.created.products = products.length;
    enqueue(db, {
      kind: 'bill.production',
      entityId: input.bill.id,
      baseVersion: db.prepare<[number], number>('SELECT version FROM bill WHERE id = ?').pluck().get(input.bill.id) ?? 0,
      payload: { billitemid: input.line.id, products, events, feedback },
    });
    recordProducts(db, runId, input.line.id, records);
    finishRun(db, runId, 'done', feedback, { created: execution.created });
  })();
  progress('done', 1, 1);
  return result('done', plan, execution);
}

/** The line of production feedback the bill keeps (the shop's productionfeedback is plain text, in English here). */
function feedbackLine(plan: Plan, execution: Execution): string {
  const c = execution.created;
  const parts: string[] = [];
  if (c.accounts) parts.push(`${c.accounts} account(s) created`);
  const reused = plan.accounts.filter((a) => a.action === 'reuse').length;
  if (reused) parts.push(`${reused} reused`);
  if (c.enrolments)
    parts.push(
      `${c.enrolments} enrolment(s) in ${[...new Set(plan.enrolments.filter((e) => e.action !== 'keep').map((e) => e.course))].join(', ')}`,
    );
  if (plan.extension)
    parts.push(`enrolment of ${plan.extension.reference} extended to ${new Date(plan.extension.newEnd * 1000).toISOString().slice(0, 10)}`);
  if (c.roleAssignments) parts.push(`${c.roleAssignments} role assignment(s)`);
  if (c.groups) parts.push(`group "${plan.groups.map((g) => g.name).join('", "')}" created`);
  if (c.memberships) parts.push(`${c.memberships} group member(s) added`);
  const products = plan.products.length;
  if (products) parts.push(`${products} product(s) recorded`);
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} ${plan.itemcode}: ${parts.join(', ') || 'nothing to do'}.`;
}
