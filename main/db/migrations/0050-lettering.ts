import type { Migration } from '../migration';

/**
 * Letter-matching (main/lettering): the formal invoices imported from the accounting software, the matches
 * between them and the shop's bills with the amount each item gives to each match (partial, many-to-one and
 * one-to-many alike), the log of who matched and unmatched what, and the column mappings remembered per kind
 * of file. A FEC's lines are kept as read, so the file can go back to the accounting software lettered.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'lettering',
  sql: `
    CREATE TABLE lettering_import (
      id INTEGER PRIMARY KEY,
      format TEXT NOT NULL CHECK (format IN ('fec', 'csv', 'xlsx')),
      source_key TEXT NOT NULL,
      file_name TEXT NOT NULL,
      encoding TEXT,
      separator TEXT NOT NULL,
      imported_at INTEGER NOT NULL,
      imported_by TEXT NOT NULL,
      invoice_count INTEGER NOT NULL,
      line_count INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE lettering_invoice (
      id INTEGER PRIMARY KEY,
      import_id INTEGER NOT NULL REFERENCES lettering_import (id),
      reference TEXT NOT NULL UNIQUE,
      invoice_date INTEGER NOT NULL,
      customer TEXT NOT NULL,
      customer_account TEXT NOT NULL,
      email TEXT NOT NULL,
      label TEXT NOT NULL,
      amountcents INTEGER NOT NULL,
      currency TEXT NOT NULL
    ) STRICT;

    CREATE TABLE lettering_fec_line (
      import_id INTEGER NOT NULL REFERENCES lettering_import (id),
      line INTEGER NOT NULL,
      fields TEXT NOT NULL,
      invoice_id INTEGER REFERENCES lettering_invoice (id),
      PRIMARY KEY (import_id, line)
    ) STRICT;
    CREATE INDEX lettering_fec_line_invoice ON lettering_fec_line (invoice_id) WHERE invoice_id IS NOT NULL;

    CREATE TABLE lettering_match (
      id INTEGER PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'undone')),
      rule TEXT NOT NULL,
      tolerance_cents INTEGER NOT NULL,
      currency TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      created_by TEXT NOT NULL,
      closed_at INTEGER,
      undone_at INTEGER,
      undone_by TEXT
    ) STRICT;
    CREATE INDEX lettering_match_state ON lettering_match (state);

    CREATE TABLE lettering_link (
      match_id INTEGER NOT NULL REFERENCES lettering_match (id),
      bill_id INTEGER,
      invoice_id INTEGER REFERENCES lettering_invoice (id),
      allocated_cents INTEGER NOT NULL,
      -- For a bill: the lettering written to its idnumber when the match closed ('' before).
      lettering TEXT NOT NULL DEFAULT '',
      CHECK ((bill_id IS NULL) <> (invoice_id IS NULL))
    ) STRICT;
    CREATE INDEX lettering_link_match ON lettering_link (match_id);
    CREATE INDEX lettering_link_bill ON lettering_link (bill_id) WHERE bill_id IS NOT NULL;
    CREATE INDEX lettering_link_invoice ON lettering_link (invoice_id) WHERE invoice_id IS NOT NULL;

    CREATE TABLE lettering_log (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      who TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('import', 'match', 'close', 'unmatch')),
      match_id INTEGER,
      detail TEXT NOT NULL
    ) STRICT;

    CREATE TABLE lettering_mapping (
      source_key TEXT PRIMARY KEY,
      mapping TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
  `,
};
