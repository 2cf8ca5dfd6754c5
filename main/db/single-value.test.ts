import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { oneValue } from './single-value';

describe('oneValue', () => {
  it('passes the value of a query that returns a row, zero and null included', () => {
    const db = new Database(':memory:');
    expect(oneValue(db.prepare<[], number>('SELECT count(*) FROM (SELECT 1 WHERE 0)').pluck().get())).toBe(0);
    expect(oneValue(db.prepare<[], number | null>('SELECT max(x) FROM (SELECT 1 AS x WHERE 0)').pluck().get())).toBeNull();
  });

  it('throws, naming the query, when no row came back', () => {
    const db = new Database(':memory:');
    const sql = 'SELECT 1 WHERE 0';
    expect(() => oneValue(db.prepare<[], number>(sql).pluck().get(), sql)).toThrow(/no row: SELECT 1 WHERE 0/);
    expect(() => oneValue(undefined)).toThrow(/no row/);
  });
});
