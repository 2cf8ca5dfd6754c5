import type { Migration } from '../migration';

/**
 * What each sync run sent to the shop: the sync history said what a run received (rows applied) but not what
 * left, so an operator could not check that yesterday's payments went out. One row per outbox entry sent, with
 * the shop's answer and a description of the change made when it was sent (the outbox entry is gone once the
 * shop acknowledges it, and the record may change afterwards). Credit notes, written on another branch at the same
 * time, took 0120 after it.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'sync sent changes',
  sql: `
    CREATE TABLE sync_sent (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      run_id INTEGER NOT NULL REFERENCES sync_run (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id INTEGER NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'parked', 'conflict')),
      message TEXT,
      description TEXT NOT NULL,
      sent_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX sync_sent_run ON sync_sent (run_id, id);
  `,
};
