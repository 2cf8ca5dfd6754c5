import { MissingRecordException } from '../external/exceptions';
import type { MoodleSite, SqlValue } from '../site';

/**
 * Moodle's $DB API on the simulated site's SQLite. Table and column names come from the simulator's code only;
 * values are always bound. getRecordOrFail() throws dml_missing_record_exception with the SQL Moodle would have
 * run, because that SQL is what a site with debugging on sends back in `debuginfo`.
 */
export type Conditions = Record<string, SqlValue>;

function where(conditions: Conditions): { sql: string; params: SqlValue[] } {
  const keys = Object.keys(conditions);
  if (keys.length === 0) return { sql: '', params: [] };
  return {
    sql: ` WHERE ${keys.map((k) => (conditions[k] === null ? `${k} IS NULL` : `${k} = ?`)).join(' AND ')}`,
    params: keys.map((k) => conditions[k] ?? null).filter((v) => v !== null),
  };
}

export function getRecord<T>(site: MoodleSite, table: string, conditions: Conditions, fields = '*'): T | undefined {
  const w = where(conditions);
  return site.db.prepare(`SELECT ${fields} FROM mdl_${table}${w.sql} LIMIT 1`).get(...w.params) as T | undefined;
}

export function getRecords<T>(site: MoodleSite, table: string, conditions: Conditions = {}, sort = 'id'): T[] {
  const w = where(conditions);
  return site.db.prepare(`SELECT * FROM mdl_${table}${w.sql} ORDER BY ${sort}`).all(...w.params) as T[];
}

/** get_record(..., MUST_EXIST). */
export function getRecordOrFail<T>(site: MoodleSite, table: string, conditions: Conditions, fields = '*'): T {
  const record = getRecord<T>(site, table, conditions, fields);
  if (record !== undefined) return record;
  const keys = Object.keys(conditions);
  const sql = `SELECT ${fields} FROM {${table}}${keys.length ? ` WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}` : ''}`;
  throw new MissingRecordException(
    table,
    sql,
    keys.map((k) => conditions[k] ?? ''),
  );
}

export function recordExists(site: MoodleSite, table: string, conditions: Conditions): boolean {
  return getRecord(site, table, conditions, 'id') !== undefined;
}

/** insert_record(): the id comes from the site's sequences (see MoodleSite.nextId). */
export function insertRecord(site: MoodleSite, table: string, row: Conditions): number {
  const id = typeof row['id'] === 'number' ? row['id'] : site.nextId(table);
  const full: Conditions = { ...row, id };
  const keys = Object.keys(full);
  site.db
    .prepare(`INSERT INTO mdl_${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`)
    .run(...keys.map((k) => full[k] ?? null));
  return id;
}

export function updateRecord(site: MoodleSite, table: string, id: number, fields: Conditions): void {
  const keys = Object.keys(fields);
  if (keys.length === 0) return;
  site.db
    .prepare(`UPDATE mdl_${table} SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`)
    .run(...keys.map((k) => fields[k] ?? null), id);
}

export function deleteRecords(site: MoodleSite, table: string, conditions: Conditions): void {
  const w = where(conditions);
  site.db.prepare(`DELETE FROM mdl_${table}${w.sql}`).run(...w.params);
}
