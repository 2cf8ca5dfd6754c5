import { describe, expect, it } from 'vitest';
import { applyMigration, column, databaseBefore, insert, schema, schemaChange } from './migration.test-support';

describe("migration 0130 outbox error text: a parked change's reason in both languages", () => {
  it('adds a nullable error_text; entries parked before it keep their English message and have none', () => {
    const db = databaseBefore(130);
    insert(db, 'outbox', {
      mutation_id: 'm1',
      kind: 'bill.pay',
      entity: 'bill',
      entity_id: 7,
      payload: '{"amountcents":100}',
      state: 'parked',
      error_code: 'bad_amount',
      error_message: 'The amount is more than is due',
      created_at: 5,
    });
    const before = schema(db);

    applyMigration(db, 130);

    expect(schemaChange(before, schema(db))).toEqual({ added: [], removed: [], changed: ['table outbox'] });
    expect(column(db, 'outbox', 'error_text')).toMatchObject({ type: 'TEXT', notnull: 0, dflt_value: null });
    expect(db.prepare('SELECT mutation_id, state, error_code, error_message, error_text FROM outbox').all()).toEqual([
      { mutation_id: 'm1', state: 'parked', error_code: 'bad_amount', error_message: 'The amount is more than is due', error_text: null },
    ]);
    db.prepare('UPDATE outbox SET error_text = \'{"key":"errors.bad_amount"}\' WHERE mutation_id = \'m1\'').run();
    expect(db.prepare('SELECT error_text FROM outbox').pluck().get()).toBe('{"key":"errors.bad_amount"}');
  });
});
