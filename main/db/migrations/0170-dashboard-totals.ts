import type { Migration } from '../migration';

/**
 * The dashboard's totals (main/dashboard/dashboard-totals.ts), so that a year of a million bills is added up
 * from a few thousand rows instead of the bills themselves (issue 18's 200 ms goal):
 *
 * - `dashboard_day`: per local day, currency and shop, the invoiced, credited, paid and refunded cents and,
 *   per item sold (`measure = 'line'`), the untaxed lines net of credited lines; docs/dashboard.md defines each.
 *   Kept by "stale days": a write to a bill, its lines, payments or credit notes marks the days it touches in
 *   `dashboard_stale` (a cheap insert), and those days are added up again from the rows after a sync
 *   (refreshDashboardTotals). Until then the dashboard reads a stale day from the rows themselves, so a figure
 *   is never behind the cache. Days are the local days of SQLite's `localtime`, the zone the core runs in; the
 *   zone the totals were added up in is kept in site_meta (`dashboard_zone`), and a change of zone adds them up
 *   again.
 * - `dashboard_customer`: per customer and currency, the invoiced untaxed cents (positive bills only), a bound
 *   no period can exceed: the top customers are found by walking it, largest first, until it falls below the
 *   tenth found (shares.ts). Kept exactly by the bill triggers.
 * - `dashboard_stage`: bills and cents per state, currency and shop, for the stages. Kept exactly by the bill
 *   triggers.
 *
 * The tables are filled by code, not here (refreshDashboardTotals finds no `dashboard_zone` and adds every day
 * up), so that this text, which is checksummed, does not hold SQL the code may need to change. The first sync
 * sets these triggers aside and adds everything up at its end (main/sync/bulk-load.ts).
 */

/** The local day of a time, as SQLite reckons it (the same calendar as the core's Date, months.ts). */
const day = (time: string) => `date(${time}, 'unixepoch', 'localtime')`;
/**
 * Marks stale the local day of a time (of each row `from` finds, when given). An upsert, not INSERT OR IGNORE: a
 * trigger's OR clause gives way to the writing statement's (a pull's upsert), which would then fail on a day
 * already marked. A time too large for a date has no day: nothing to mark.
 */
const stale = (time: string, from = '') =>
  `INSERT INTO dashboard_stale (day) SELECT day FROM (SELECT ${day(time)} AS day ${from}) WHERE day IS NOT NULL
   ON CONFLICT (day) DO NOTHING;`;
/** The days a bill's payments and credit notes are counted on: they follow its currency and shop. */
const billDays = (bill: string) => `
  ${stale('paidon', `FROM bill_payment WHERE billid = ${bill}`)}
  ${stale('issuedat', `FROM bill_credit_note WHERE billid = ${bill}`)}
  ${stale('refundedon', `FROM bill_credit_note WHERE billid = ${bill} AND refundcents <> 0`)}`;
const customer = (b: string, sign: 1 | -1) => `
  INSERT INTO dashboard_customer (currency, customerid, cents)
  VALUES (${b}.currency, ${b}.customerid, ${sign} * (${b}.idnumber <> '') * max(${b}.untaxedcents, 0))
  ON CONFLICT (currency, customerid) DO UPDATE SET cents = cents + excluded.cents;`;
const stage = (b: string, sign: 1 | -1) => `
  INSERT INTO dashboard_stage (status, currency, shopid, bills, cents)
  VALUES (${b}.status, ${b}.currency, ${b}.shopid, ${sign}, ${sign} * ${b}.amountcents)
  ON CONFLICT (status, currency, shopid) DO UPDATE SET bills = bills + excluded.bills, cents = cents + excluded.cents;`;
/** A line's bill's emission day, and the days its credit notes were issued on. */
const lineDays = (bill: string) => `
  ${stale('emissiondate', `FROM bill WHERE id = ${bill}`)}
  ${stale('issuedat', `FROM bill_credit_note WHERE billid = ${bill}`)}`;
const noteDays = (n: string) => `
  ${stale(`${n}.issuedat`)}
  ${stale(`${n}.refundedon`, `WHERE ${n}.refundcents <> 0`)}`;

export const migration0170: Migration = {
  version: 170,
  name: 'dashboard totals',
  sql: `
    CREATE TABLE dashboard_day (
      currency TEXT NOT NULL,
      measure TEXT NOT NULL CHECK (measure IN ('invoiced', 'credited', 'paid', 'refunded', 'line')),
      day TEXT NOT NULL, -- YYYY-MM-DD, local
      shopid INTEGER NOT NULL,
      code TEXT NOT NULL, -- the item code of a line, '' otherwise
      itemid INTEGER NOT NULL, -- the catalog item of a line, 0 otherwise
      cents INTEGER NOT NULL,
      bills INTEGER NOT NULL, -- invoices, for 'invoiced'; 0 otherwise
      PRIMARY KEY (currency, measure, day, shopid, code, itemid)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE dashboard_stale (day TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
    -- A stale day's refunds are found by their date (credit notes had no index on it: every day read them all).
    CREATE INDEX bill_credit_note_refunded ON bill_credit_note (refundedon) WHERE refundcents <> 0;
    CREATE TABLE dashboard_customer (
      currency TEXT NOT NULL,
      customerid INTEGER NOT NULL,
      cents INTEGER NOT NULL,
      PRIMARY KEY (currency, customerid)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX dashboard_customer_bound ON dashboard_customer (currency, cents DESC, customerid);
    CREATE TABLE dashboard_stage (
      status TEXT NOT NULL,
      currency TEXT NOT NULL,
      shopid INTEGER NOT NULL,
      bills INTEGER NOT NULL,
      cents INTEGER NOT NULL,
      PRIMARY KEY (status, currency, shopid)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER dashboard_bill_insert AFTER INSERT ON bill BEGIN
      ${stale('new.emissiondate')}
      ${customer('new', 1)} ${stage('new', 1)}
    END;
    CREATE TRIGGER dashboard_bill_delete AFTER DELETE ON bill BEGIN
      ${stale('old.emissiondate')} ${billDays('old.id')}
      ${customer('old', -1)} ${stage('old', -1)}
    END;
    -- A pull rewrites every column of the bills it receives: only a change of what the totals add up costs.
    CREATE TRIGGER dashboard_bill_update AFTER UPDATE ON bill
    WHEN old.emissiondate IS NOT new.emissiondate OR old.idnumber IS NOT new.idnumber OR old.untaxedcents IS NOT new.untaxedcents
      OR old.currency IS NOT new.currency OR old.shopid IS NOT new.shopid OR old.customerid IS NOT new.customerid
      OR old.status IS NOT new.status OR old.amountcents IS NOT new.amountcents
    BEGIN
      ${stale('old.emissiondate')} ${stale('new.emissiondate')} ${billDays('new.id')}
      ${customer('old', -1)} ${customer('new', 1)} ${stage('old', -1)} ${stage('new', 1)}
    END;

    CREATE TRIGGER dashboard_line_insert AFTER INSERT ON bill_item BEGIN ${lineDays('new.billid')} END;
    CREATE TRIGGER dashboard_line_delete AFTER DELETE ON bill_item BEGIN ${lineDays('old.billid')} END;
    CREATE TRIGGER dashboard_line_update AFTER UPDATE ON bill_item BEGIN ${lineDays('old.billid')} ${lineDays('new.billid')} END;

    CREATE TRIGGER dashboard_payment_insert AFTER INSERT ON bill_payment BEGIN ${stale('new.paidon')} END;
    CREATE TRIGGER dashboard_payment_delete AFTER DELETE ON bill_payment BEGIN ${stale('old.paidon')} END;
    CREATE TRIGGER dashboard_payment_update AFTER UPDATE ON bill_payment BEGIN
      ${stale('old.paidon')} ${stale('new.paidon')}
    END;

    CREATE TRIGGER dashboard_note_insert AFTER INSERT ON bill_credit_note BEGIN ${noteDays('new')} END;
    CREATE TRIGGER dashboard_note_delete AFTER DELETE ON bill_credit_note BEGIN ${noteDays('old')} END;
    CREATE TRIGGER dashboard_note_update AFTER UPDATE ON bill_credit_note BEGIN ${noteDays('old')} ${noteDays('new')} END;

    CREATE TRIGGER dashboard_credit_line_insert AFTER INSERT ON bill_credit_line BEGIN
      ${stale('issuedat', 'FROM bill_credit_note WHERE id = new.creditnoteid')}
    END;
    CREATE TRIGGER dashboard_credit_line_delete AFTER DELETE ON bill_credit_line BEGIN
      ${stale('issuedat', 'FROM bill_credit_note WHERE id = old.creditnoteid')}
    END;
    CREATE TRIGGER dashboard_credit_line_update AFTER UPDATE ON bill_credit_line BEGIN
      ${stale('issuedat', 'FROM bill_credit_note WHERE id IN (old.creditnoteid, new.creditnoteid)')}
    END;
  `,
};

/** The triggers above: the first sync sets them aside and adds everything up at its end (bulk-load.ts). */
export const DASHBOARD_TRIGGERS = [
  'dashboard_bill_insert',
  'dashboard_bill_delete',
  'dashboard_bill_update',
  'dashboard_line_insert',
  'dashboard_line_delete',
  'dashboard_line_update',
  'dashboard_payment_insert',
  'dashboard_payment_delete',
  'dashboard_payment_update',
  'dashboard_note_insert',
  'dashboard_note_delete',
  'dashboard_note_update',
  'dashboard_credit_line_insert',
  'dashboard_credit_line_delete',
  'dashboard_credit_line_update',
] as const;
