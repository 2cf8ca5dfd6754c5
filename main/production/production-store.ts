import type { RunLog } from '../../shared/contract/production';
import type { Db } from '../db/open';
import type { ProductionRecordTableRow, ProductionRoleTableRow } from '../db/tables';
import { oneValue } from '../db/single-value';
import type { ProductionCall } from './logged-moodle';

/** The production tables of migration 0060: runs, their calls, the products they recorded, taught roles. */

export type RunOutcome = RunLog['outcome'];

export function startRun(db: Db, run: { billId: number; billItemId: number; handler: string; plan: unknown }): number {
  return oneValue(
    db
      .prepare<unknown[], number>(
        `INSERT INTO production_run (bill_id, bill_item_id, handler, started_at, outcome, summary, plan) VALUES (?, ?, ?, ?, 'running', '', ?) RETURNING id`,
      )
      .pluck()
      .get(run.billId, run.billItemId, run.handler, Date.now(), JSON.stringify(run.plan)),
  );
}

export function logCall(db: Db, runId: number, call: ProductionCall): void {
  db.prepare('INSERT INTO production_call (run_id, at, function, items, ms, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    runId,
    call.at,
    call.function,
    call.items,
    call.ms,
    call.outcome,
    call.detail,
  );
}

export function finishRun(db: Db, runId: number, outcome: Exclude<RunOutcome, 'running'>, summary: string, result: unknown): void {
  db.prepare('UPDATE production_run SET outcome = ?, finished_at = ?, summary = ?, result = ? WHERE id = ?').run(
    outcome,
    Date.now(),
    summary,
    JSON.stringify(result),
    runId,
  );
}

/** A run left 'running' by a process that died: it did not finish, whatever it sent. */
export function runningRun(db: Db, billItemId: number): number | undefined {
  return db
    .prepare<[number], number>("SELECT id FROM production_run WHERE bill_item_id = ? AND outcome = 'running' ORDER BY id DESC LIMIT 1")
    .pluck()
    .get(billItemId);
}

/** A product a run recorded (production_record). */
export type LocalRecord = Pick<ProductionRecordTableRow, 'eventtype' | 'person' | 'userid' | 'enddate'> & {
  productId: ProductionRecordTableRow['product_id'];
};

export function recordProducts(db: Db, runId: number, billItemId: number, records: readonly LocalRecord[]): void {
  const insert = db.prepare(
    'INSERT INTO production_record (run_id, bill_item_id, product_id, eventtype, person, userid, enddate) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const r of records) insert.run(runId, billItemId, r.productId, r.eventtype, r.person, r.userid, r.enddate);
}

export function localRecords(db: Db, billItemId: number): LocalRecord[] {
  return db
    .prepare<[number], LocalRecord>(
      'SELECT product_id AS productId, eventtype, person, userid, enddate FROM production_record WHERE bill_item_id = ? ORDER BY id',
    )
    .all(billItemId);
}

/** The latest end date this app gave a product (an extension not yet pulled back from the shop). */
export function localEndOf(db: Db, productId: number): number | undefined {
  return db
    .prepare<[number], number>(
      "SELECT enddate FROM production_record WHERE product_id = ? AND eventtype = 'extended' ORDER BY id DESC LIMIT 1",
    )
    .pluck()
    .get(productId);
}

export function runLogs(db: Db, billId: number): RunLog[] {
  const runs = db
    .prepare<[number], Omit<RunLog, 'calls'>>(
      `SELECT id, bill_item_id AS billItemId, handler, started_at AS startedAt, finished_at AS finishedAt, outcome, summary
       FROM production_run WHERE bill_id = ? ORDER BY id DESC`,
    )
    .all(billId);
  const calls = db.prepare<[number], RunLog['calls'][number]>(
    'SELECT at, function, items, ms, outcome, detail FROM production_call WHERE run_id = ? ORDER BY id',
  );
  return runs.map((run) => ({ ...run, calls: calls.all(run.id) }));
}

export function lastOutcome(db: Db, billItemId: number): RunOutcome | null {
  return (
    db
      .prepare<[number], RunOutcome>('SELECT outcome FROM production_run WHERE bill_item_id = ? ORDER BY id DESC LIMIT 1')
      .pluck()
      .get(billItemId) ?? null
  );
}

export function taughtRoles(db: Db): Record<string, number> {
  const rows = db.prepare<[], Pick<ProductionRoleTableRow, 'shortname' | 'id'>>('SELECT shortname, id FROM production_role').all();
  return Object.fromEntries(rows.map((row) => [row.shortname, row.id]));
}

export function teachRole(db: Db, shortname: string, id: number): void {
  db.prepare(
    'INSERT INTO production_role (shortname, id, learned_at) VALUES (?, ?, ?) ON CONFLICT (shortname) DO UPDATE SET id = excluded.id, learned_at = excluded.learned_at',
  ).run(shortname, id, Date.now());
}
