import { it } from 'vitest';
import { openDatabase } from '../db/open';
it('x', () => {
  const db = openDatabase(':memory:');
  const sql = `SELECT coalesce(group_concat(itemcode, ', ' ORDER BY first, itemcode), '') FROM (
      SELECT itemcode, min(ordering) AS first FROM bill_item
      WHERE billid = ? AND type NOT IN ('DISCOUNT', 'SHIPPING') GROUP BY itemcode)`;
  console.log((db.prepare('EXPLAIN QUERY PLAN ' + sql).all(1) as any[]).map((r) => r.detail).join(' | '));
  const t = `SELECT rowid FROM bill_search WHERE rowid IN (SELECT id FROM bill WHERE customerid = ?)`;
  console.log((db.prepare('EXPLAIN QUERY PLAN DELETE FROM bill_search WHERE rowid IN (SELECT id FROM bill WHERE customerid = ?)').all(1) as any[]).map((r) => r.detail).join(' | '));
});
