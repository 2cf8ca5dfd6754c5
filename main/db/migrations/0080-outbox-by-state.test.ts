import { describe, expect, it } from 'vitest';
import { applyMigration, databaseBefore, indexColumns, insert, queryPlan, schema, schemaChange } from './migration.test-support';

// The Sync workspace's read (main/sync/outbox.ts names the index; the planner must find it on its own too).
const OLDEST_OF_A_STATE = 'SELECT * FROM outbox WHERE state = ? ORDER BY seq LIMIT ?';

describe('migration 0080 outbox by state: the oldest entries of a state without scanning the outbox', () => {
  it('indexes the outbox by state then sequence, over the entries already queued', () => {
    const db = databaseBefore(80);
    const states = ['pending', 'conflict', 'pending', 'parked', 'pending'];
    states.forEach((state, i) =>
      insert(db, 'outbox', { mutation_id: `m${i}`, kind: 'bill.pay', entity: 'bill', entity_id: i, state, payload: '{}', created_at: i }),
    );
    // Before: every entry is read, in sequence order, until the limit's worth of this state turned up.
    expect(queryPlan(db, OLDEST_OF_A_STATE, 'pending', 2)).toBe('SCAN outbox');
    const before = schema(db);

    applyMigration(db, 80);

    expect(schemaChange(before, schema(db))).toEqual({ added: ['index outbox_state'], removed: [], changed: [] });
    expect(indexColumns(db, 'outbox_state')).toEqual(['state', 'seq']);
    const plan = queryPlan(db, OLDEST_OF_A_STATE, 'pending', 2);
    expect(plan).toMatch(/SEARCH outbox USING INDEX outbox_state \(state=\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(db.prepare(OLDEST_OF_A_STATE).all('pending', 2)).toMatchObject([{ mutation_id: 'm0' }, { mutation_id: 'm2' }]);
  });
});
