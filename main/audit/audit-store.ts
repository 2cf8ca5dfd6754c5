import { auditKinds, type AuditCounts, type AuditFinding, type AuditKind, type AuditRun } from '../../shared/contract/audit';
import type { Db, ReadableDb } from '../db/open';
import type { AuditAccountTableRow, AuditFindingTableRow, AuditRunTableRow } from '../db/tables';
import { oneValue } from '../db/single-value';
import type { FindingDraft } from './compare';

/** The audit's runs and findings in the cache (migration 0140). */

export interface AuditFilter {
  kinds?: readonly AuditKind[] | undefined;
  search?: string | undefined;
}

export function startAuditRun(db: Db, scope: AuditRun['scope'], now: number): { id: number; marks: { bill: number; product: number } } {
  const marks = {
    bill: oneValue(db.prepare<[], number>('SELECT COALESCE(MAX(timemodified), 0) FROM bill').pluck().get()),
    product: oneValue(db.prepare<[], number>('SELECT COALESCE(MAX(timemodified), 0) FROM product').pluck().get()),
  };
  // A run another process left running was killed with it: whatever it read, it saved nothing.
  db.prepare(`UPDATE audit_run SET outcome = 'failed', error = 'Interrupted before it finished.' WHERE outcome = 'running'`).run();
  const id = Number(
    db
      .prepare(`INSERT INTO audit_run (scope, startedat, outcome, bill_mark, product_mark) VALUES (?, ?, 'running', ?, ?)`)
      .run(scope, now, marks.bill, marks.product).lastInsertRowid,
  );
  return { id, marks };
}

export function finishAuditRun(
  db: Db,
  id: number,
  outcome: Exclude<AuditRun['outcome'], 'running'>,
  figures: { products: number; enrolments: number; courses: number; calls: number; ms: number; error?: string },
  now: number,
): void {
  db.prepare(
    `UPDATE audit_run SET outcome = ?, finishedat = ?, products = ?, enrolments = ?, courses = ?, calls = ?, ms = ?, error = ?
     WHERE id = ?`,
  ).run(outcome, now, figures.products, figures.enrolments, figures.courses, figures.calls, figures.ms, figures.error ?? '', id);
}

/** The marks of the last audit that finished: what a `changed` audit starts from; null before the first. */
export function lastMarks(db: Db): { bill: number; product: number } | null {
  const row = db
    .prepare<[], { bill: AuditRunTableRow['bill_mark']; product: AuditRunTableRow['product_mark'] }>(
      `SELECT bill_mark AS bill, product_mark AS product FROM audit_run WHERE outcome = 'done' ORDER BY id DESC LIMIT 1`,
    )
    .get();
  return row ?? null;
}

const RUN_COLUMNS = `id, scope, startedat AS startedAt, finishedat AS finishedAt, outcome, products, enrolments, courses, calls, ms, error`;

export function lastRun(db: Db): AuditRun | null {
  return db.prepare<[], AuditRun>(`SELECT ${RUN_COLUMNS} FROM audit_run ORDER BY id DESC LIMIT 1`).get() ?? null;
}

export function auditRun(db: Db, id: number): AuditRun {
  // The run the caller just started or finished: it is there.
  return db.prepare<[number], AuditRun>(`SELECT ${RUN_COLUMNS} FROM audit_run WHERE id = ?`).get(id)!;
}

/**
 * Replaces what the audit knew of these courses (all of them for a full audit) with what it found now, in one
 * transaction: the list never shows half an audit.
 */
export function replaceFindings(db: Db, drafts: readonly FindingDraft[], courseIds: readonly number[] | 'all', now: number): void {
  const insert = db.prepare(
    `INSERT INTO audit_finding (key, kind, billid, billitemid, productid, reference, customerid, customer, paidat, courseid, course,
                                userid, who, email, expected, found, seenat)
     VALUES (@key, @kind, @billId, @billItemId, @productId, @reference, @customerId, @customer, @paidAt, @courseId, @course,
             @userId, @who, @email, @expected, @found, @seenAt)
     ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, courseid = excluded.courseid, course = excluded.course,
       userid = excluded.userid, who = excluded.who, email = excluded.email, expected = excluded.expected, found = excluded.found,
       paidat = excluded.paidat, seenat = excluded.seenat`,
  );
  // What is still wrong keeps its row and id (upserted by key); what is no longer found goes.
  const keys = JSON.stringify(drafts.map((draft) => draft.key));
  db.transaction(() => {
    if (courseIds === 'all') db.prepare('DELETE FROM audit_finding WHERE key NOT IN (SELECT value FROM json_each(?))').run(keys);
    else
      db.prepare(
        'DELETE FROM audit_finding WHERE courseid IN (SELECT value FROM json_each(?)) AND key NOT IN (SELECT value FROM json_each(?))',
      ).run(JSON.stringify(courseIds), keys);
    for (const draft of drafts)
      insert.run({
        ...draft,
        expected: JSON.stringify(draft.expected),
        found: draft.found ? JSON.stringify(draft.found) : null,
        seenAt: now,
      });
  })();
}

/** Accounts found by a case-insensitive search, by lower-cased email (migration 0140). */
export function learntAccounts(db: Db): Map<string, number> {
  const rows = db.prepare<[], Pick<AuditAccountTableRow, 'email' | 'userid'>>('SELECT email, userid FROM audit_account').all();
  return new Map(rows.map((row) => [row.email, row.userid]));
}

export function learnAccounts(db: Db, accounts: ReadonlyMap<string, number>): void {
  const upsert = db.prepare(
    'INSERT INTO audit_account (email, userid) VALUES (?, ?) ON CONFLICT (email) DO UPDATE SET userid = excluded.userid',
  );
  db.transaction(() => {
    for (const [email, userid] of accounts) upsert.run(email, userid);
  })();
}

function where(filter: AuditFilter): { sql: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (filter.kinds && filter.kinds.length > 0) {
    clauses.push('kind IN (SELECT value FROM json_each(@kinds))');
    params['kinds'] = JSON.stringify(filter.kinds);
  }
  const words = (filter.search ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  words.forEach((word, i) => {
    clauses.push(
      `(lower(customer) LIKE @w${i} ESCAPE '\\' OR lower(who) LIKE @w${i} ESCAPE '\\' OR lower(email) LIKE @w${i} ESCAPE '\\'
        OR lower(course) LIKE @w${i} ESCAPE '\\' OR lower(reference) LIKE @w${i} ESCAPE '\\' OR CAST(billid AS TEXT) = @e${i})`,
    );
    params[`w${i}`] = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params[`e${i}`] = word;
  });
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** A row of audit_finding, its kind one the audit writes. */
type FindingRow = Omit<AuditFindingTableRow, 'kind'> & { kind: AuditKind };

function toFinding(row: FindingRow): AuditFinding {
  return {
    id: row.id,
    kind: row.kind,
    billId: row.billid,
    billItemId: row.billitemid,
    productId: row.productid,
    reference: row.reference,
    customerId: row.customerid,
    customer: row.customer,
    paidAt: row.paidat,
    courseId: row.courseid,
    course: row.course,
    userId: row.userid,
    who: row.who,
    email: row.email,
    expected: JSON.parse(row.expected) as AuditFinding['expected'],
    found: row.found ? (JSON.parse(row.found) as AuditFinding['found']) : null,
    seenAt: row.seenat,
  };
}

/** The findings, newest sale first; access without a sale last (it has no sale). */
export function listFindings(db: Db, filter: AuditFilter, offset: number, limit: number): { rows: AuditFinding[]; total: number } {
  const { sql, params } = where(filter);
  const rows = db
    .prepare<Record<string, string | number>, FindingRow>(
      `SELECT * FROM audit_finding ${sql} ORDER BY kind = 'without_sale', paidat DESC, id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset });
  const total = oneValue(
    db.prepare<[Record<string, string | number>], number>(`SELECT count(*) FROM audit_finding ${sql}`).pluck().get(params),
  );
  return { rows: rows.map(toFinding), total };
}

export function eachFinding(db: ReadableDb, filter: AuditFilter): IterableIterator<AuditFinding> {
  const { sql, params } = where(filter);
  const rows = db
    .prepare<Record<string, string>, FindingRow>(`SELECT * FROM audit_finding ${sql} ORDER BY kind = 'without_sale', paidat DESC, id`)
    .iterate(params);
  return (function* () {
    for (const row of rows) yield toFinding(row);
  })();
}

export function findingsByIds(db: Db, ids: readonly number[]): (AuditFinding & { key: string })[] {
  const rows = db
    .prepare<[string], FindingRow>('SELECT * FROM audit_finding WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(JSON.stringify(ids));
  return rows.map((row) => ({ ...toFinding(row), key: row.key }));
}

export function auditCounts(db: Db): AuditCounts {
  const counts = Object.fromEntries(auditKinds.map((kind) => [kind, 0])) as AuditCounts;
  for (const row of db.prepare<[], { kind: AuditKind; n: number }>('SELECT kind, count(*) AS n FROM audit_finding GROUP BY kind').all())
    counts[row.kind] = row.n;
  return counts;
}

export function totalOf(counts: AuditCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
