import { changeDescriptionSchema, type ChangeDescription, type SentChange, type SyncRun } from '../../shared/contract/sync';
import type { Db } from '../db/open';
import type { SyncRunTableRow, SyncSentTableRow } from '../db/tables';
import { oneValue } from '../db/single-value';

/** A row of RUN_SELECT: the run, its outcome one the sync writes, and how many changes it sent. */
type RunRow = Omit<SyncRunTableRow, 'outcome'> & { outcome: SyncRun['outcome']; sent: number };

const toRun = (row: RunRow): SyncRun => ({
  id: row.id,
  trigger: row.trigger,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  outcome: row.outcome,
  rowsApplied: row.rows_applied,
  detail: row.detail,
  errorCode: row.error_code,
  refused: row.refused,
  sent: row.sent,
});

/** A run with how many changes it sent (sync_sent, migration 0110). */
const RUN_SELECT = 'SELECT r.*, (SELECT count(*) FROM sync_sent s WHERE s.run_id = r.id) AS sent FROM sync_run r';

export function readRun(db: Db, id: number): SyncRun {
  // The run the caller started: it is there.
  return toRun(db.prepare<[number], RunRow>(`${RUN_SELECT} WHERE r.id = ?`).get(id)!);
}

export function recentRuns(db: Db, limit: number): SyncRun[] {
  return db.prepare<[number], RunRow>(`${RUN_SELECT} ORDER BY r.id DESC LIMIT ?`).all(limit).map(toRun);
}

/** Epoch milliseconds of the last run that ended well, for the status bar. */
export function lastSuccessfulSync(db: Db): number | null {
  return oneValue(db.prepare<[], number | null>("SELECT max(finished_at) FROM sync_run WHERE outcome = 'done'").pluck().get());
}

/**
 * Writes down one change a run sent and what the shop answered. Call it in the transaction that applies the
 * answer (acknowledges or parks the entry), so the history and the outbox never disagree.
 */
export function recordSent(db: Db, runId: number, sent: Omit<SentChange, 'sentAt'> & { sentAt?: number }): void {
  db.prepare(
    `INSERT INTO sync_sent (run_id, seq, kind, entity, entity_id, outcome, message, description, sent_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    runId,
    sent.seq,
    sent.kind,
    sent.entity,
    sent.entityId,
    sent.outcome,
    sent.message,
    JSON.stringify(sent.description),
    sent.sentAt ?? Date.now(),
  );
}

type SentRow = Pick<SyncSentTableRow, 'seq' | 'kind' | 'entity' | 'entity_id' | 'message' | 'description' | 'sent_at'> & {
  outcome: SentChange['outcome'];
};

/** What a run sent, in the order it was sent. */
export function sentChanges(db: Db, runId: number): SentChange[] {
  const rows = db
    .prepare<[number], SentRow>(
      'SELECT seq, kind, entity, entity_id, outcome, message, description, sent_at FROM sync_sent WHERE run_id = ? ORDER BY id',
    )
    .all(runId);
  return rows.map((row) => ({
    seq: row.seq,
    kind: row.kind,
    entity: row.entity,
    entityId: row.entity_id,
    outcome: row.outcome,
    message: row.message,
    sentAt: row.sent_at,
    description: readDescription(row.description, row.kind),
  }));
}

/** A description written by this or an older build; one that no longer reads says only the change's kind. */
function readDescription(text: string, kind: string): ChangeDescription {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const checked = changeDescriptionSchema.safeParse(parsed);
  return checked.success ? checked.data : { kind, subject: null, fields: [], created: false };
}
