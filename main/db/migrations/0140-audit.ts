import type { Migration } from '../migration';

/**
 * The audit of sales (shared/contract/audit.ts): each audit's run, and what it found, kept so that the list
 * works offline and the next audit after a sync compares only what changed since `bill_mark`/`product_mark`
 * (the highest `timemodified` the audit had seen). A finding's `key` names the sale and the kind, so an audit
 * replaces what it found for the same sale instead of adding a copy.
 */
export const migration0140: Migration = {
  version: 140,
  name: 'audit of sales',
  sql: `
    CREATE TABLE audit_run (
      id INTEGER PRIMARY KEY,
      scope TEXT NOT NULL,
      startedat INTEGER NOT NULL,
      finishedat INTEGER,
      outcome TEXT NOT NULL,
      products INTEGER NOT NULL DEFAULT 0,
      enrolments INTEGER NOT NULL DEFAULT 0,
      courses INTEGER NOT NULL DEFAULT 0,
      calls INTEGER NOT NULL DEFAULT 0,
      ms INTEGER NOT NULL DEFAULT 0,
      error TEXT NOT NULL DEFAULT '',
      bill_mark INTEGER NOT NULL DEFAULT 0,
      product_mark INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE audit_finding (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      billid INTEGER NOT NULL,
      billitemid INTEGER NOT NULL,
      productid INTEGER NOT NULL,
      reference TEXT NOT NULL,
      customerid INTEGER NOT NULL,
      customer TEXT NOT NULL,
      paidat INTEGER NOT NULL,
      courseid INTEGER NOT NULL,
      course TEXT NOT NULL,
      userid INTEGER NOT NULL,
      who TEXT NOT NULL,
      email TEXT NOT NULL,
      expected TEXT NOT NULL,
      found TEXT,
      seenat INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX audit_finding_kind ON audit_finding (kind);
    CREATE INDEX audit_finding_course ON audit_finding (courseid);

    -- Accounts a fix found by a case-insensitive search (an email the shop wrote in other capitals than Moodle):
    -- the audit matches emails exactly, and learns these here instead of searching each domain every time.
    CREATE TABLE audit_account (
      email TEXT PRIMARY KEY,
      userid INTEGER NOT NULL
    ) STRICT;
  `,
};
