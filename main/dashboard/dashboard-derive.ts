/**
 * How the dashboard's totals (migration 0170) are added up from the rows: the same rows and conditions the
 * figures' definitions name (docs/dashboard.md) and the reads without them use (dashboard-query.ts,
 * shares.ts); the test checks both against a loop over every bill. Apart from dashboard-totals.ts so that the
 * first sync's end (sync/bulk-load.ts) can run it.
 */

export const ZONE_KEY = 'dashboard_zone';

/**
 * How SQLite's `localtime` reads a few instants, winter and summer over 25 years: two processes that print the
 * same see the same local days. Kept beside the totals, compared before they are read.
 */
export const ZONE = `SELECT group_concat(strftime('%Y-%m-%d %H:%M', value, 'unixepoch', 'localtime'), ' ')
  FROM json_each('[946684800, 962409600, 1262304000, 1277942400, 1577836800, 1593561600, 1735689600, 1751328000]')`;

/**
 * Which days are added up: their rows (`source`, aliased d), whether a time falls in one (`within`), and the
 * local day a time is counted on (`day`).
 */
interface Days {
  source: string;
  within: (time: string) => string;
  day: (time: string) => string;
}

/**
 * The statements adding up the totals of some days, from the rows the figures are defined on. A time too large
 * for a date (a damaged row) has no day: left out rather than failing the sum of every other day.
 */
function dayRows({ source, within, day }: Days): string {
  return `
    INSERT INTO dashboard_day (currency, measure, day, shopid, code, itemid, cents, bills)
      SELECT b.currency, 'invoiced', ${day('b.emissiondate')} AS day, b.shopid, '', 0, sum(b.untaxedcents), count(*)
      FROM ${source} CROSS JOIN bill b ON ${within('b.emissiondate')}
      WHERE b.idnumber <> '' GROUP BY b.currency, day, b.shopid HAVING day IS NOT NULL;
    INSERT INTO dashboard_day (currency, measure, day, shopid, code, itemid, cents, bills)
      SELECT b.currency, 'credited', ${day('n.issuedat')} AS day, b.shopid, '', 0, sum(n.untaxedcents), 0
      FROM ${source} CROSS JOIN bill_credit_note n ON ${within('n.issuedat')} CROSS JOIN bill b ON b.id = n.billid
      GROUP BY b.currency, day, b.shopid HAVING day IS NOT NULL;
    INSERT INTO dashboard_day (currency, measure, day, shopid, code, itemid, cents, bills)
      SELECT b.currency, 'paid', ${day('p.paidon')} AS day, b.shopid, '', 0, sum(p.amountcents), 0
      FROM ${source} CROSS JOIN bill_payment p ON ${within('p.paidon')} CROSS JOIN bill b ON b.id = p.billid
      GROUP BY b.currency, day, b.shopid HAVING day IS NOT NULL;
    INSERT INTO dashboard_day (currency, measure, day, shopid, code, itemid, cents, bills)
      SELECT b.currency, 'refunded', ${day('n.refundedon')} AS day, b.shopid, '', 0, sum(n.refundcents), 0
      FROM ${source} CROSS JOIN bill_credit_note n ON n.refundcents <> 0 AND ${within('n.refundedon')} CROSS JOIN bill b ON b.id = n.billid
      GROUP BY b.currency, day, b.shopid HAVING day IS NOT NULL;
    INSERT INTO dashboard_day (currency, measure, day, shopid, code, itemid, cents, bills)
      SELECT currency, 'line', day, shopid, code, itemid, sum(cents), 0 FROM (
        SELECT b.currency, ${day('b.emissiondate')} AS day, b.shopid, bi.itemcode AS code, bi.catalogitemid AS itemid, bi.totalcents AS cents
        FROM ${source} CROSS JOIN bill b ON ${within('b.emissiondate')} CROSS JOIN bill_item bi ON bi.billid = b.id
        WHERE b.idnumber <> '' AND bi.type NOT IN ('DISCOUNT', 'SHIPPING')
        UNION ALL
        SELECT b.currency, ${day('n.issuedat')}, b.shopid, bi.itemcode, bi.catalogitemid, -cl.totalcents
        FROM ${source} CROSS JOIN bill_credit_note n ON ${within('n.issuedat')}
          CROSS JOIN bill b ON b.id = n.billid
          CROSS JOIN bill_credit_line cl ON cl.creditnoteid = n.id
          CROSS JOIN bill_item bi ON bi.id = cl.billitemid
        WHERE bi.type NOT IN ('DISCOUNT', 'SHIPPING'))
      GROUP BY currency, day, shopid, code, itemid HAVING day IS NOT NULL;`;
}

/** Every row, each counted on its local day. */
const EVERY_DAY: Days = {
  source: '(SELECT 1) d',
  within: () => '1',
  day: (time) => `date(${time}, 'unixepoch', 'localtime')`,
};

/** Adds everything up again: after the first sync (bulk-load.ts), on a cache that never had them, after a change of zone. */
export const DERIVE_DASHBOARD_TOTALS = `
  DELETE FROM dashboard_day;
  DELETE FROM dashboard_stale;
  DELETE FROM dashboard_customer;
  DELETE FROM dashboard_stage;
  ${dayRows(EVERY_DAY)}
  INSERT INTO dashboard_customer (currency, customerid, cents)
    SELECT currency, customerid, sum((idnumber <> '') * max(untaxedcents, 0)) FROM bill GROUP BY currency, customerid;
  INSERT INTO dashboard_stage (status, currency, shopid, bills, cents)
    SELECT status, currency, shopid, count(*), sum(amountcents) FROM bill GROUP BY status, currency, shopid;
  INSERT OR REPLACE INTO site_meta (key, value, updated_at) VALUES ('${ZONE_KEY}', (${ZONE}), 0);
`;

/** The stale days, each with its first and last second in local time. */
export const STALE_DAYS = `SELECT day, unixepoch(day, 'utc') AS lo, unixepoch(day, '+1 day', 'utc') - 1 AS hi FROM dashboard_stale`;

/** The stale days' rows, found by their times in the indexes. */
const THE_STALE_DAYS: Days = {
  source: 'temp.dashboard_days d',
  within: (time) => `${time} BETWEEN d.lo AND d.hi`,
  day: () => 'd.day',
};

export const REFRESH_STALE = `
  DROP TABLE IF EXISTS temp.dashboard_days;
  -- Each day's first and last second computed once (the zone conversion is not cheap), not once per row met.
  CREATE TEMP TABLE dashboard_days AS ${STALE_DAYS};
  DELETE FROM dashboard_day WHERE day IN (SELECT day FROM dashboard_stale);
  ${dayRows(THE_STALE_DAYS)}
  DELETE FROM dashboard_stale;
  DROP TABLE temp.dashboard_days;`;
