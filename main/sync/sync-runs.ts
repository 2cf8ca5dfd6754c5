import type { SyncRun } from '../../shared/contract/sync';
import type { Db } from '../db/open';

interface RunRow {
  id: number;
  trigger: string;
  started_at: number;
  finished_at: number | null;
  outcome: SyncRun['outcome'];
  rows_applied: number;
  detail: string | null;
  error_code: string | null;
  refused: number;
}

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
});

export function readRun(db: Db, id: number): SyncRun {
  return toRun(db.prepare('SELECT * FROM sync_run WHERE id = ?').get(id) as RunRow);
}

export function recentRuns(db: Db, limit: number): SyncRun[] {
  return (db.prepare('SELECT * FROM sync_run ORDER BY id DESC LIMIT ?').all(limit) as RunRow[]).map(toRun);
}

/** Epoch milliseconds of the last run that ended well, for the status bar. */
export function lastSuccessfulSync(db: Db): number | null {
  return (db.prepare("SELECT max(finished_at) FROM sync_run WHERE outcome = 'done'").pluck().get() as number | null) ?? null;
}
