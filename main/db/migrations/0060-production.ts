import type { Migration } from '../migration';

/**
 * Product handlers run by hand (main/production/): every run of a bill line, every Moodle call it made with
 * its outcome, the products it recorded (the local proof of what was done until the shop's product events
 * are pulled back), and the role ids the operator taught the app (no web service lists roles).
 */
export const migration0060: Migration = {
  version: 60,
  name: 'production runs',
  sql: `
    CREATE TABLE production_run (
      id INTEGER PRIMARY KEY,
      bill_id INTEGER NOT NULL,
      bill_item_id INTEGER NOT NULL,
      handler TEXT NOT NULL,
      started_at INTEGER NOT NULL,
      finished_at INTEGER,
      outcome TEXT NOT NULL CHECK (outcome IN ('running', 'done', 'nothing_to_do', 'failed', 'blocked')),
      summary TEXT NOT NULL,
      plan TEXT NOT NULL, -- JSON: the plan the run sent
      result TEXT -- JSON: what it made, or its failure
    ) STRICT;
    CREATE INDEX production_run_bill ON production_run (bill_id, id);
    CREATE INDEX production_run_line ON production_run (bill_item_id, id);

    CREATE TABLE production_call (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES production_run (id) ON DELETE CASCADE,
      at INTEGER NOT NULL,
      function TEXT NOT NULL,
      items INTEGER NOT NULL,
      ms INTEGER NOT NULL,
      outcome TEXT NOT NULL, -- 'ok' or the error code
      detail TEXT NOT NULL -- what was asked, never a token or a password
    ) STRICT;
    CREATE INDEX production_call_run ON production_call (run_id, id);

    -- Written in the transaction that queues the products for the shop: a re-run knows them at once.
    CREATE TABLE production_record (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES production_run (id) ON DELETE CASCADE,
      bill_item_id INTEGER NOT NULL,
      product_id INTEGER NOT NULL, -- 0 for a product the shop creates
      eventtype TEXT NOT NULL,
      person TEXT NOT NULL, -- lower-cased email of the seat or the buyer ('' when none)
      userid INTEGER NOT NULL,
      enddate INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX production_record_line ON production_record (bill_item_id);
    CREATE INDEX production_record_product ON production_record (product_id);

    CREATE TABLE production_role (
      shortname TEXT PRIMARY KEY,
      id INTEGER NOT NULL,
      learned_at INTEGER NOT NULL
    ) STRICT;
  `,
};
