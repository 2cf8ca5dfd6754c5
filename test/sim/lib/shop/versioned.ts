import { invalidParameter, MissingRecordException } from '../../external/exceptions';
import type { MoodleSite } from '../../site';
import { hasTombstone } from './db';
import { READERS, readRecord, type RecordOf } from './records';

/**
 * Optimistic concurrency on versioned records (docs/shop-api.md, "Writes"): a write names the version it was
 * made on; if the record has moved on, nothing is written and the answer carries the server's record; if the
 * record was deleted, the answer is `gone`.
 */
export type VersionedEntity = 'catalogs' | 'categories' | 'catalogitems' | 'customers';

export interface VersionedAnswer<R> {
  status: 'applied' | 'conflict' | 'gone';
  replayed: 0 | 1;
  id: number;
  version: number;
  current?: R;
}

/** dml_missing_record_exception for a record that never existed (no tombstone either). */
export function missingRecord(table: string, id: number): MissingRecordException {
  return new MissingRecordException(table, `SELECT * FROM {${table}} WHERE id = ?`, [id]);
}

export type BaseCheck<E extends VersionedEntity> = { record: RecordOf<E> } | { answer: VersionedAnswer<RecordOf<E>> };

/**
 * The record a write applies to, or the answer to give instead: `gone` after a delete, `conflict` on a stale
 * base version (with the current record unless `withCurrent` is false: delete answers carry no record).
 */
export function checkBase<E extends VersionedEntity>(
  site: MoodleSite,
  entity: E,
  id: number,
  baseversion: number,
  withCurrent = true,
): BaseCheck<E> {
  const record = readRecord(site, entity, id);
  if (!record) {
    if (hasTombstone(site, entity, id)) return { answer: { status: 'gone', replayed: 0, id, version: 0 } };
    throw missingRecord(READERS[entity].table, id);
  }
  const version = (record as { version: number }).version;
  if (version !== baseversion) {
    return { answer: { status: 'conflict', replayed: 0, id, version, ...(withCurrent ? { current: record } : {}) } };
  }
  return { record };
}

/** A creation is made on nothing: base version 0. */
export function requireCreationBase(baseversion: number): void {
  if (baseversion !== 0) throw invalidParameter(`baseversion must be 0 to create a record, not ${baseversion}`);
}

export function applied<E extends VersionedEntity>(site: MoodleSite, entity: E, id: number): VersionedAnswer<RecordOf<E>> {
  const record = readRecord(site, entity, id);
  if (!record) throw new Error(`${entity} ${id} vanished inside its own write`);
  return { status: 'applied', replayed: 0, id, version: (record as { version: number }).version, current: record };
}

/** The answer of an applied delete: no record any more. */
export function deleted(id: number, version: number): VersionedAnswer<never> {
  return { status: 'applied', replayed: 0, id, version };
}

/**
 * Fields a save leaves out keep their current value (their default on creation), like Moodle's update
 * functions with VALUE_OPTIONAL keys: a caller may send only what it changes.
 */
export function withCurrentValues<E extends VersionedEntity, T extends { id: number }>(
  site: MoodleSite,
  entity: E,
  given: Partial<T> & { id: number },
  defaults: Omit<T, 'id'>,
): T {
  const current = given.id === 0 ? undefined : (readRecord(site, entity, given.id) as Record<string, unknown> | undefined);
  const filled: Record<string, unknown> = { id: given.id };
  for (const key of Object.keys(defaults)) {
    const value = (given as Record<string, unknown>)[key];
    filled[key] = value !== undefined ? value : current && key in current ? current[key] : (defaults as Record<string, unknown>)[key];
  }
  return filled as T;
}
